import type { Catalog } from './catalog.ts';
import type { Database } from './db/client.ts';
import { type AccountChangedHook, noAccountHook } from './features/accounts/account-access.ts';
import { createAccountsService } from './features/accounts/accounts.service.ts';
import { createActivitiesService } from './features/activities/activities.service.ts';
import { createAuthService } from './features/auth/auth.service.ts';
import { createContactsService } from './features/contacts/contacts.service.ts';
import { createOpportunitiesService } from './features/opportunities/opportunities.service.ts';
import { createProfilesService } from './features/profiles/profiles.service.ts';
import { createTeamService } from './features/team/team.service.ts';
import { createUsersService } from './features/users/users.service.ts';

export const defaultCatalog: Catalog = {
  plans: ['free', 'premium', 'ultimate'],
  stages: ['plan', 'create', 'verify', 'package', 'secure', 'release', 'configure', 'monitor', 'govern'],
};

/** Wires every feature's service to the database; no container, just functions. */
export function createServices(
  db: Database,
  options: { sessionHours: number; catalog?: () => Catalog; onAccountChanged?: AccountChangedHook },
) {
  const catalog = options.catalog ?? (() => defaultCatalog);
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    auth: createAuthService(db, { sessionHours: options.sessionHours }),
    users: createUsersService(db),
    accounts: createAccountsService(db, { catalog, onAccountChanged }),
    profiles: createProfilesService(db, { onAccountChanged }),
    contacts: createContactsService(db),
    team: createTeamService(db, { onAccountChanged }),
    opportunities: createOpportunitiesService(db, { onAccountChanged }),
    activities: createActivitiesService(db, { onAccountChanged }),
  };
}

export type Services = ReturnType<typeof createServices>;
