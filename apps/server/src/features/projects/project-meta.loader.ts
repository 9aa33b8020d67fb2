import type { AccountSegment, ProjectMeta } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/** What a new project's README is filled from, and who is on the team now (by role, with ids). */
export interface ProjectFacts {
  meta: ProjectMeta;
  accountName: string;
  /** The team now: the first holder of each role. */
  holders: Partial<Record<string, { userId: string; name: string }>>;
}

type Row = {
  name: string;
  segment: AccountSegment;
  team: { role: string; userId: string; name: string }[] | null;
  plan: { status: string; strategy: string | null } | null;
  objectives: { title: string; status: string; dueDate: string | null }[] | null;
};

/** One statement: the account, its team at `now`, its success plan and objectives. */
export async function loadProjectFacts(
  executor: Executor,
  accountId: string,
  now: Date,
): Promise<ProjectFacts | null> {
  const result = await executor.execute<Row>(sql`
    SELECT a.name, a.segment,
      (SELECT jsonb_agg(jsonb_build_object('role', t.role, 'userId', u.id, 'name', u.name) ORDER BY t.starts_at)
         FROM team_assignments t JOIN users u ON u.id = t.user_id
        WHERE t.account_id = a.id AND ${heldAt(now, 't')}) AS team,
      (SELECT jsonb_build_object('status', p.status, 'strategy', p.strategy)
         FROM success_plans p WHERE p.account_id = a.id) AS plan,
      (SELECT jsonb_agg(jsonb_build_object('title', o.title, 'status', o.status, 'dueDate', o.due_date)
                        ORDER BY o.due_date NULLS LAST, o.title)
         FROM success_plan_objectives o WHERE o.account_id = a.id) AS objectives
    FROM accounts a WHERE a.id = ${accountId}`);
  const row = result.rows[0];
  if (!row) return null;
  const holders: ProjectFacts['holders'] = {};
  for (const member of row.team ?? []) holders[member.role] ??= { userId: member.userId, name: member.name };
  const names = Object.fromEntries(Object.entries(holders).map(([role, person]) => [role, person!.name]));
  return {
    accountName: row.name,
    holders,
    meta: {
      customer: row.name,
      segment: row.segment,
      team: names,
      successPlan: row.plan ? { ...row.plan, objectives: row.objectives ?? [] } : null,
    },
  };
}
