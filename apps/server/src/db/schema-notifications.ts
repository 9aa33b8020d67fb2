import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { instant } from './schema-columns.ts';

// What each person is told and how they like to be told (docs/notifications.md).

/**
 * One row per (person, event): the notification centre's entries. The unique pair is what makes
 * "no duplicate for one event" hold however often an event is handed over. The event's words
 * are copied in: the centre reads one table, and an entry outlives its account.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    link: text('link').notNull(),
    accountId: uuid('account_id'),
    accountName: text('account_name'),
    actor: jsonb('actor'),
    occurredAt: instant('occurred_at').notNull(),
    createdAt: instant('created_at').notNull(),
    /** The channel the person's preferences gave it: in_app, email or digest. */
    channel: text('channel').notNull(),
    readAt: instant('read_at'),
    /** When a daily digest carried it (digest channel only); null: the next digest will. */
    digestedAt: instant('digested_at'),
  },
  (table) => [
    uniqueIndex('notifications_user_event_key').on(table.userId, table.eventId),
    // The centre: one person's, newest first (keyset by occurred_at, id).
    index('notifications_user_idx').on(table.userId, table.occurredAt.desc(), table.id.desc()),
    index('notifications_unread_idx').on(table.userId).where(sql`${table.readAt} IS NULL`),
    index('notifications_digest_idx')
      .on(table.userId, table.occurredAt)
      .where(sql`${table.channel} = 'digest' AND ${table.digestedAt} IS NULL`),
  ],
);

/** A person's choices over the defaults (domain `effectivePreferences`); no row: the defaults. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** Event type → channel, only those chosen; the others take their defaults. */
  channels: jsonb('channels').notNull().default({}),
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  timeZone: text('time_zone').notNull(),
  digestHour: integer('digest_hour').notNull(),
  digest: boolean('digest').notNull(),
  updatedAt: instant('updated_at').notNull(),
});
