import { defaultPlaybook } from '@liaison/domain';
import type { Catalog } from './catalog.ts';
import type { Database } from './db/client.ts';
import type { AccountChangedHook } from './features/accounts/account-access.ts';
import { createAccountsService } from './features/accounts/accounts.service.ts';
import { createActivitiesService } from './features/activities/activities.service.ts';
import { createAssessmentsService } from './features/assessments/assessments.service.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createContactsService } from './features/contacts/contacts.service.ts';
import { createExportsService } from './features/exports/exports.service.ts';
import { createImportsService } from './features/imports/imports.service.ts';
import { createOpportunitiesService } from './features/opportunities/opportunities.service.ts';
import { createPlaybookProvider } from './features/playbook/playbook.provider.ts';
import { createPlaybookService } from './features/playbook/playbook.service.ts';
import { createEmeaParametersService } from './features/priority-inputs/emea-parameters.service.ts';
import { createInitiativesService } from './features/priority-inputs/initiatives.service.ts';
import { createPriorityExceptionsService } from './features/priority-inputs/priority-exceptions.service.ts';
import { createPriorityProposalsService } from './features/priority-inputs/priority-proposals.service.ts';
import { createProfilesService } from './features/profiles/profiles.service.ts';
import { createSuccessPlansService } from './features/success-plans/success-plans.service.ts';
import { createSupportTicketsService } from './features/support-tickets/support-tickets.service.ts';
import { createTeamService } from './features/team/team.service.ts';
import { createUsersService } from './features/users/users.service.ts';

/** The vocabularies of the built-in playbook. */
export const defaultCatalog: Catalog = { plans: defaultPlaybook.plans, stages: defaultPlaybook.stages };

/** Wires every feature's service to the database; no container, just functions. */
export function createServices(
  db: Database,
  options: { sessionHours: number; catalog?: () => Catalog; onAccountChanged?: AccountChangedHook },
) {
  const playbookProvider = createPlaybookProvider();
  const assessments = createAssessmentsService(db, playbookProvider);
  // Plans and stages follow the playbook in force; a test may pin its own vocabulary.
  const catalog = options.catalog ?? playbookProvider.catalog;
  // Every write that can change an input reassesses its account in the same transaction.
  const onAccountChanged = options.onAccountChanged ?? assessments.onAccountChanged;
  // EMEA parameter ids and exception approver roles follow the playbook in force.
  const latestPlaybook = () => playbookProvider.latest().playbook;
  return {
    playbookProvider,
    assessments,
    playbook: createPlaybookService(db, playbookProvider),
    auth: createAuthService(db, { sessionHours: options.sessionHours }),
    users: createUsersService(db),
    accounts: createAccountsService(db, { catalog, onAccountChanged }),
    profiles: createProfilesService(db, { onAccountChanged }),
    contacts: createContactsService(db),
    team: createTeamService(db, { onAccountChanged }),
    opportunities: createOpportunitiesService(db, { onAccountChanged }),
    activities: createActivitiesService(db, { onAccountChanged }),
    successPlans: createSuccessPlansService(db, { onAccountChanged }),
    supportTickets: createSupportTicketsService(db, { onAccountChanged }),
    initiatives: createInitiativesService(db, { onAccountChanged }),
    emeaParameters: createEmeaParametersService(db, { onAccountChanged, playbook: latestPlaybook }),
    priorityProposals: createPriorityProposalsService(db, { onAccountChanged }),
    priorityExceptions: createPriorityExceptionsService(db, { onAccountChanged, playbook: latestPlaybook }),
    imports: createImportsService(db, { assessments, playbookProvider, catalog }),
    exports: createExportsService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
