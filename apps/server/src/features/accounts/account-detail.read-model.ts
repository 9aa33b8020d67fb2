import type { Account } from '@liaison/contracts';
import type { Executor } from '../../db/client.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { contactsStore } from '../contacts/contacts.store.ts';
import {
  emptyProfiles,
  presentBusinessProfile,
  presentTechnicalProfile,
} from '../profiles/profiles.presenter.ts';
import { profilesStore } from '../profiles/profiles.store.ts';
import { presentTeamAssignment } from '../team/team.presenter.ts';
import { teamStore } from '../team/team.store.ts';
import { presentAccountSummary } from './accounts.presenter.ts';
import { accountsStore } from './accounts.store.ts';

/** The living record: the account with its profiles, contacts and the team current at `now`. */
export async function loadAccountDetail(
  executor: Executor,
  id: string,
  now: Date,
): Promise<Account | undefined> {
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
