import { type BookContext, type Playbook, planRank } from '@liaison/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** The SQL twin of the domain's `isManaged` for the Commercial ranking, at `now`. */
export function managedCommercial(playbook: Playbook, now: Date): SQL {
  const { minimumPlan, minimumArr } = playbook.tamAlignment;
  const eligiblePlans = playbook.plans.filter(
    (plan) => planRank(plan, playbook) >= planRank(minimumPlan, playbook) && planRank(plan, playbook) >= 0,
  );
  const instant = now.toISOString();
  return sql`a.segment IN (${sql.join(
    playbook.priority.commercial.topNSegments.map((segment) => sql`${segment}`),
    sql`, `,
  )}) AND (
    (a.plan IN (${sql.join(
      eligiblePlans.map((plan) => sql`${plan}`),
      sql`, `,
    )}) AND a.arr >= ${minimumArr})
    OR EXISTS (SELECT 1 FROM team_assignments t WHERE t.account_id = a.id AND t.role = 'tam'
      AND t.starts_at <= ${instant} AND (t.ends_at IS NULL OR t.ends_at > ${instant})))`;
}

// Same order as the domain: ARR descending, then name and id by code unit ("C" collation).
export const rankOrder = sql`a.arr DESC, a.name COLLATE "C", a.id::text COLLATE "C"`;

/**
 * The book context for assessing `accountIds` at `now`: the ranks of the top N and of the
 * requested accounts, computed in SQL so one write does not load the whole book.
 */
export async function loadBookContext(
  executor: Executor,
  playbook: Playbook,
  now: Date,
  accountIds: string[] | 'all',
): Promise<BookContext> {
  const topN = playbook.priority.commercial.topN;
  const managed = managedCommercial(playbook, now);
  const wanted =
    accountIds === 'all'
      ? sql`TRUE`
      : accountIds.length === 0
        ? sql`FALSE`
        : sql`id IN (${sql.join(
            accountIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
  const result = await executor.execute<{ id: string; rank: string; total: string }>(sql`
    WITH ranked AS (
      SELECT a.id, row_number() OVER (ORDER BY ${rankOrder}) AS rank, count(*) OVER () AS total
      FROM accounts a WHERE ${managed}
    )
    SELECT id, rank, total FROM ranked WHERE rank <= ${topN} OR ${wanted}`);
  const commercialRanks = new Map(result.rows.map((row) => [row.id, Number(row.rank)]));
  const rankedCount = result.rows.length > 0 ? Number(result.rows[0]!.total) : 0;
  return { at: now.getTime(), topN, commercialRanks, rankedCount };
}
