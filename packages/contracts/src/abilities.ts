import { z } from 'zod';

// What the caller may do, as the server's policies decide it. Clients show or hide actions from
// these flags and never copy a policy: the server computes them from the same table it enforces.

const ability = (description: string) => z.boolean().describe(description);

/** The caller's abilities across the installation (`GET /auth/me`, `POST /auth/login`). */
export const UserAbilities = z
  .object({
    manageUsers: ability('Create, change and deactivate users.'),
    managePlaybook: ability('Validate, dry-run and apply a playbook.'),
    viewSystemStatus: ability("The server's status: background work, its runs and failures."),
    manageMail: ability('The e-mail outbox: read every message, re-send, send a test message.'),
    manageTeam: ability('The team overview and bulk reassessment.'),
    createAccount: ability('Create an account.'),
    makeTasks: ability('Make tasks (docs/tasks.md).'),
    importRecords: ability('Import accounts, contacts, opportunities and activities from CSV.'),
    importUsers: ability('Import users from CSV.'),
    manageWebhooks: ability('Register outbound webhooks, read their delivery log, replay deliveries.'),
  })
  .describe('What the caller may do, decided by the server for this caller now.');

/** The caller's abilities on one account, judged with its current team at the request's instant. */
export const AccountAbilities = z
  .object({
    edit: ability('Change the account and everything it owns (profiles, contacts, opportunities, …).'),
    delete: ability('Delete the account.'),
    changeTeam: ability("Assign, hand over, end and correct the account's team."),
    decideException: ability('Approve or reject a priority exception (the playbook names the roles).'),
    approveProposal: ability('Approve the EMEA priority proposal.'),
  })
  .describe('What the caller may do on this account now (for an `asOf` record: on the living account).');

export type UserAbilities = z.infer<typeof UserAbilities>;
export type AccountAbilities = z.infer<typeof AccountAbilities>;
