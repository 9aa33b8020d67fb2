import type { JourneyOverview, StepListItem } from '@liaison/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { WorkflowInstanceRow, WorkflowStepRow } from './journey.store.ts';

interface StepItemRow extends Record<string, unknown> {
  id: string;
  account_id: string;
  account_name: string;
  instance_id: string;
  kind: StepListItem['workflowKind'];
  step_id: string;
  activity: string;
  state: StepListItem['state'];
  responsible_user_id: string | null;
  responsible_name: string | null;
  due_on: string | null;
  sort_due: string;
}

const OPEN = sql`s.opened_at IS NOT NULL AND s.state IN ('not_started', 'in_progress') AND i.status = 'active'`;

const stepItem = (row: StepItemRow, today: string, open: boolean): StepListItem => ({
  id: row.id,
  accountId: row.account_id,
  accountName: row.account_name,
  workflowId: row.instance_id,
  workflowKind: row.kind,
  stepId: row.step_id,
  activity: row.activity,
  state: row.state,
  responsible: row.responsible_user_id
    ? { userId: row.responsible_user_id, name: row.responsible_name ?? '' }
    : null,
  dueOn: row.due_on,
  overdue: open && row.due_on !== null && row.due_on < today,
});

function selectSteps(where: SQL, limit: number) {
  return sql`
    SELECT s.id, s.account_id, a.name AS account_name, s.instance_id, i.kind, s.step_id, s.state,
      s.responsible_user_id, s.responsible_name, s.due_on::text AS due_on,
      coalesce(s.due_on, '9999-12-31'::date)::text AS sort_due,
      (SELECT st->>'activity' FROM jsonb_array_elements(i.template->'steps') st WHERE st->>'id' = s.step_id) AS activity,
      (${OPEN}) AS is_open
    FROM workflow_steps s
    JOIN workflow_instances i ON i.id = s.instance_id
    JOIN accounts a ON a.id = s.account_id
    WHERE ${where}
    ORDER BY coalesce(s.due_on, '9999-12-31'::date), s.id
    LIMIT ${limit}`;
}

export interface StepFilter {
  responsibleUserId?: string | undefined;
  accountId?: string | undefined;
  open?: boolean | undefined;
  overdue?: boolean | undefined;
  kind?: string | undefined;
  after?: { due: string; id: string } | undefined;
  limit: number;
  today: string;
}

/** Steps across accounts, soonest due first (`GET /workflow-steps`). */
export async function listSteps(executor: Executor, filter: StepFilter) {
  const conditions: SQL[] = [sql`TRUE`];
  if (filter.responsibleUserId) conditions.push(sql`s.responsible_user_id = ${filter.responsibleUserId}`);
  if (filter.accountId) conditions.push(sql`s.account_id = ${filter.accountId}`);
  if (filter.kind) conditions.push(sql`i.kind = ${filter.kind}`);
  if (filter.open === true || filter.overdue === true) conditions.push(OPEN);
  if (filter.open === false) conditions.push(sql`NOT (${OPEN})`);
  if (filter.overdue === true) conditions.push(sql`s.due_on < ${filter.today}::date`);
  if (filter.after)
    conditions.push(
      sql`(coalesce(s.due_on, '9999-12-31'::date), s.id) > (${filter.after.due}::date, ${filter.after.id}::uuid)`,
    );
  const result = await executor.execute<StepItemRow & { is_open: boolean }>(
    selectSteps(sql.join(conditions, sql` AND `), filter.limit + 1),
  );
  const rows = result.rows;
  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => stepItem(row, filter.today, row.is_open)),
    next: more && last ? { due: last.sort_due, id: last.id } : null,
  };
}

/** The managers' journey overview: accounts per step, what is overdue, by region and segment. */
export async function journeyOverview(
  executor: Executor,
  filter: { region?: string | undefined; segment?: string | undefined; today: string },
): Promise<
  Omit<JourneyOverview, 'workflows'> & {
    counts: { kind: string; step_id: string; open: number; overdue: number }[];
    running: { kind: string; running: number }[];
  }
> {
  const scope = sql.join(
    [
      sql`i.status = 'active'`,
      filter.region ? sql`a.region = ${filter.region}` : sql`TRUE`,
      filter.segment ? sql`a.segment = ${filter.segment}` : sql`TRUE`,
    ],
    sql` AND `,
  );
  const overdue = sql`(${OPEN} AND s.due_on < ${filter.today}::date)`;
  const counts = await executor.execute<{ kind: string; step_id: string; open: number; overdue: number }>(sql`
    SELECT i.kind, s.step_id, count(*) FILTER (WHERE ${OPEN})::int AS open, count(*) FILTER (WHERE ${overdue})::int AS overdue
    FROM workflow_steps s JOIN workflow_instances i ON i.id = s.instance_id JOIN accounts a ON a.id = s.account_id
    WHERE ${scope} GROUP BY i.kind, s.step_id`);
  const running = await executor.execute<{ kind: string; running: number }>(sql`
    SELECT i.kind, count(*)::int AS running FROM workflow_instances i JOIN accounts a ON a.id = i.account_id
    WHERE ${scope} GROUP BY i.kind`);
  const by = (column: 'region' | 'segment') =>
    executor.execute<{ key: string; running: number; overdue: number }>(sql`
      SELECT a.${sql.raw(column)} AS key, count(DISTINCT i.id)::int AS running,
        count(s.id) FILTER (WHERE ${overdue})::int AS overdue
      FROM workflow_instances i JOIN accounts a ON a.id = i.account_id
      LEFT JOIN workflow_steps s ON s.instance_id = i.id
      WHERE ${scope} GROUP BY a.${sql.raw(column)} ORDER BY 1`);
  const [byRegion, bySegment] = [await by('region'), await by('segment')];
  const oldest = await executor.execute<StepItemRow & { is_open: boolean }>(
    selectSteps(sql`${scope} AND ${overdue}`, 50),
  );
  return {
    counts: counts.rows,
    running: running.rows,
    byRegion: byRegion.rows.map((row) => ({
      region: row.key as never,
      running: row.running,
      overdue: row.overdue,
    })),
    bySegment: bySegment.rows.map((row) => ({
      segment: row.key as never,
      running: row.running,
      overdue: row.overdue,
    })),
    overdueSteps: oldest.rows.map((row) => stepItem(row, filter.today, true)),
  };
}

