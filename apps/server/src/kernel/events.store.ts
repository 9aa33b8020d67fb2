import type { LiaisonEvent } from '@liaison/contracts';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { events } from '../db/schema.ts';

export interface EventRow {
  seq: number;
  body: LiaisonEvent;
}

/** The event log (docs/messages.md): written in the change's transaction, read by the dispatcher. */
export const eventsStore = {
  /**
   * Records an event; with a `dedupeKey` already recorded it does nothing (false): an event
   * noticed twice (two scans, two servers) is one event.
   */
  async insert(executor: Executor, event: LiaisonEvent, dedupeKey: string | null): Promise<boolean> {
    const inserted = await executor
      .insert(events)
      .values({
        id: event.id,
        type: event.type,
        occurredAt: event.occurredAt,
        accountId: event.account?.id ?? null,
        dedupeKey,
        body: event,
      })
      .onConflictDoNothing({ target: events.dedupeKey })
      .returning({ seq: events.seq });
    return inserted.length > 0;
  },

  /** Undelivered events, oldest first, locked: another dispatcher skips them meanwhile. */
  async claimPending(executor: Executor, limit: number): Promise<EventRow[]> {
    const rows = await executor
      .select({ seq: events.seq, body: events.body })
      .from(events)
      .where(isNull(events.dispatchedAt))
      .orderBy(asc(events.seq))
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows as EventRow[];
  },

  async markDispatched(executor: Executor, seqs: number[], at: string): Promise<void> {
    if (seqs.length === 0) return;
    await executor
      .update(events)
      .set({ dispatchedAt: at })
      .where(and(inArray(events.seq, seqs), isNull(events.dispatchedAt)));
  },

  /** Recent events (newest first), for admins and the webhook test sender. */
  async recent(executor: Executor, limit: number): Promise<LiaisonEvent[]> {
    const rows = await executor
      .select({ body: events.body })
      .from(events)
      .orderBy(sql`${events.seq} DESC`)
      .limit(limit);
    return rows.map((row) => row.body as LiaisonEvent);
  },
};
