import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { instant, recordColumns, textArray } from './schema-columns.ts';

// Outbound webhooks (docs/webhooks.md): the endpoints admins register, each delivery of an event
// to one of them, and every attempt at it (the delivery log).

export const webhookEndpoints = pgTable('webhook_endpoints', {
  ...recordColumns,
  name: text('name').notNull(),
  url: text('url').notNull(),
  // 'liaison' (the signed event envelope) or 'slack' (an incoming-webhook message).
  format: text('format').notNull(),
  eventTypes: textArray('event_types'),
  isActive: boolean('is_active').notNull().default(true),
  // Kept as is, unlike a token: the server must sign with it. Never answered after it is made.
  secret: text('secret').notNull(),
  secretRotatedAt: instant('secret_rotated_at').notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdByName: text('created_by_name').notNull(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The log goes with its endpoint: a deleted endpoint's deliveries mean nothing any more.
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    // Not a reference: the test event is in no log, and the event log may be pruned one day.
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    /** The event as it is sent (a replay sends the same): contracts' WebhookPayload. */
    payload: jsonb('payload').notNull(),
    // 'pending' | 'retrying' | 'succeeded' | 'failed'
    status: text('status').notNull(),
    attemptCount: integer('attempt_count').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    lastAttemptAt: instant('last_attempt_at'),
    lastHttpStatus: integer('last_http_status'),
    replayOf: uuid('replay_of'),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [
    index('webhook_deliveries_endpoint_idx').on(table.endpointId, table.createdAt.desc(), table.id.desc()),
    // An event reaches an endpoint once (a replay is a delivery of its own).
    uniqueIndex('webhook_deliveries_event_key')
      .on(table.endpointId, table.eventId)
      .where(sql`${table.replayOf} IS NULL`),
  ],
);

export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptNo: integer('attempt_no').notNull(),
    startedAt: instant('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    httpStatus: integer('http_status'),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
  },
  (table) => [primaryKey({ columns: [table.deliveryId, table.attemptNo] })],
);
