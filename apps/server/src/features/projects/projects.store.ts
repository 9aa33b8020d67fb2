import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { projectIssues, projectLabels, projectMilestones, projects } from '../../db/schema.ts';

// The project aggregate: the project, its milestones and labels (docs/projects.md).

export type ProjectRow = typeof projects.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;
export type LabelRow = typeof projectLabels.$inferSelect;
export type NewProject = Omit<typeof projects.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const projectsStore = {
  async findById(executor: Executor, id: string): Promise<ProjectRow | undefined> {
    const [row] = await executor.select().from(projects).where(eq(projects.id, id));
    return row;
  },

  async lockById(executor: Executor, id: string): Promise<ProjectRow | undefined> {
    const [row] = await executor.select().from(projects).where(eq(projects.id, id)).for('update');
    return row;
  },

  listByAccount(executor: Executor, accountId: string): Promise<ProjectRow[]> {
    return executor
      .select()
      .from(projects)
      .where(eq(projects.accountId, accountId))
      .orderBy(asc(projects.createdAt));
  },

  async insert(executor: Executor, values: NewProject, now: Date): Promise<ProjectRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(projects)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<Pick<ProjectRow, 'name' | 'readme' | 'ownerUserId' | 'phase' | 'postSalesAt'>>,
    now: Date,
  ): Promise<ProjectRow> {
    const [row] = await executor
      .update(projects)
      .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(projects.id, id))
      .returning();
    return row!;
  },

  /** The next issue number of a project, taken in the caller's transaction (the project is locked). */
  async takeIssueNumber(executor: Executor, id: string): Promise<number> {
    const [row] = await executor
      .update(projects)
      .set({ nextIssueNumber: sql`${projects.nextIssueNumber} + 1` })
      .where(eq(projects.id, id))
      .returning({ next: projects.nextIssueNumber });
    return row!.next - 1;
  },

  async insertMilestones(
    executor: Executor,
    rows: Omit<typeof projectMilestones.$inferInsert, 'id'>[],
  ): Promise<MilestoneRow[]> {
    return rows.length === 0 ? [] : executor.insert(projectMilestones).values(rows).returning();
  },

  async insertLabels(executor: Executor, rows: Omit<typeof projectLabels.$inferInsert, 'id'>[]) {
    return rows.length === 0 ? [] : executor.insert(projectLabels).values(rows).returning();
  },

  listMilestones(executor: Executor, projectId: string): Promise<MilestoneRow[]> {
    return executor
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(asc(projectMilestones.position));
  },

  listLabels(executor: Executor, projectId: string): Promise<LabelRow[]> {
    return executor
      .select()
      .from(projectLabels)
      .where(eq(projectLabels.projectId, projectId))
      .orderBy(asc(projectLabels.position));
  },

  /** Open and closed issues per milestone of a project, and the open issues in all. */
  async issueCounts(executor: Executor, projectId: string) {
    const rows = await executor
      .select({
        milestoneId: projectIssues.milestoneId,
        state: projectIssues.state,
        count: sql<number>`count(*)::int`,
      })
      .from(projectIssues)
      .where(eq(projectIssues.projectId, projectId))
      .groupBy(projectIssues.milestoneId, projectIssues.state);
    return rows;
  },

  async findMilestone(executor: Executor, projectId: string, id: string): Promise<MilestoneRow | undefined> {
    const [row] = await executor
      .select()
      .from(projectMilestones)
      .where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.id, id)));
    return row;
  },
};
