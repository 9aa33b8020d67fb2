import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/** An account whose collaboration project someone should make now, and by when. */
export type ProjectCheckRow = {
  accountId: string;
  accountName: string;
  dueOn: string;
};

/**
 * Seed 000: "somewhere between step 3 and step 7 of the customer journey sequence, a Solutions
 * Architect should create a project for the customer". The accounts where `userId` holds the SA
 * seat now, whose journey is running and past step 3 (the SA engaged), with no project yet; due
 * with step 7 (the high-level technical discovery), else 14 days after step 3 ended.
 */
export async function presalesChecks(
  executor: Executor,
  userId: string,
  now: Date,
): Promise<ProjectCheckRow[]> {
  const result = await executor.execute<ProjectCheckRow>(sql`
    SELECT a.id AS "accountId", a.name AS "accountName",
           to_char(coalesce(s7.due_on, ((s3.completed_at AT TIME ZONE 'UTC')::date + 14)), 'YYYY-MM-DD') AS "dueOn"
      FROM accounts a
      JOIN team_assignments t ON t.account_id = a.id AND t.role = 'sa' AND t.user_id = ${userId}
           AND ${heldAt(now, 't')}
      JOIN workflow_instances w ON w.account_id = a.id AND w.kind = 'journey' AND w.status = 'active'
      JOIN workflow_steps s3 ON s3.instance_id = w.id AND s3.step_id = '3' AND s3.state IN ('done', 'skipped')
      LEFT JOIN workflow_steps s7 ON s7.instance_id = w.id AND s7.step_id = '7'
     WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.account_id = a.id)
     ORDER BY 3, a.name`);
  return result.rows;
}