/**
 * The account's workflows as they were at `asOf`, from the history: the latest snapshot of each
 * instance and step at or before it (docs/journey.md, As of). Templates come from the live
 * instance row, which never changes them.
 */
export async function workflowsAsOf(
  executor: Executor,
  accountId: string,
  asOf: Date,
): Promise<{ instances: WorkflowInstanceRow[]; steps: WorkflowStepRow[] }> {
  const result = await executor.execute<{
    entity_type: string;
    snapshot: Record<string, unknown> | null;
    template: unknown;
  }>(sql`
    SELECT DISTINCT ON (h.entity_id) h.entity_type, h.snapshot, i.template
    FROM history h LEFT JOIN workflow_instances i ON i.id = h.entity_id
    WHERE h.account_id = ${accountId} AND h.entity_type IN ('workflow_instance', 'workflow_step')
      AND h.occurred_at <= ${asOf.toISOString()}::timestamptz
    ORDER BY h.entity_id, h.occurred_at DESC, h.id DESC`);
  const instances: WorkflowInstanceRow[] = [];
  const steps: WorkflowStepRow[] = [];
  for (const row of result.rows) {
    if (!row.snapshot) continue;
    const stamped = { createdAt: asOf.toISOString(), updatedAt: asOf.toISOString(), ...row.snapshot };
    if (row.entity_type === 'workflow_instance') {
      if (row.template) instances.push({ ...stamped, template: row.template } as WorkflowInstanceRow);
    } else steps.push(stamped as WorkflowStepRow);
  }
  const known = new Set(instances.map((instance) => instance.id));
  instances.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1));
  return {
    instances,
    steps: steps.filter((step) => known.has(step.instanceId)).sort((a, b) => a.position - b.position),
  };
}

/** Accounts running a workflow of each kind: how many, and the first `limit` by name. */
export async function runningWorkflows(
  executor: Executor,
  kinds: readonly string[],
  limit: number,
): Promise<Map<string, { running: number; accounts: { accountId: string; accountName: string }[] }>> {
  const result = new Map<
    string,
    { running: number; accounts: { accountId: string; accountName: string }[] }
  >();
  for (const kind of kinds) {
    const count = await executor.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM workflow_instances WHERE kind = ${kind} AND status = 'active'`,
    );
    const accounts = await executor.execute<{ accountId: string; accountName: string }>(sql`
      SELECT a.id AS "accountId", a.name AS "accountName" FROM workflow_instances i JOIN accounts a ON a.id = i.account_id
      WHERE i.kind = ${kind} AND i.status = 'active' ORDER BY a.name, a.id LIMIT ${limit}`);
    result.set(kind, { running: count.rows[0]?.n ?? 0, accounts: accounts.rows });
  }
  return result;
}

export interface WorkflowProgressRow extends Record<string, unknown> {
  workflowId: string;
  accountId: string;
  accountName: string;
  kind: string;
  settled: number;
  total: number;
  current: string | null;
}

/**
 * Running workflows of these kinds on these accounts, with how far each has got: steps settled
 * (done or skipped) of all, and the first open step's activity (the homes, docs/homes.md).
 */
export async function workflowProgress(
  executor: Executor,
  accountIds: readonly string[],
  kinds: readonly string[],
): Promise<WorkflowProgressRow[]> {
  if (accountIds.length === 0 || kinds.length === 0) return [];
  const result = await executor.execute<WorkflowProgressRow>(sql`
    SELECT i.id AS "workflowId", i.account_id AS "accountId", a.name AS "accountName", i.kind,
      count(*) FILTER (WHERE s.state IN ('done', 'skipped'))::int AS settled, count(*)::int AS total,
      (SELECT st->>'activity'
         FROM workflow_steps o
         JOIN jsonb_array_elements(i.template->'steps') st ON st->>'id' = o.step_id
        WHERE o.instance_id = i.id AND o.opened_at IS NOT NULL AND o.state IN ('not_started', 'in_progress')
        ORDER BY o.position LIMIT 1) AS current
    FROM workflow_instances i
    JOIN workflow_steps s ON s.instance_id = i.id
    JOIN accounts a ON a.id = i.account_id
    WHERE i.status = 'active'
      AND i.kind IN (${sql.join(
        kinds.map((kind) => sql`${kind}`),
        sql`, `,
      )})
      AND i.account_id IN (${sql.join(
        accountIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    GROUP BY i.id, a.name
    ORDER BY a.name, i.kind`);
  return result.rows;
}
