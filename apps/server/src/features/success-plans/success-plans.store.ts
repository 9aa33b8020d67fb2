import type { ObjectiveFields, SuccessPlanStatus } from '@liaison/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { successPlanObjectives, successPlans } from '../../db/schema.ts';

export type SuccessPlanRow = typeof successPlans.$inferSelect;
export type ObjectiveRow = typeof successPlanObjectives.$inferSelect;

interface PlanValues {
  status: SuccessPlanStatus;
  strategy: string | null;
}

/**
 * `status_changed_at` moves only when the status really changes: the success plan's obligation
 * counts from it (docs/playbook.md, Obligations).
 */
function statusChangedAt(
  table: typeof successPlans | typeof successPlanObjectives,
  status: string | undefined,
  now: Date,
) {
  if (status === undefined) return table.statusChangedAt;
  return sql`CASE WHEN ${table.status} IS DISTINCT FROM ${status} THEN ${now.toISOString()}::timestamptz ELSE ${table.statusChangedAt} END`;
}

export const successPlansStore = {
  async find(executor: Executor, accountId: string, lock = false): Promise<SuccessPlanRow | undefined> {
    const query = executor.select().from(successPlans).where(eq(successPlans.accountId, accountId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async insert(
    executor: Executor,
    accountId: string,
    values: PlanValues,
    now: Date,
  ): Promise<SuccessPlanRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(successPlans)
      .values({ ...values, accountId, createdAt: at, updatedAt: at, statusChangedAt: at })
      .returning();
    return row!;
  },

  async update(
    executor: Executor,
    accountId: string,
    values: Partial<PlanValues>,
    now: Date,
  ): Promise<SuccessPlanRow> {
    const [row] = await executor
      .update(successPlans)
      .set({
        ...values,
        // The success plan's obligation counts from when its status last changed (docs/playbook.md).
        statusChangedAt: statusChangedAt(successPlans, values.status, now),
        version: sql`${successPlans.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(and(eq(successPlans.accountId, accountId), changesAnything(successPlans, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return (
      row ?? (await executor.select().from(successPlans).where(eq(successPlans.accountId, accountId)))[0]!
    );
  },
};

export const objectivesStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: Partial<ObjectiveFields> & Pick<ObjectiveFields, 'title' | 'status'>,
    now: Date,
  ): Promise<ObjectiveRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(successPlanObjectives)
      .values({ ...values, accountId, createdAt: at, updatedAt: at, statusChangedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<ObjectiveRow | undefined> {
    const [row] = await executor
      .select()
      .from(successPlanObjectives)
      .where(eq(successPlanObjectives.id, id))
      .for('update');
    return row;
  },

  /** Unlocked: the account to lock first (kernel/account-access.ts, lockOwnedRecord). */
  async findById(executor: Executor, id: string): Promise<ObjectiveRow | undefined> {
    const [row] = await executor.select().from(successPlanObjectives).where(eq(successPlanObjectives.id, id));
    return row;
  },

  /** Soonest due first (undated last), then in the order they were captured. */
  async listByAccount(executor: Executor, accountId: string): Promise<ObjectiveRow[]> {
    return executor
      .select()
      .from(successPlanObjectives)
      .where(eq(successPlanObjectives.accountId, accountId))
      .orderBy(
        asc(successPlanObjectives.dueDate),
        asc(successPlanObjectives.createdAt),
        asc(successPlanObjectives.id),
      );
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<ObjectiveFields>,
    now: Date,
  ): Promise<ObjectiveRow> {
    const [row] = await executor
      .update(successPlanObjectives)
      .set({
        ...values,
        // When an objective leaves green, the success plan's clock starts (docs/playbook.md).
        statusChangedAt: statusChangedAt(successPlanObjectives, values.status, now),
        version: sql`${successPlanObjectives.version} + 1`,
        updatedAt: now.toISOString(),
      })
      .where(and(eq(successPlanObjectives.id, id), changesAnything(successPlanObjectives, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return (
      row ?? (await executor.select().from(successPlanObjectives).where(eq(successPlanObjectives.id, id)))[0]!
    );
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(successPlanObjectives).where(eq(successPlanObjectives.id, id));
  },
};
