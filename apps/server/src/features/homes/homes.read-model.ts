import type { HomeAccount } from '@liaison/contracts';
import { RENEWAL_WINDOWS } from '@liaison/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/** Whose accounts a home reads: where a person holds a team role now, a region, or the book. */
export type HomeScope =
  | { kind: 'team'; userId: string; roles: readonly string[]; at: Date }
  | { kind: 'region'; region: string }
  | { kind: 'book' };

export function scopeCondition(scope: HomeScope): SQL {
  if (scope.kind === 'book') return sql`TRUE`;
  if (scope.kind === 'region') return sql`a.region = ${scope.region}`;
  return sql`EXISTS (SELECT 1 FROM team_assignments t WHERE t.account_id = a.id AND t.user_id = ${scope.userId}
    AND t.role IN (${sql.join(
      scope.roles.map((role) => sql`${role}`),
      sql`, `,
    )}) AND ${heldAt(scope.at, 't')})`;
}

// At risk of contraction or churn (docs/playbook.md, At risk): the flag, red, or yellow + triage.
const AT_RISK = sql`(a.at_risk OR s.health_colour = 'red' OR (s.health_colour = 'yellow' AND a.requires_triage))`;

interface AccountRow extends Record<string, unknown> {
  account_id: string;
  name: string;
  segment: HomeAccount['segment'];
  relationship_stage: HomeAccount['relationshipStage'];
  arr: number;
  renewal_date: string | null;
  tier: string | null;
  priority: HomeAccount['priority'];
  health_colour: HomeAccount['health'];
  at_risk: boolean;
  requires_triage: boolean;
  tam_name: string | null;
  obligations: { kind: string; dueDate: string; status: string; fulfilled: boolean }[] | null;
}

const accountColumns = sql`a.id AS account_id, a.name, a.segment, a.relationship_stage, a.arr::float8 AS arr,
  a.renewal_date::text AS renewal_date, s.tier, s.priority, s.health_colour, a.at_risk, a.requires_triage,
  tu.name AS tam_name, s.document->'obligations' AS obligations`;
const accountJoins = sql`LEFT JOIN account_assessments s ON s.account_id = a.id LEFT JOIN users tu ON tu.id = s.tam_user_id`;

export function homeAccount(row: AccountRow): HomeAccount {
  return {
    accountId: row.account_id,
    name: row.name,
    segment: row.segment,
    relationshipStage: row.relationship_stage,
    arr: Number(row.arr),
    renewalDate: row.renewal_date,
    tier: row.tier,
    priority: row.priority,
    health: row.health_colour,
    atRisk: row.at_risk,
    requiresTriage: row.requires_triage,
    tamName: row.tam_name,
  };
}

async function accounts(executor: Executor, where: SQL, order: SQL, limit: number) {
  const result = await executor.execute<AccountRow>(
    sql`SELECT ${accountColumns} FROM accounts a ${accountJoins} WHERE ${where} ORDER BY ${order} LIMIT ${limit}`,
  );
  return result.rows;
}

