import type { CustomerUser, CustomerUserStatus } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { CustomerUserRow } from './customer-users.store.ts';

/** A customer user as staff see it (never the password hash). */
export function presentCustomerUser(row: CustomerUserRow): CustomerUser {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    contactId: row.contactId,
    name: row.name,
    email: row.email,
    status: row.status as CustomerUserStatus,
    invitedBy:
      row.invitedByUserId && row.invitedByName ? { id: row.invitedByUserId, name: row.invitedByName } : null,
    invitedAt: toIso(row.invitedAt),
    activatedAt: toIso(row.activatedAt),
    deactivatedAt: toIso(row.deactivatedAt),
    lastSignInAt: toIso(row.lastSignInAt),
  };
}

/** What the history keeps of a customer user: as staff see it, without the sign-in bookkeeping. */
export function customerUserSnapshot(row: CustomerUserRow) {
  const { lastSignInAt: _bookkeeping, ...snapshot } = presentCustomerUser(row);
  return snapshot;
}

/** Two letters for the avatar the portal shows instead of a photo: "Dora Digest" → "DD". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words.at(-1)!] : words.slice(0, 1);
  return letters.map((word) => Array.from(word)[0]!.toUpperCase()).join('') || '?';
}
