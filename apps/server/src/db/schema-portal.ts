import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { instant, recordColumns } from './schema-columns.ts';
import { accounts, contacts } from './schema-record.ts';

// The customer portal's people (docs/portal.md): customer users, their sessions and the single-use
// links of their invitations and sign-ins. Kept apart from staff users and sessions on purpose: a
// portal session cannot be mistaken for a staff one because it is not in the same table.

export const customerUsers = pgTable(
  'customer_users',
  {
    ...recordColumns,
    // One customer user per contact; the account is the contact's (copied at the invitation so
    // every customer-scoped read filters on one column).
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    // invited | active | deactivated
    status: text('status').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    invitedAt: instant('invited_at').notNull(),
    activatedAt: instant('activated_at'),
    deactivatedAt: instant('deactivated_at'),
    lastSignInAt: instant('last_sign_in_at'),
  },
  (table) => [
    uniqueIndex('customer_users_contact_key').on(table.contactId),
    // Sign-in is by e-mail: one customer user per address, whatever its case.
    uniqueIndex('customer_users_email_key').on(sql`lower(${table.email})`),
    index('customer_users_account_idx').on(table.accountId),
  ],
);

export const portalSessions = pgTable(
  'portal_sessions',
  {
    // sha-256 of the `liaison_portal` cookie's value, as staff sessions keep theirs.
    tokenHash: text('token_hash').primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    customerUserId: uuid('customer_user_id')
      .notNull()
      .references(() => customerUsers.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (table) => [
    index('portal_sessions_customer_user_idx').on(table.customerUserId),
    uniqueIndex('portal_sessions_id_key').on(table.id),
  ],
);

/** The links mailed to customer users: an invitation (set a password) or a magic sign-in link. */
export const portalTokens = pgTable(
  'portal_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // sha-256 of the token in the link: the outbox holds the link, the table only its hash.
    tokenHash: text('token_hash').notNull(),
    customerUserId: uuid('customer_user_id')
      .notNull()
      .references(() => customerUsers.id, { onDelete: 'cascade' }),
    // invitation | sign_in
    purpose: text('purpose').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    // Single use: set when the link is used, or when a newer link of the same purpose replaces it.
    usedAt: instant('used_at'),
  },
  (table) => [
    uniqueIndex('portal_tokens_hash_key').on(table.tokenHash),
    index('portal_tokens_customer_user_idx').on(table.customerUserId),
  ],
);
