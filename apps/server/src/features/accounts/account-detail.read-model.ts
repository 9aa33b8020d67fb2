import type { Account } from '@liaison/contracts';
import type { Executor } from '../../db/client.ts';
import { contactsStore, presentContact } from '../contacts/index.ts';
import {
  emptyProfiles,
  presentBusinessProfile,
  presentTechnicalProfile,
  profilesStore,
} from '../profiles/index.ts';
import { presentTeamAssignment, teamStore } from '../team/index.ts';
import { presentAccountSummary } from './accounts.presenter.ts';
import { accountsStore } from './accounts.store.ts';

/** The account as stored, before the caller's abilities (`can`) are added to it. */
export type AccountRecord = Omit<Account, 'can'>;

/** The living record: the account with its profiles, contacts and the team current at `now`. */
export async function loadAccountDetail(
  executor: Executor,
  id: string,
  now: Date,
): Promise<AccountRecord | undefined> {
  const row = await accountsStore.findById(executor, id);
  if (!row) return undefined;
  // Sequential on purpose: inside a transaction there is one connection, and pg queues (and will
  // refuse) concurrent queries on one client.
  const business = await profilesStore.findBusiness(executor, id);
  const technical = await profilesStore.findTechnical(executor, id);
  const contacts = await contactsStore.listByAccount(executor, id);
  const team = await teamStore.listByAccount(executor, id, now);
  const summary = presentAccountSummary(row);
  const empty = emptyProfiles(summary.createdAt);
  return {
    ...summary,
    businessProfile: business ? presentBusinessProfile(business) : empty.business,
    technicalProfile: technical ? presentTechnicalProfile(technical) : empty.technical,
    contacts: contacts.map(presentContact),
    team: team.map(presentTeamAssignment),
    asOf: null,
  };
}
