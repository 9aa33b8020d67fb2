import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { workflowComments, workflowInstances, workflowSteps } from '../../db/schema.ts';

export type WorkflowInstanceRow = typeof workflowInstances.$inferSelect;
export type WorkflowStepRow = typeof workflowSteps.$inferSelect;
export type WorkflowCommentRow = typeof workflowComments.$inferSelect;
type InstanceInsert = Omit<
  typeof workflowInstances.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;
type StepInsert = Omit<typeof workflowSteps.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type InstancePatch = Partial<
  Pick<
    WorkflowInstanceRow,
    | 'status'
    | 'completedAt'
    | 'cancelledAt'
    | 'cancelReason'
    | 'context'
    | 'events'
    | 'furthestStage'
    | 'gateOverrides'
  >
>;
export type StepPatch = Partial<
  Pick<
    WorkflowStepRow,
    | 'state'
    | 'openedAt'
    | 'openReason'
    | 'startedAt'
    | 'completedAt'
    | 'completedBy'
    | 'dueOn'
    | 'responsibleUserId'
    | 'responsibleName'
    | 'responsibleExplanation'
    | 'data'
    | 'activityId'
    | 'skipReason'
  >
>;

export const journeyStore = {
  async insertInstance(executor: Executor, values: InstanceInsert, now: Date): Promise<WorkflowInstanceRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(workflowInstances)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findInstance(executor: Executor, id: string, lock = false): Promise<WorkflowInstanceRow | undefined> {
    const query = executor.select().from(workflowInstances).where(eq(workflowInstances.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async findActive(
    executor: Executor,
    accountId: string,
    kind: string,
  ): Promise<WorkflowInstanceRow | undefined> {
    const [row] = await executor
      .select()
      .from(workflowInstances)
      .where(
        and(
          eq(workflowInstances.accountId, accountId),
          eq(workflowInstances.kind, kind),
          eq(workflowInstances.status, 'active'),
        ),
      );
    return row;
  },

  async listInstances(executor: Executor, accountId: string): Promise<WorkflowInstanceRow[]> {
    return executor
      .select()
      .from(workflowInstances)
      .where(eq(workflowInstances.accountId, accountId))
      .orderBy(desc(workflowInstances.startedAt), desc(workflowInstances.id));
  },

  async updateInstance(
    executor: Executor,
    id: string,
    patch: InstancePatch,
    now: Date,
  ): Promise<WorkflowInstanceRow> {
    const [row] = await executor
      .update(workflowInstances)
      .set({ ...patch, version: sql`${workflowInstances.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(workflowInstances.id, id))
      .returning();
    return row!;
  },

  async insertSteps(executor: Executor, values: StepInsert[], now: Date): Promise<WorkflowStepRow[]> {
    if (values.length === 0) return [];
    const at = now.toISOString();
    return executor
      .insert(workflowSteps)
      .values(values.map((value) => ({ ...value, createdAt: at, updatedAt: at })))
      .returning();
  },

  async listSteps(executor: Executor, instanceIds: readonly string[]): Promise<WorkflowStepRow[]> {
    if (instanceIds.length === 0) return [];
    return executor
      .select()
      .from(workflowSteps)
      .where(inArray(workflowSteps.instanceId, [...instanceIds]))
      .orderBy(asc(workflowSteps.instanceId), asc(workflowSteps.position));
  },

  async findStep(executor: Executor, id: string): Promise<WorkflowStepRow | undefined> {
    const [row] = await executor.select().from(workflowSteps).where(eq(workflowSteps.id, id));
    return row;
  },

  async lockStep(executor: Executor, id: string): Promise<WorkflowStepRow | undefined> {
    const [row] = await executor.select().from(workflowSteps).where(eq(workflowSteps.id, id)).for('update');
    return row;
  },

  async updateStep(executor: Executor, id: string, patch: StepPatch, now: Date): Promise<WorkflowStepRow> {
    const [row] = await executor
      .update(workflowSteps)
      .set({ ...patch, version: sql`${workflowSteps.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(workflowSteps.id, id))
      .returning();
    return row!;
  },

  async insertComment(
    executor: Executor,
    values: Omit<typeof workflowComments.$inferInsert, 'id'>,
  ): Promise<WorkflowCommentRow> {
    const [row] = await executor.insert(workflowComments).values(values).returning();
    return row!;
  },

  async listComments(executor: Executor, stepRowIds: readonly string[]): Promise<WorkflowCommentRow[]> {
    if (stepRowIds.length === 0) return [];
    return executor
      .select()
      .from(workflowComments)
      .where(inArray(workflowComments.stepRowId, [...stepRowIds]))
      .orderBy(asc(workflowComments.createdAt), asc(workflowComments.id));
  },
};
