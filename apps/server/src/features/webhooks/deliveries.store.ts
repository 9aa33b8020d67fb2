import type { WebhookDeliveryStatus, WebhookPayload } from '@liaison/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { webhookAttempts, webhookDeliveries } from '../../db/schema.ts';

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

export interface NewDelivery {
  endpointId: string;
  payload: WebhookPayload;
  replayOf?: string | null;
}

export interface AttemptOutcome {
  startedAt: string;
  durationMs: number;
  httpStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
  /** The delivery's status once this attempt is recorded. */
  status: WebhookDeliveryStatus;
  nextAttemptAt: string | null;
}

/** Deliveries of events to endpoints and their attempts (the delivery log). */
export const deliveriesStore = {
  /**
   * Inserts deliveries; an event that already reached an endpoint is skipped (a batch handed over
   * twice). Returns the rows inserted, whose jobs the caller queues.
   */
  async insert(executor: Executor, deliveries: NewDelivery[], now: Date): Promise<DeliveryRow[]> {
    if (deliveries.length === 0) return [];
    return executor
      .insert(webhookDeliveries)
      .values(
        deliveries.map((delivery) => ({
          endpointId: delivery.endpointId,
          eventId: delivery.payload.id,
          eventType: delivery.payload.type,
          payload: delivery.payload,
          status: 'pending',
          replayOf: delivery.replayOf ?? null,
          createdAt: now.toISOString(),
        })),
      )
      .onConflictDoNothing()
      .returning();
  },

  async findById(executor: Executor, id: string, lock = false): Promise<DeliveryRow | undefined> {
    const query = executor.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  /** Records an attempt and the status it leaves, on a delivery the caller has locked. */
  async recordAttempt(executor: Executor, delivery: DeliveryRow, outcome: AttemptOutcome): Promise<void> {
    const attemptNo = delivery.attemptCount + 1;
    await executor.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      attemptNo,
      startedAt: outcome.startedAt,
      durationMs: outcome.durationMs,
      httpStatus: outcome.httpStatus,
      responseExcerpt: outcome.responseExcerpt,
      error: outcome.error,
    });
    await executor
      .update(webhookDeliveries)
      .set({
        attemptCount: attemptNo,
        status: outcome.status,
        nextAttemptAt: outcome.nextAttemptAt,
        lastAttemptAt: outcome.startedAt,
        lastHttpStatus: outcome.httpStatus,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
  },

  /** Ends a delivery without an attempt (its endpoint was disabled meanwhile). */
  async finish(executor: Executor, id: string, status: WebhookDeliveryStatus): Promise<void> {
    await executor
      .update(webhookDeliveries)
      .set({ status, nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, id));
  },

  async attempts(executor: Executor, deliveryId: string): Promise<AttemptRow[]> {
    return executor
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, deliveryId))
      .orderBy(sql`${webhookAttempts.attemptNo}`);
  },
};
