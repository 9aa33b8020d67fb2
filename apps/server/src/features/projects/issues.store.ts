import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { projectAttachments, projectComments, projectIssues } from '../../db/schema.ts';

// The issue aggregate: an issue, its comments (internal notes among them) and its attachments.

export type IssueRow = typeof projectIssues.$inferSelect;
export type CommentRow = typeof projectComments.$inferSelect;
export type AttachmentRow = Omit<typeof projectAttachments.$inferSelect, 'content'>;
export type NewIssue = Omit<typeof projectIssues.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type IssueChanges = Partial<
  Pick<
    IssueRow,
    | 'title'
    | 'description'
    | 'labels'
    | 'milestoneId'
    | 'assigneeUserId'
    | 'assigneeContactId'
    | 'state'
    | 'closedAt'
  >
>;

const attachmentColumns = {
  id: projectAttachments.id,
  accountId: projectAttachments.accountId,
  projectId: projectAttachments.projectId,
  issueId: projectAttachments.issueId,
  authorKind: projectAttachments.authorKind,
  authorUserId: projectAttachments.authorUserId,
  authorContactId: projectAttachments.authorContactId,
  authorName: projectAttachments.authorName,
  fileName: projectAttachments.fileName,
  contentType: projectAttachments.contentType,
  size: projectAttachments.size,
  createdAt: projectAttachments.createdAt,
};

export const issuesStore = {
  async findByNumber(executor: Executor, projectId: string, number: number, lock = false) {
    const query = executor
      .select()
      .from(projectIssues)
      .where(and(eq(projectIssues.projectId, projectId), eq(projectIssues.number, number)));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async findById(executor: Executor, id: string): Promise<IssueRow | undefined> {
    const [row] = await executor.select().from(projectIssues).where(eq(projectIssues.id, id));
    return row;
  },

  async insert(executor: Executor, values: NewIssue, now: Date): Promise<IssueRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(projectIssues)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async update(executor: Executor, id: string, values: IssueChanges, now: Date): Promise<IssueRow> {
    const [row] = await executor
      .update(projectIssues)
      .set({ ...values, version: sql`${projectIssues.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(projectIssues.id, id))
      .returning();
    return row!;
  },

  /** The open issues of a project given to `userId` (a new owner takes them over). */
  listOpenAssignedTo(executor: Executor, projectId: string, userId: string): Promise<IssueRow[]> {
    return executor
      .select()
      .from(projectIssues)
      .where(
        and(
          eq(projectIssues.projectId, projectId),
          eq(projectIssues.state, 'open'),
          eq(projectIssues.assigneeUserId, userId),
        ),
      )
      .for('update');
  },

  /** A comment moves the issue's `updated_at` (lists sort on activity) but not its version. */
  async touch(executor: Executor, id: string, now: Date): Promise<void> {
    await executor
      .update(projectIssues)
      .set({ updatedAt: now.toISOString() })
      .where(eq(projectIssues.id, id));
  },

  async insertComment(
    executor: Executor,
    values: Omit<typeof projectComments.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>,
    now: Date,
  ): Promise<CommentRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(projectComments)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  /** Comments of issues in time order; `publicOnly` leaves the internal notes out (the portal). */
  listComments(executor: Executor, issueIds: readonly string[], publicOnly = false): Promise<CommentRow[]> {
    if (issueIds.length === 0) return Promise.resolve([]);
    const where = inArray(projectComments.issueId, [...issueIds]);
    return executor
      .select()
      .from(projectComments)
      .where(publicOnly ? and(where, eq(projectComments.internal, false)) : where)
      .orderBy(asc(projectComments.createdAt), asc(projectComments.id));
  },

  async insertAttachment(
    executor: Executor,
    values: Omit<typeof projectAttachments.$inferInsert, 'id'>,
  ): Promise<AttachmentRow> {
    const [row] = await executor.insert(projectAttachments).values(values).returning(attachmentColumns);
    return row!;
  },

  listAttachments(executor: Executor, issueId: string): Promise<AttachmentRow[]> {
    return executor
      .select(attachmentColumns)
      .from(projectAttachments)
      .where(eq(projectAttachments.issueId, issueId))
      .orderBy(asc(projectAttachments.createdAt));
  },

  async attachmentFile(executor: Executor, projectId: string, id: string) {
    const [row] = await executor
      .select({ ...attachmentColumns, content: projectAttachments.content })
      .from(projectAttachments)
      .where(and(eq(projectAttachments.projectId, projectId), eq(projectAttachments.id, id)));
    return row;
  },
};
