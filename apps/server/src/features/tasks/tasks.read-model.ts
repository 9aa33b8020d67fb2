import { LAST_DAY } from '@liaison/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { fromSql, type TaskView, viewColumns, viewJoins } from './tasks.store.ts';

export interface TaskFilter {
  ownerUserId?: string | undefined;
  unassigned?: boolean | undefined;
  ownerContactId?: string | undefined;
  accountId?: string | undefined;
  status: string;
  dueBefore?: string | undefined;
  dueAfter?: string | undefined;
  source?: string | undefined;
  /** Keyset: items after this (day, key) in the list's order. */
  after?: { day: string; key: string } | undefined;
  limit: number;
  today: string;
}

/**
 * Stored tasks in the list's order (docs/tasks.md): by the day each asks for attention (the end
 * of its snooze while snoozed, else its due date; undated last), then by key — the order
 * `compareWork` gives, so the service can merge steps and obligations into a page.
 */
export async function pageTasks(executor: Executor, filter: TaskFilter): Promise<TaskView[]> {
  const day = sql`coalesce(CASE WHEN t.snoozed_until > ${filter.today}::date THEN t.snoozed_until ELSE t.due_on END, ${LAST_DAY}::date)`;
  const key = sql`('task:' || t.id::text)`;
  const conditions: SQL[] = [sql`t.status = ${filter.status}`];
  if (filter.ownerUserId) conditions.push(sql`t.owner_user_id = ${filter.ownerUserId}`);
  if (filter.unassigned) conditions.push(sql`t.owner_user_id IS NULL AND t.owner_contact_id IS NULL`);
  if (filter.ownerContactId) conditions.push(sql`t.owner_contact_id = ${filter.ownerContactId}`);
  if (filter.accountId) conditions.push(sql`t.account_id = ${filter.accountId}`);
  if (filter.dueBefore) conditions.push(sql`t.due_on <= ${filter.dueBefore}::date`);
  if (filter.dueAfter) conditions.push(sql`t.due_on >= ${filter.dueAfter}::date`);
  if (filter.source) conditions.push(sql`t.source = ${filter.source}`);
  if (filter.after)
    conditions.push(
      sql`(${day}, ${key} COLLATE "C") > (${filter.after.day}::date, ${filter.after.key} COLLATE "C")`,
    );
  const result = await executor.execute(sql`
    SELECT ${viewColumns}, ${day}::text AS list_day
    FROM tasks t ${viewJoins}
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY ${day}, ${key} COLLATE "C"
    LIMIT ${filter.limit}`);
  return result.rows.map(fromSql);
}
