import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { tasks } from '../../db/schema.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = Omit<typeof tasks.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type TaskPatch = Partial<
  Pick<
    TaskRow,
    | 'title'
    | 'notes'
    | 'ownerUserId'
    | 'ownerContactId'
    | 'dueOn'
    | 'snoozedUntil'
    | 'status'
    | 'completedAt'
    | 'completedBy'
    | 'completedByName'
  >
>;

/** A task with the names the list shows: its account's and its owner's. */
export interface TaskView extends TaskRow {
  accountName: string | null;
  ownerName: string | null;
}

export const viewColumns = sql`t.*, a.name AS "accountName", coalesce(u.name, c.name) AS "ownerName"`;
export const viewJoins = sql`
  LEFT JOIN accounts a ON a.id = t.account_id
  LEFT JOIN users u ON u.id = t.owner_user_id
  LEFT JOIN contacts c ON c.id = t.owner_contact_id`;

/** snake_case row of `SELECT t.*` → the Drizzle row's camelCase fields. */
export function fromSql(row: Record<string, unknown>): TaskView {
  const day = (value: unknown) => (value === null ? null : String(value).slice(0, 10));
  const instant = (value: unknown) => (value === null ? null : new Date(value as string).toISOString());
  return {
    id: row.id as string,
    version: row.version as number,
    createdAt: instant(row.created_at)!,
    updatedAt: instant(row.updated_at)!,
    accountId: row.account_id as string | null,
    title: row.title as string,
    notes: row.notes as string | null,
    ownerUserId: row.owner_user_id as string | null,
    ownerContactId: row.owner_contact_id as string | null,
    dueOn: day(row.due_on),
    snoozedUntil: day(row.snoozed_until),
    status: row.status as string,
    source: row.source as string,
    activityId: row.activity_id as string | null,
    actionItemId: row.action_item_id as string | null,
    completedAt: instant(row.completed_at),
    completedBy: row.completed_by as string | null,
    completedByName: row.completed_by_name as string | null,
    createdBy: row.created_by as string | null,
    createdByName: row.created_by_name as string | null,
    accountName: row.accountName as string | null,
    ownerName: row.ownerName as string | null,
  };
}

export const tasksStore = {
  async insert(executor: Executor, values: TaskInsert, now: Date): Promise<TaskRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(tasks)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findById(executor: Executor, id: string): Promise<TaskRow | undefined> {
    const [row] = await executor.select().from(tasks).where(eq(tasks.id, id));
    return row;
  },

  async lockById(executor: Executor, id: string): Promise<TaskRow | undefined> {
    const [row] = await executor.select().from(tasks).where(eq(tasks.id, id)).for('update');
    return row;
  },

  async view(executor: Executor, id: string): Promise<TaskView | undefined> {
    const result = await executor.execute(
      sql`SELECT ${viewColumns} FROM tasks t ${viewJoins} WHERE t.id = ${id}`,
    );
    return result.rows[0] ? fromSql(result.rows[0]) : undefined;
  },

  async views(executor: Executor, ids: readonly string[]): Promise<TaskView[]> {
    if (ids.length === 0) return [];
    const result = await executor.execute(
      sql`SELECT ${viewColumns} FROM tasks t ${viewJoins} WHERE t.id IN (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    return result.rows.map(fromSql);
  },

  async update(executor: Executor, id: string, values: TaskPatch, now: Date): Promise<TaskRow> {
    const [row] = await executor
      .update(tasks)
      .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: now.toISOString() })
      .where(eq(tasks.id, id))
      .returning();
    return row!;
  },

  /**
   * The tasks of an activity's action items, locked: the activity's write rewrites them. After
   * the activity's delete their link is cleared already: `orphanItemIds` finds them then.
   */
  async lockOfActivity(
    executor: Executor,
    activityId: string,
    orphanItemIds: readonly string[],
  ): Promise<TaskRow[]> {
    const byItem =
      orphanItemIds.length > 0
        ? sql` OR (${tasks.activityId} IS NULL AND ${tasks.actionItemId} IN (${sql.join(
            orphanItemIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}))`
        : sql``;
    return executor
      .select()
      .from(tasks)
      .where(sql`${tasks.actionItemId} IS NOT NULL AND (${tasks.activityId} = ${activityId}${byItem})`)
      .for('update');
  },

  /** Open tasks a person owns (on one account, or all); locked for a reassignment with `lock`. */
  async openOfOwner(
    executor: Executor,
    userId: string,
    accountId: string | undefined,
    lock: boolean,
  ): Promise<TaskRow[]> {
    const query = executor
      .select()
      .from(tasks)
      .where(
        and(
          eq(tasks.ownerUserId, userId),
          eq(tasks.status, 'open'),
          accountId ? eq(tasks.accountId, accountId) : undefined,
        ),
      )
      .orderBy(tasks.accountId, tasks.id);
    return lock ? query.for('update') : query;
  },

  /**
   * Action items written without going through the activities service (the demo's rows, or
   * data from before tasks existed) get an id and a task; the same statements as migration
   * 0007_tasks. Ids are derived, so running it twice changes nothing.
   */
  async deriveActionItemTasks(executor: Executor): Promise<number> {
    await executor.execute(sql`
      UPDATE activities a SET action_items = (
        SELECT jsonb_agg(CASE WHEN x.e ? 'id' THEN x.e
          ELSE x.e || jsonb_build_object('id', (substr(md5(a.id::text || ':' || x.o), 1, 12) || '4' || substr(md5(a.id::text || ':' || x.o), 14, 3) || '8' || substr(md5(a.id::text || ':' || x.o), 18))::uuid, 'ownerContactId', x.e->'ownerContactId') END
          ORDER BY x.o)
        FROM jsonb_array_elements(a.action_items) WITH ORDINALITY AS x(e, o))
      WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(a.action_items) e WHERE NOT e ? 'id')`);
    const result = await executor.execute(sql`
      INSERT INTO tasks (id, version, created_at, updated_at, account_id, title, owner_user_id,
        owner_contact_id, due_on, status, source, activity_id, action_item_id, completed_at,
        created_by, created_by_name)
      SELECT (substr(md5('task:' || a.id::text || ':' || (e->>'id')), 1, 12) || '4' || substr(md5('task:' || a.id::text || ':' || (e->>'id')), 14, 3) || '8' || substr(md5('task:' || a.id::text || ':' || (e->>'id')), 18))::uuid, 1, a.created_at, a.updated_at, a.account_id,
        left(e->>'text', 2000), u.id, c.id, (e->>'dueDate')::date,
        CASE WHEN (e->>'done')::boolean THEN 'done' ELSE 'open' END, 'action_item', a.id, (e->>'id')::uuid,
        CASE WHEN (e->>'done')::boolean THEN a.updated_at END, a.created_by_user_id, creator.name
      FROM activities a
      CROSS JOIN jsonb_array_elements(a.action_items) e
      LEFT JOIN users u ON u.id::text = e->>'ownerUserId'
      LEFT JOIN contacts c ON c.id::text = e->>'ownerContactId' AND c.account_id = a.account_id AND u.id IS NULL
      LEFT JOIN users creator ON creator.id = a.created_by_user_id
      WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.activity_id = a.id AND t.action_item_id = (e->>'id')::uuid)`);
    return result.rowCount ?? 0;
  },
};
