import { formatExportValue, IMPORT_FORMATS, type ImportObject, splitName } from '@liaison/domain';
import { presentAccountSummary } from '../accounts/index.ts';
import { presentActivity } from '../activities/index.ts';
import { presentContact } from '../contacts/index.ts';
import { presentOpportunity } from '../opportunities/index.ts';
import { presentUser } from '../users/index.ts';
import type { exportsStore } from './exports.store.ts';

type Page<K extends keyof typeof exportsStore> = Awaited<ReturnType<(typeof exportsStore)[K]>>[number];

/**
 * A record as one CSV row of its object's format (`IMPORT_FORMATS`): the API's presentation of the
 * record, keyed by the format's field names, each written by `formatExportValue`.
 */
export function exportRow(object: ImportObject, values: Record<string, unknown>): string[] {
  return IMPORT_FORMATS[object]
    .filter((spec) => spec.exported !== false)
    .map((spec) => formatExportValue(values[spec.field]));
}

const salesforceId = (externalIds: Record<string, string>) => externalIds.salesforce ?? null;

function names(name: string) {
  const [firstName, lastName] = splitName(name);
  return { firstName, lastName };
}

export const exportValues = {
  accounts(row: Page<'accounts'>): Record<string, unknown> {
    const account = presentAccountSummary(row.account);
    return {
      ...account,
      ...account.qualifyUp,
      salesforceId: salesforceId(account.externalIds),
      liaisonId: account.id,
      parentRef: account.parentAccountId ? row.parentRef : null,
      ownerRef: row.ownerRef,
      tamRef: row.tamRef,
    };
  },
  contacts(row: Page<'contacts'>): Record<string, unknown> {
    const contact = presentContact(row.contact);
    return {
      ...contact,
      ...names(contact.name),
      salesforceId: salesforceId(contact.externalIds),
      liaisonId: contact.id,
      accountRef: row.accountRef,
    };
  },
  opportunities(row: Page<'opportunities'>): Record<string, unknown> {
    const opportunity = presentOpportunity(row.opportunity);
    return {
      ...opportunity,
      salesforceId: salesforceId(opportunity.externalIds),
      liaisonId: opportunity.id,
      accountRef: row.accountRef,
    };
  },
  activities(row: Page<'activities'>): Record<string, unknown> {
    const activity = presentActivity(row.activity);
    return {
      ...activity,
      salesforceId: salesforceId(activity.externalIds),
      liaisonId: activity.id,
      accountRef: row.accountRef,
      ownerRef: activity.createdByUserId ? row.ownerRef : null,
    };
  },
  users(row: Page<'users'>): Record<string, unknown> {
    const user = presentUser(row.user);
    return {
      ...user,
      ...names(user.name),
      salesforceId: salesforceId(row.user.externalIds as Record<string, string>),
    };
  },
};
