import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { instant } from './schema-columns.ts';

// E-mail (docs/mail.md).
/**
 * The outbox: every message Liaison sends, kept with its fate. A message is written in the
 * transaction of what caused it, with the job that delivers it; without an SMTP server it stays
 * here as `held`, so nothing is dropped silently and an admin can read or re-send it.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    // A user who is later deleted keeps their messages: the address says who it went to.
    toUserId: uuid('to_user_id').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html'),
    kind: text('kind').notNull(),
    // The same message twice (a notification noticed by two servers) is one message.
    dedupeKey: text('dedupe_key').unique(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // What the SMTP server answered: its Message-ID and final response, for tracing a delivery.
    smtpMessageId: text('smtp_message_id'),
    smtpResponse: text('smtp_response'),
    createdAt: instant('created_at').notNull(),
    // Quiet hours: not sent before this instant.
    sendAfter: instant('send_after'),
    lastAttemptAt: instant('last_attempt_at'),
    sentAt: instant('sent_at'),
  },
  (table) => [
    check('mail_messages_status', sql`${table.status} IN ('queued', 'sent', 'held', 'failed')`),
    check('mail_messages_attempts', sql`${table.attempts} >= 0`),
    // The outbox, newest first, whole or by status.
    index('mail_messages_created_idx').on(table.createdAt, table.id),
    index('mail_messages_status_idx').on(table.status, table.createdAt, table.id),
    index('mail_messages_user_idx').on(table.toUserId).where(sql`${table.toUserId} IS NOT NULL`),
  ],
);
