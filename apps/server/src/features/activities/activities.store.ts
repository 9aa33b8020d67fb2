import type { ActivityFields, ActivityKind } from '@liaison/contracts';
import { and, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { activities } from '../../db/schema.ts';
import type { ActivityRow } from './activities.presenter.ts';

type NewActivity = Omit<ActivityFields, 'notes' | 'externalIds' | 'purposes'> &
  Partial<Pick<ActivityFields, 'notes' | 'externalIds' | 'purposes'>> & { createdByUserId: string | null };

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
      .values({ ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
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
      .where(eq(activities.id, id))
      .returning();
    return row!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(activities).where(eq(activities.id, id));
  },
};
