import { randomUUID } from 'node:crypto';
import type { EventType, LiaisonEvent } from '@liaison/contracts';
import type { Database, Executor } from '../db/client.ts';
import { eventsStore } from './events.store.ts';
import type { JobDefinition } from './job-queue.ts';

/**
 * Events (docs/messages.md): a change records what happened in its own transaction — so an
 * event exists exactly when its change does — and the dispatcher hands each event once to every
 * consumer (notifications, webhooks), in a transaction of its own, after the change committed.
 */
export interface NewEvent {
  type: EventType;
  /** The instant it happened: the request's `now`, the scan's `now`. */
  now: Date | string;
  account: { id: string; name: string } | null;
  actor: { id: string; name: string } | null;
  title: string;
  summary: string;
  link: string;
  recipientIds?: string[];
  data?: Record<string, unknown>;
  /** The same key twice is one event (an overdue obligation noticed by two scans). */
  dedupeKey?: string;
}

export function buildEvent(input: NewEvent): LiaisonEvent {
  return {
    id: randomUUID(),
    type: input.type,
    occurredAt: new Date(input.now).toISOString(),
    account: input.account,
    actor: input.actor,
    title: input.title,
    summary: input.summary,
    link: input.link,
    recipientIds: [...new Set(input.recipientIds ?? [])],
    data: input.data ?? {},
  };
}

/** Records an event in the caller's transaction; false when its dedupe key was seen before. */
export function recordEvent(executor: Executor, input: NewEvent): Promise<boolean> {
  return eventsStore.insert(executor, buildEvent(input), input.dedupeKey ?? null);
}

/**
 * A consumer of events. `consume` runs inside the dispatcher's transaction: what it writes (a
 * notification, a delivery and its job) commits together with the mark "dispatched", so an
 * event is handed over once even if a server dies midway (the batch is then handed over again).
 */
export interface EventConsumer {
  name: string;
  consume(executor: Executor, events: readonly LiaisonEvent[], now: Date): Promise<void>;
}

const BATCH = 200;

export function createEventDispatcher(db: Database, consumers: () => readonly EventConsumer[]) {
  return {
    /** Hands every pending event to every consumer; returns how many were dispatched. */
    async dispatchPending(now: Date): Promise<number> {
      let total = 0;
      for (;;) {
        const count = await db.transaction(async (tx) => {
          const pending = await eventsStore.claimPending(tx, BATCH);
          const bodies = pending.map((row) => row.body);
          for (const consumer of consumers()) {
            if (bodies.length > 0) await consumer.consume(tx, bodies, now);
          }
          await eventsStore.markDispatched(
            tx,
            pending.map((row) => row.seq),
            now.toISOString(),
          );
          return pending.length;
        });
        total += count;
        if (count < BATCH) return total;
      }
    },
    recent: (limit: number) => eventsStore.recent(db, limit),
  };
}

export type EventDispatcher = ReturnType<typeof createEventDispatcher>;

export const DISPATCH_JOB = 'events-dispatch';

/**
 * The dispatcher as a job: nudged by every committed event (NOTIFY, see server start) and run
 * every minute in case a nudge was missed. `stately`: however many nudges, one run waits.
 */
export function eventsJobs(dispatcher: EventDispatcher, clock: () => Date): JobDefinition<never>[] {
  const dispatch: JobDefinition = {
    name: DISPATCH_JOB,
    description: 'Hands new events to the notification centre, e-mail and webhooks.',
    schedule: '* * * * *',
    policy: 'stately',
    retryLimit: 10,
    retryDelaySeconds: 5,
    backoff: true,
    expireInSeconds: 600,
    run: async () => ({ dispatched: await dispatcher.dispatchPending(clock()) }),
  };
  return [dispatch] as JobDefinition<never>[];
}
