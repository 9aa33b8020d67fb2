import type { AccountAbilities, TeamRole, UserAbilities } from '@liaison/contracts';
import { type ExceptionApproverRole, exceptionApproverRole, type PolicyUser, policies } from './policies.ts';

/**
 * Where each policy is served to clients (docs/architecture.md, "Permissions are served"): keyed
 * by the policy table, so a new policy that no payload carries does not compile, and clients
 * never have a reason to copy one.
 */
export const servedIn = {
  manageUsers: 'me',
  managePlaybook: 'me',
  viewSystemStatus: 'me',
  manageMail: 'me',
  manageTeam: 'me',
  createAccount: 'me',
  makeTasks: 'me',
  importRecords: 'me',
  manageWebhooks: 'me',
  changeAccountTeam: 'account',
  editAccount: 'account',
  deleteAccount: 'account',
  approvePriorityProposal: 'account',
} as const satisfies Record<keyof typeof policies, 'me' | 'account'>;

/** The caller's abilities across the installation, from the policy table. */
export function userAbilities(user: PolicyUser): UserAbilities {
  return {
    manageUsers: policies.manageUsers(user),
    managePlaybook: policies.managePlaybook(user),
    viewSystemStatus: policies.viewSystemStatus(user),
    manageMail: policies.manageMail(user),
    manageTeam: policies.manageTeam(user),
    createAccount: policies.createAccount(user),
    makeTasks: policies.makeTasks(user),
    importRecords: policies.importRecords(user, 'accounts'),
    importUsers: policies.importRecords(user, 'users'),
    manageWebhooks: policies.manageWebhooks(user),
  };
}

/** What the account's abilities are judged on, read at the request's instant. */
export interface AccountPolicyFacts {
  /** The team roles the caller holds on the account's current team (empty: not a member). */
  teamRoles: readonly TeamRole[];
  /** The playbook's `priority.exceptionApproverRoles`. */
  exceptionApproverRoles: readonly ExceptionApproverRole[];
}

/**
 * The caller's abilities on one account. Each flag is the conjunction of the checks its write
 * makes: deciding an exception and approving a proposal also lock the account as editable
 * (`requireEditableAccount`), so they are never granted where editing is refused.
 */
export function accountAbilities(user: PolicyUser, facts: AccountPolicyFacts): AccountAbilities {
  const edit = policies.editAccount(user, facts.teamRoles.length > 0);
  return {
    edit,
    delete: policies.deleteAccount(user),
    changeTeam: policies.changeAccountTeam(user),
    decideException:
      edit && exceptionApproverRole(user, facts.teamRoles, facts.exceptionApproverRoles) !== null,
    approveProposal: edit && policies.approvePriorityProposal(user),
  };
}
