import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant, recordColumns, textArray } from './schema-columns.ts';

// Who signs in: users, their sessions and API tokens, sign-in throttling (docs/security.md).

export const users = pgTable(
  'users',
  {
    ...recordColumns,
    name: text('name').notNull(),
    email: text('email').notNull(),
    region: text('region'),
    roles: textArray('roles'),
    isActive: boolean('is_active').notNull().default(true),
    passwordHash: text('password_hash'),
    // Ids of the same person in other systems (import: `OwnerId` → user by Salesforce Id).
    externalIds: jsonb('external_ids').notNull().default({}),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    uniqueIndex('users_salesforce_id_key').on(sql`(${table.externalIds} ->> 'salesforce')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha-256 of the cookie value: a database leak does not hand out live sessions.
    tokenHash: text('token_hash').primaryKey(),
    // What the history names a session by when it is ended (docs/security.md, Sessions and tokens).
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId), uniqueIndex('sessions_id_key').on(table.id)],
);

/**
 * Sign-in attempts counted per e-mail and per client over a fixed window, in PostgreSQL so that
 * every server of an installation counts the same attempts (docs/security.md, Throttling).
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    // `email:<address>` or `client:<address>`, prefixed `portal:` / `portal-link:` for the customer portal.
    key: text('key').primaryKey(),
    windowStartedAt: instant('window_started_at').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (table) => [index('sign_in_attempts_window_idx').on(table.windowStartedAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
  },
  (table) => [uniqueIndex('api_tokens_hash_key').on(table.tokenHash)],
);
