import type { Contact, StakeholderRole } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { ContactRow } from './contacts.store.ts';

export function presentContact(row: ContactRow): Contact {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    name: row.name,
    email: row.email,
    title: row.title,
    phone: row.phone,
    stakeholderRoles: row.stakeholderRoles as StakeholderRole[],
    externalIds: row.externalIds as Record<string, string>,
  };
}
