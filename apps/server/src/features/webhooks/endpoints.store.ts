import type { EventType, WebhookFormat } from '@liaison/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { webhookEndpoints } from '../../db/schema.ts';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;

export interface EndpointValues {
  name?: string;
  url?: string;
  format?: WebhookFormat;
  eventTypes?: EventType[];
  isActive?: boolean;
  secret?: string;
  secretRotatedAt?: string;
}

/** The endpoints admins register (docs/webhooks.md). */
export const endpointsStore = {
  async insert(
    executor: Executor,
    values: Required<Omit<EndpointValues, 'secretRotatedAt'>> & { createdBy: string; createdByName: string },
    now: Date,
  ): Promise<EndpointRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(webhookEndpoints)
      .values({ ...values, secretRotatedAt: at, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findById(executor: Executor, id: string, lock = false): Promise<EndpointRow | undefined> {
    const query = executor.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async update(executor: Executor, id: string, values: EndpointValues, now: Date): Promise<EndpointRow> {
    const [row] = await executor
      .update(webhookEndpoints)
      .set({ ...values, version: sql`${webhookEndpoints.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(webhookEndpoints.id, id), changesAnything(webhookEndpoints, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await endpointsStore.findById(executor, id))!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  },

  /** The active endpoints subscribed to any of `types`: who hears of a batch of events. */
  async activeFor(executor: Executor, types: readonly string[]): Promise<EndpointRow[]> {
    if (types.length === 0) return [];
    return executor
      .select()
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.isActive, true),
          sql`${webhookEndpoints.eventTypes} && ${sql.param([...types])}::text[]`,
        ),
      );
  },
};
