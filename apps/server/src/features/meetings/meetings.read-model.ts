import type { AgendaAccount, AgendaInput } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

const ids = (values: readonly string[]) =>
  sql.join(
    values.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

export interface TeamRow extends Record<string, unknown> {
  account_id: string;
  account_name: string;
  segment: string;
  tier: string | null;
  role: string;
  user_id: string;
  user_name: string;
}

/** Queries of the account team meeting (docs/meetings.md). */
export const meetingsReadModel = {
  /** The current sales and TAM seats of every account where the person holds one of them now. */
  async seatsAround(executor: Executor, userId: string, at: Date): Promise<TeamRow[]> {
    const result = await executor.execute<TeamRow>(sql`
      SELECT t.account_id, a.name AS account_name, a.segment, s.tier, t.role, t.user_id, u.name AS user_name
      FROM team_assignments t
      JOIN accounts a ON a.id = t.account_id
      JOIN users u ON u.id = t.user_id
      LEFT JOIN account_assessments s ON s.account_id = t.account_id
      WHERE t.role IN ('sal', 'ae', 'sa', 'tam') AND ${heldAt(at, 't')}
        AND t.account_id IN (
          SELECT m.account_id FROM team_assignments m
          WHERE m.user_id = ${userId} AND m.role IN ('sal', 'ae', 'sa', 'tam') AND ${heldAt(at, 'm')})
      ORDER BY t.account_id, t.role, u.name`);
    return result.rows;
  },

  /** Open tasks among a meeting's: what carries over to the next agenda. */
  async openTasks(executor: Executor, taskIds: readonly string[]) {
    if (taskIds.length === 0) return [];
    const result = await executor.execute<{
      id: string;
      accountId: string | null;
      title: string;
      owner: string | null;
    }>(sql`
      SELECT t.id, t.account_id AS "accountId", t.title, coalesce(u.name, c.name) AS owner
      FROM tasks t LEFT JOIN users u ON u.id = t.owner_user_id LEFT JOIN contacts c ON c.id = t.owner_contact_id
      WHERE t.id IN (${ids(taskIds)}) AND t.status = 'open' ORDER BY t.due_on NULLS LAST, t.id`);
    return result.rows;
  },

  /** A meeting's action items as its Markdown lists them: the task, its owner, its account. */
  async taskLines(executor: Executor, taskIds: readonly string[]) {
    if (taskIds.length === 0) return [];
    const result = await executor.execute<{
      text: string;
      owner: string | null;
      accountName: string | null;
    }>(sql`
      SELECT t.title AS text, coalesce(u.name, c.name) AS owner, a.name AS "accountName"
      FROM tasks t LEFT JOIN users u ON u.id = t.owner_user_id LEFT JOIN contacts c ON c.id = t.owner_contact_id
        LEFT JOIN accounts a ON a.id = t.account_id
      WHERE t.id IN (${ids(taskIds)}) ORDER BY a.name NULLS LAST, t.created_at, t.id`);
    return result.rows;
  },

  /** What the agenda is written from, for the team's accounts (the domain's `AgendaInput`). */
  async agendaData(
    executor: Executor,
    accountIds: readonly string[],
    today: string,
    since: string,
  ): Promise<Omit<AgendaInput, 'today' | 'settings' | 'carriedOver'>> {
    if (accountIds.length === 0)
      return {
        accounts: [],
        opportunities: [],
        overdueObligations: [],
        overdueTasks: [],
        openSteps: [],
        changes: [],
      };
    const accounts = await executor.execute<AgendaAccount & Record<string, unknown>>(sql`
      SELECT a.id, a.name, a.relationship_stage AS "relationshipStage", s.health_colour AS health,
        CASE WHEN a.sentiment IN ('yellow', 'red') THEN a.sentiment_reason END AS "healthReason",
        a.at_risk AS "atRisk", a.requires_triage AS "requiresTriage",
        a.onboarding_started_at::text AS "onboardingStartedAt", a.onboarding_completed_at::text AS "onboardingCompletedAt"
      FROM accounts a LEFT JOIN account_assessments s ON s.account_id = a.id
      WHERE a.id IN (${ids(accountIds)}) ORDER BY a.name`);
    const opportunities = await executor.execute<
      AgendaInput['opportunities'][number] & Record<string, unknown>
    >(sql`
      SELECT o.id, o.account_id AS "accountId", o.name, o.type, o.stage, o.amount::float8 AS amount,
        o.close_date::text AS "closeDate"
      FROM opportunities o WHERE o.account_id IN (${ids(accountIds)})
        AND o.stage NOT IN ('closed_won', 'closed_lost')`);
    const obligations = await executor.execute<{ accountId: string; kind: string; dueDate: string }>(sql`
      SELECT s.account_id AS "accountId", o->>'kind' AS kind, o->>'dueDate' AS "dueDate"
      FROM account_assessments s CROSS JOIN jsonb_array_elements(s.document->'obligations') o
      WHERE s.account_id IN (${ids(accountIds)}) AND o->>'status' = 'overdue' AND NOT (o->>'fulfilled')::boolean`);
    const tasks = await executor.execute<AgendaInput['overdueTasks'][number] & Record<string, unknown>>(sql`
      SELECT t.id, t.account_id AS "accountId", t.title, coalesce(u.name, c.name) AS owner, t.due_on::text AS "dueOn"
      FROM tasks t LEFT JOIN users u ON u.id = t.owner_user_id LEFT JOIN contacts c ON c.id = t.owner_contact_id
      WHERE t.account_id IN (${ids(accountIds)}) AND t.status = 'open' AND t.due_on < ${today}::date
        AND (t.snoozed_until IS NULL OR t.snoozed_until <= ${today}::date)
      ORDER BY t.due_on, t.id`);
    const steps = await executor.execute<AgendaInput['openSteps'][number] & Record<string, unknown>>(sql`
      SELECT s.id, s.account_id AS "accountId", s.responsible_name AS responsible, s.due_on::text AS "dueOn",
        CASE WHEN i.kind = 'journey' THEN s.step_id || '. ' ELSE '' END
          || (SELECT st->>'activity' FROM jsonb_array_elements(i.template->'steps') st WHERE st->>'id' = s.step_id) AS activity
      FROM workflow_steps s JOIN workflow_instances i ON i.id = s.instance_id
      WHERE s.account_id IN (${ids(accountIds)}) AND i.status = 'active' AND s.opened_at IS NOT NULL
        AND s.state IN ('not_started', 'in_progress')
      ORDER BY coalesce(s.due_on, '9999-12-31'::date), s.id`);
    const changes = await executor.execute<{ accountId: string; count: number }>(sql`
      SELECT h.account_id AS "accountId", count(*)::int AS count FROM history h
      WHERE h.account_id IN (${ids(accountIds)}) AND h.occurred_at > ${since}::timestamptz
      GROUP BY h.account_id`);
    return {
      accounts: accounts.rows,
      opportunities: opportunities.rows,
      overdueObligations: obligations.rows.map((row) => ({ ...row, label: row.kind })),
      overdueTasks: tasks.rows,
      openSteps: steps.rows,
      changes: changes.rows,
    };
  },
};
