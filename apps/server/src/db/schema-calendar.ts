import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { instant } from './schema-columns.ts';

// Per-person calendar feeds (docs/calendar.md): a secret iCal URL whose token is the credential.

/**
 * One feed per person at most: creating it again rotates the secret (the row is replaced), and
 * revoking deletes it, so an old URL finds nothing at once. Only the SHA-256 of the secret is kept,
 * as for API tokens (docs/security.md, Sessions and tokens).
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    lastFetchedAt: instant('last_fetched_at'),
  },
  (table) => [uniqueIndex('calendar_feeds_hash_key').on(table.tokenHash)],
);
