import { type BookContext, type Playbook, planRank } from '@liaison/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** The SQL twin of the domain's `isManaged` at `now`, for the account aliased `a`. */
export function managedAt(playbook: Playbook, now: Date): SQL {
  const { minimumPlan, minimumArr } = playbook.tamAlignment;
  const eligiblePlans = playbook.plans.filter(
    (plan) => planRank(plan, playbook) >= planRank(minimumPlan, playbook) && planRank(plan, playbook) >= 0,
  );
  const instant = now.toISOString();
  const planTest =
    eligiblePlans.length === 0
      ? sql`FALSE`
      : sql`a.plan IN (${sql.join(
          eligiblePlans.map((plan) => sql`${plan}`),
          sql`, `,
        )})`;
  return sql`((${planTest} AND a.arr >= ${minimumArr})
    OR EXISTS (SELECT 1 FROM team_assignments t WHERE t.account_id = a.id AND t.role = 'tam'
      AND t.starts_at <= ${instant} AND (t.ends_at IS NULL OR t.ends_at > ${instant})))`;
}

/** Managed accounts of the playbook's top-N segments: the accounts the Commercial model ranks. */
export function managedCommercial(playbook: Playbook, now: Date): SQL {
  const segments = playbook.priority.commercial.topNSegments;
  if (segments.length === 0) return sql`FALSE`;
  return sql`a.segment IN (${sql.join(
    segments.map((segment) => sql`${segment}`),
    sql`, `,
  )}) AND ${managedAt(playbook, now)}`;
}

// The domain's order: ARR descending, then name and id by code unit. A uuid compares as its
// lowercase hex text does, so `a.id` keeps the order; `NULLS LAST` matches the index.
export const rankOrder = sql`a.arr DESC NULLS LAST, a.name COLLATE "C", a.id`;

/**
 * The Commercial top N at `now`: per ranked segment, the first N managed accounts along
 * `accounts_commercial_rank_idx`, then the best N of those. A few dozen index entries per
 * segment whatever the size of the book, so every write can afford it.
 *
 * Only the top N carry a rank: below it the rank changes the priority of nobody, and keeping
 * exact ranks for a million accounts would make one write rewrite all the ranks behind it
 * (docs/decisions/0005-performance-at-a-million-accounts.md).
 */
export async function loadBookContext(
  executor: Executor,
  playbook: Playbook,
  now: Date,
): Promise<BookContext> {
  const { topN, topNSegments } = playbook.priority.commercial;
  const empty: BookContext = { at: now.getTime(), topN, commercialRanks: new Map(), rankedCount: 0 };
  if (topN <= 0 || topNSegments.length === 0) return empty;
  const managed = managedAt(playbook, now);
  const perSegment = topNSegments.map(
    (segment) => sql`(SELECT a.id, a.arr, a.name FROM accounts a
      WHERE a.segment = ${segment} AND ${managed} ORDER BY ${rankOrder} LIMIT ${topN})`,
  );
  const result = await executor.execute<{ id: string }>(sql`
    SELECT a.id FROM (${sql.join(perSegment, sql` UNION ALL `)}) a
    ORDER BY ${rankOrder} LIMIT ${topN}`);
  const commercialRanks = new Map(result.rows.map((row, index) => [row.id, index + 1]));
  return { ...empty, commercialRanks, rankedCount: commercialRanks.size };
}
