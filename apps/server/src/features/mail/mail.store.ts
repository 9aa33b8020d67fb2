import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { mailMessages } from '../../db/schema.ts';

export type MailRow = typeof mailMessages.$inferSelect;
export type MailStatusValue = 'queued' | 'sent' | 'held' | 'failed';

export interface NewMailRow {
  toAddress: string;
  toUserId: string | null;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  kind: string;
  dedupeKey: string | null;
  createdAt: string;
  sendAfter: string | null;
}

export interface OutboxFilter {
  status?: MailStatusValue | undefined;
  kind?: string | undefined;
  to?: string | undefined;
  after?: { createdAt: string; id: string } | undefined;
  limit: number;
}

// The list leaves the bodies out: a page of fifty digests need not carry fifty documents.
const summaryColumns = {
  id: mailMessages.id,
  toAddress: mailMessages.toAddress,
  toUserId: mailMessages.toUserId,
  subject: mailMessages.subject,
  kind: mailMessages.kind,
  status: mailMessages.status,
  attempts: mailMessages.attempts,
  lastError: mailMessages.lastError,
  createdAt: mailMessages.createdAt,
  sendAfter: mailMessages.sendAfter,
  lastAttemptAt: mailMessages.lastAttemptAt,
  sentAt: mailMessages.sentAt,
};
export type MailSummaryRow = Pick<MailRow, keyof typeof summaryColumns>;

/** The outbox (docs/mail.md): one row per message, with its fate. */
export const mailStore = {
  /** A new message, queued; null when its dedupe key was seen before (the same message twice). */
  async insert(executor: Executor, row: NewMailRow): Promise<string | null> {
    const inserted = await executor
      .insert(mailMessages)
      .values({ ...row, status: 'queued' })
      .onConflictDoNothing({ target: mailMessages.dedupeKey })
      .returning({ id: mailMessages.id });
    return inserted[0]?.id ?? null;
  },

  async find(executor: Executor, id: string): Promise<MailRow | undefined> {
    const [row] = await executor.select().from(mailMessages).where(eq(mailMessages.id, id));
    return row;
  },

  /** The message, locked for its delivery: a second run of the same job waits, then sees `sent`. */
  async lock(executor: Executor, id: string): Promise<MailRow | undefined> {
    const [row] = await executor.select().from(mailMessages).where(eq(mailMessages.id, id)).for('update');
    return row;
  },

  async markSent(
    executor: Executor,
    id: string,
    at: string,
    smtp: { messageId: string | null; response: string | null },
  ): Promise<void> {
    await executor
      .update(mailMessages)
      .set({
        status: 'sent',
        attempts: sql`${mailMessages.attempts} + 1`,
        lastAttemptAt: at,
        sentAt: at,
        lastError: null,
        smtpMessageId: smtp.messageId,
        smtpResponse: smtp.response,
      })
      .where(eq(mailMessages.id, id));
  },

  /** No SMTP server: kept in the outbox; not counted as an attempt (nothing was tried). */
  async markHeld(executor: Executor, id: string, at: string, note: string): Promise<void> {
    await executor
      .update(mailMessages)
      .set({ status: 'held', lastAttemptAt: at, lastError: note })
      .where(eq(mailMessages.id, id));
  },

  /** A failed attempt: still `queued` while retries remain, `failed` after the last. */
  async recordFailure(
    executor: Executor,
    id: string,
    at: string,
    error: string,
    status: 'queued' | 'failed',
  ): Promise<void> {
    await executor
      .update(mailMessages)
      .set({ status, attempts: sql`${mailMessages.attempts} + 1`, lastAttemptAt: at, lastError: error })
      .where(eq(mailMessages.id, id));
  },

  /** Back in the queue (an admin's re-send); false when it is not held or failed. */
  async requeue(executor: Executor, id: string): Promise<boolean> {
    const updated = await executor
      .update(mailMessages)
      .set({ status: 'queued', lastError: null })
      .where(
        and(eq(mailMessages.id, id), or(eq(mailMessages.status, 'held'), eq(mailMessages.status, 'failed'))),
      )
      .returning({ id: mailMessages.id });
    return updated.length > 0;
  },

  /**
   * Messages still queued, never tried, due for a while: their job was lost (sent before its
   * queue existed, on a first start). Queuing another is harmless: delivery locks the row and
   * sends only what is still queued.
   */
  async strandedIds(executor: Executor, dueBefore: string, limit: number): Promise<string[]> {
    const rows = await executor
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(
        and(
          eq(mailMessages.status, 'queued'),
          isNull(mailMessages.lastAttemptAt),
          sql`COALESCE(${mailMessages.sendAfter}, ${mailMessages.createdAt}) < ${dueBefore}`,
        ),
      )
      .orderBy(mailMessages.createdAt)
      .limit(limit);
    return rows.map((row) => row.id);
  },

  /** The outbox, newest first. */
  async page(executor: Executor, filter: OutboxFilter): Promise<MailSummaryRow[]> {
    const { after } = filter;
    return executor
      .select(summaryColumns)
      .from(mailMessages)
      .where(
        and(
          filter.status ? eq(mailMessages.status, filter.status) : undefined,
          filter.kind ? eq(mailMessages.kind, filter.kind) : undefined,
          filter.to ? sql`lower(${mailMessages.toAddress}) = lower(${filter.to})` : undefined,
          after
            ? or(
                lt(mailMessages.createdAt, after.createdAt),
                and(eq(mailMessages.createdAt, after.createdAt), lt(mailMessages.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
      .limit(filter.limit);
  },

  async countsByStatus(executor: Executor): Promise<Record<MailStatusValue, number>> {
    const rows = await executor
      .select({ status: mailMessages.status, count: sql<number>`count(*)::int` })
      .from(mailMessages)
      .groupBy(mailMessages.status);
    const counts: Record<MailStatusValue, number> = { queued: 0, sent: 0, held: 0, failed: 0 };
    for (const row of rows) counts[row.status as MailStatusValue] = row.count;
    return counts;
  },
};
