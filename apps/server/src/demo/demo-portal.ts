import { customerUsers } from '../db/schema.ts';
import { customerUserSnapshot } from '../features/portal/index.ts';
import { derivedUuid } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { HistoryLog } from './demo-timeline.ts';

// The demo's customer portal (docs/portal.md): on each post-sales demo project, the contact who
// asks the questions uses the portal — an active customer user whose password is the demo's, so
// a visitor signs in at /portal as the customer (the portal's sign-in page lists them).

const newCustomerUser = rowsOf(customerUsers);
const DAY = 86_400_000;

export interface PortalPerson {
  contact: { id: string; accountId: string; name: string; email: string | null };
  invitedBy: { id: string; name: string };
  /** When the project was made: the invitation follows a day later, the first sign-in a day after. */
  projectCreated: Date;
}

export function buildCustomerUserRows(
  people: readonly PortalPerson[],
  passwordHash: string,
  log: HistoryLog,
) {
  return people.flatMap(({ contact, invitedBy, projectCreated }) => {
    if (!contact.email) return [];
    const invitedAt = new Date(projectCreated.getTime() + DAY);
    const activatedAt = new Date(invitedAt.getTime() + DAY);
    const row = newCustomerUser({
      id: derivedUuid(`customer-user:${contact.id}`),
      version: 2,
      createdAt: invitedAt.toISOString(),
      updatedAt: activatedAt.toISOString(),
      contactId: contact.id,
      accountId: contact.accountId,
      email: contact.email,
      passwordHash,
      status: 'active',
      invitedByUserId: invitedBy.id,
      invitedAt: invitedAt.toISOString(),
      activatedAt: activatedAt.toISOString(),
      deactivatedAt: null,
      lastSignInAt: activatedAt.toISOString(),
    });
    // The history as the portal writes it: the TAM's invitation, then the customer's acceptance.
    const named = { ...row, name: contact.name, invitedByName: invitedBy.name };
    const invited = customerUserSnapshot({
      ...named,
      status: 'invited',
      activatedAt: null,
      lastSignInAt: null,
    });
    const entry = { accountId: contact.accountId, entityType: 'customer_user' as const, entityId: row.id };
    log.add(
      invitedAt,
      { type: 'user', id: invitedBy.id, name: invitedBy.name },
      { ...entry, before: null, after: invited },
    );
    log.add(
      activatedAt,
      { type: 'contact', id: contact.id, name: contact.name },
      {
        ...entry,
        before: invited,
        after: customerUserSnapshot(named),
      },
    );
    return [row];
  });
}