export const homesReadModel = {
  /** The accounts in scope, biggest first (a person's own accounts: at most 500). */
  async accounts(executor: Executor, scope: HomeScope, limit = 500) {
    return (await accounts(executor, scopeCondition(scope), sql`a.arr DESC, a.name, a.id`, limit)).map(
      homeAccount,
    );
  },

  /** Customers renewing within the last window, soonest first (100), and each window's count and ARR. */
  async renewals(executor: Executor, scope: HomeScope, today: string) {
    const last = RENEWAL_WINDOWS.at(-1)!;
    const where = sql`${scopeCondition(scope)} AND a.relationship_stage = 'customer'
      AND a.renewal_date >= ${today}::date AND a.renewal_date <= ${today}::date + ${last}::int`;
    const windows = await executor.execute<{ days: number; accounts: number; arr: number }>(sql`
      SELECT w.days, count(a.id)::int AS accounts, coalesce(sum(a.arr), 0)::float8 AS arr
      FROM unnest(${`{${RENEWAL_WINDOWS.join(',')}}`}::int[]) AS w(days)
      LEFT JOIN accounts a ON ${where} AND a.renewal_date <= ${today}::date + w.days
      GROUP BY w.days ORDER BY w.days`);
    const rows = await accounts(executor, where, sql`a.renewal_date, a.arr DESC, a.id`, 100);
    return { windows: windows.rows, rows };
  },

  /** Yellow or red or flagged at risk: red first, then by ARR (100). */
  async notGreen(executor: Executor, scope: HomeScope) {
    const where = sql`${scopeCondition(scope)} AND (s.health_colour IN ('yellow', 'red') OR ${AT_RISK})`;
    const order = sql`(s.health_colour = 'red') DESC, ${AT_RISK} DESC, a.arr DESC, a.name, a.id`;
    return (await accounts(executor, where, order, 100)).map(homeAccount);
  },

  /** TAM-aligned accounts with no TAM, biggest first (100). */
  async needingTam(executor: Executor, scope: HomeScope) {
    return (
      await accounts(
        executor,
        sql`${scopeCondition(scope)} AND s.needs_tam`,
        sql`a.arr DESC, a.name, a.id`,
        100,
      )
    ).map(homeAccount);
  },

  /** Customers' ARR by health colour (null: not scored), and the ARR at risk. */
  async arrAtRisk(executor: Executor, scope: HomeScope) {
    const where = sql`${scopeCondition(scope)} AND a.relationship_stage = 'customer'`;
    const byHealth = await executor.execute<{
      health: HomeAccount['health'];
      accounts: number;
      arr: number;
    }>(sql`
      SELECT s.health_colour AS health, count(*)::int AS accounts, coalesce(sum(a.arr), 0)::float8 AS arr
      FROM accounts a ${accountJoins} WHERE ${where}
      GROUP BY s.health_colour ORDER BY array_position(ARRAY['red', 'yellow', 'green'], s.health_colour)`);
    const flagged = await executor.execute<{ accounts: number; arr: number }>(sql`
      SELECT count(*)::int AS accounts, coalesce(sum(a.arr), 0)::float8 AS arr
      FROM accounts a ${accountJoins} WHERE ${where} AND ${AT_RISK}`);
    return { byHealth: byHealth.rows, flagged: flagged.rows[0] ?? { accounts: 0, arr: 0 } };
  },

  /** Counts and ARR of the book by tier, priority and health. */
  async book(executor: Executor, scope: HomeScope) {
    const group = async (column: SQL) =>
      (
        await executor.execute<{ key: string; accounts: number; arr: number }>(sql`
          SELECT coalesce(${column}, 'none') AS key, count(*)::int AS accounts, coalesce(sum(a.arr), 0)::float8 AS arr
          FROM accounts a ${accountJoins} WHERE ${scopeCondition(scope)} GROUP BY 1 ORDER BY 1`)
      ).rows;
    const totals = await executor.execute<{ accounts: number; arr: number }>(sql`
      SELECT count(*)::int AS accounts, coalesce(sum(a.arr), 0)::float8 AS arr FROM accounts a WHERE ${scopeCondition(scope)}`);
    return {
      ...(totals.rows[0] ?? { accounts: 0, arr: 0 }),
      byTier: await group(sql`s.tier`),
      byPriority: await group(sql`s.priority`),
      byHealth: await group(sql`s.health_colour`),
    };
  },

  /** Open opportunities in scope: totals by stage and by type, and the 50 closing soonest. */
  async pipeline(executor: Executor, scope: HomeScope) {
    const where = sql`${scopeCondition(scope)} AND o.stage NOT IN ('closed_won', 'closed_lost')`;
    const from = sql`FROM opportunities o JOIN accounts a ON a.id = o.account_id`;
    const byStage = await executor.execute<{ stage: string; opportunities: number; amount: number }>(sql`
      SELECT o.stage, count(*)::int AS opportunities, coalesce(sum(o.amount), 0)::float8 AS amount ${from}
      WHERE ${where} GROUP BY o.stage`);
    const byType = await executor.execute<{ type: string; opportunities: number; amount: number }>(sql`
      SELECT o.type, count(*)::int AS opportunities, coalesce(sum(o.amount), 0)::float8 AS amount ${from}
      WHERE ${where} GROUP BY o.type ORDER BY o.type`);
    const open = await executor.execute<Record<string, unknown>>(sql`
      SELECT o.id, o.account_id AS "accountId", a.name AS "accountName", o.name, o.type, o.stage,
        o.amount::float8 AS amount, o.close_date::text AS "closeDate"
      ${from} WHERE ${where} ORDER BY o.close_date NULLS LAST, o.amount DESC, o.id LIMIT 50`);
    return { byStage: byStage.rows, byType: byType.rows, open: open.rows };
  },
};

export type { AccountRow };
