import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from './schema-columns.ts';

// What Liaison says and to whom: the events every message starts from (docs/messages.md).
/**
 * The event log: one row per thing that happened, written in the transaction of the change
 * (or by the scans that notice time passing), handed once to each consumer by the dispatcher.
 * `dedupeKey` makes "the same event twice" impossible (an obligation turning overdue on a day).
 */
export const events = pgTable(
  'events',
  {
    // The order events happened in, for the dispatcher; `id` is what others refer to.
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().unique(),
    type: text('type').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    accountId: uuid('account_id'),
    dedupeKey: text('dedupe_key').unique(),
    /** The event as consumers read it (contracts' LiaisonEvent). */
    body: jsonb('body').notNull(),
    dispatchedAt: instant('dispatched_at'),
  },
  (table) => [index('events_pending_idx').on(table.seq).where(sql`${table.dispatchedAt} IS NULL`)],
);
