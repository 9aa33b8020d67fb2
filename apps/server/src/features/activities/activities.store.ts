import type { ActivityFields, ActivityKind, CreateActivityRequest } from '@liaison/contracts';
import { and, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';

export type ActivityRow = typeof activities.$inferSelect;

/** A new activity as requested, with who logged it; what the request leaves out gets its default. */
export type NewActivity = CreateActivityRequest & { createdByUserId?: string | null };

export interface ActivityPageFilter {
  kind?: ActivityKind | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: { occurredAt: string; id: string } | undefined;
  limit: number;
}

export const activitiesStore = {
  async insert(executor: Executor, accountId: string, values: NewActivity, now: Date): Promise<ActivityRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(activities)
      .values({
        accountId,
        kind: values.kind,
        summary: values.summary,
        occurredAt: values.occurredAt ?? at,
        notes: values.notes ?? null,
        attendees: values.attendees ?? { userIds: [], contactIds: [] },
        actionItems: values.actionItems ?? [],
        externalIds: values.externalIds ?? {},
        purposes: values.purposes ?? [],
        createdByUserId: values.createdByUserId ?? null,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    return row!;
  },

  /** Every activity of the account, newest first (the timeline pages through `pageByAccount`). */
  async listByAccount(executor: Executor, accountId: string): Promise<ActivityRow[]> {
    return executor
      .select()
      .from(activities)
      .where(eq(activities.accountId, accountId))
      .orderBy(desc(activities.occurredAt), desc(activities.id));
  },

  async lockById(executor: Executor, id: string): Promise<ActivityRow | undefined> {
    const [row] = await executor.select().from(activities).where(eq(activities.id, id)).for('update');
    return row;
  },

  async findById(executor: Executor, id: string): Promise<ActivityRow | undefined> {
    const [row] = await executor.select().from(activities).where(eq(activities.id, id));
    return row;
  },

  /** The timeline, newest first, with keyset pagination on (occurredAt, id). */
  async pageByAccount(
    executor: Executor,
    accountId: string,
    filter: ActivityPageFilter,
  ): Promise<ActivityRow[]> {
    const after = filter.after;
    return executor
      .select()
      .from(activities)
      .where(
        and(
          eq(activities.accountId, accountId),
          filter.kind ? eq(activities.kind, filter.kind) : undefined,
          filter.from ? gte(activities.occurredAt, filter.from) : undefined,
          filter.to ? lte(activities.occurredAt, filter.to) : undefined,
          after
            ? or(
                lt(activities.occurredAt, after.occurredAt),
                and(eq(activities.occurredAt, after.occurredAt), lt(activities.id, after.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(activities.occurredAt), desc(activities.id))
      .limit(filter.limit);
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<ActivityFields>,
    now: Date,
  ): Promise<ActivityRow> {
    const [row] = await executor
      .update(activities)
      .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(activities.id, id), changesAnything(activities, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(activities).where(eq(activities.id, id)))[0]!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(activities).where(eq(activities.id, id));
  },
};
