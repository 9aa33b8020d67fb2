import { type BookContext, type Playbook, planRank } from '@liaison/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/**
 * The SQL twin of the domain's `isManaged` at `now`, for the account aliased `a`. The TAM
 * assignments come from `teamAssignments` (a relation with `account_id`, `role`, `starts_at`,
 * `ends_at`): the table itself, or the team as the history recorded it at some instant.
 */
export function managedAt(playbook: Playbook, now: Date, teamAssignments: SQL = sql`team_assignments`): SQL {
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
    OR EXISTS (SELECT 1 FROM ${teamAssignments} t WHERE t.account_id = a.id AND t.role = 'tam'
      AND ${heldAt(instant, 't')}))`;
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
  if (topN <= 0 || topNSegments.length === 0) return bookContext(playbook, now, []);
  const managed = managedAt(playbook, now);
  const perSegment = topNSegments.map(
    (segment) => sql`(SELECT a.id, a.arr, a.name FROM accounts a
      WHERE a.segment = ${segment} AND ${managed} ORDER BY ${rankOrder} LIMIT ${topN})`,
  );
  const result = await executor.execute<{ id: string }>(sql`
    SELECT a.id FROM (${sql.join(perSegment, sql` UNION ALL `)}) a
    ORDER BY ${rankOrder} LIMIT ${topN}`);
  return bookContext(playbook, now, result.rows);
}

/**
 * The Commercial top N as the book stood at `at`, from the history's account and team snapshots
 * ("why was this account Pr1 on June 30?" needs the ranking of June 30). PostgreSQL picks the
 * latest snapshot of each record and ranks them; only the top N reach Node, so the memory used
 * does not grow with the book (at a million accounts the snapshots would not fit a bounded heap).
 */
export async function loadBookContextAsOf(
  executor: Executor,
  playbook: Playbook,
  at: Date,
): Promise<BookContext> {
  const { topN, topNSegments } = playbook.priority.commercial;
  if (topN <= 0 || topNSegments.length === 0) return bookContext(playbook, at, []);
  const instant = at.toISOString();
  const latest = (entityType: string) => sql`SELECT DISTINCT ON (entity_id) account_id, snapshot
    FROM history WHERE entity_type = ${entityType} AND occurred_at <= ${instant}
    ORDER BY entity_id, occurred_at DESC, id DESC`;
  const result = await executor.execute<{ id: string }>(sql`
    WITH team_then AS (
      SELECT account_id, snapshot->>'role' AS role, (snapshot->>'startsAt')::timestamptz AS starts_at,
        (snapshot->>'endsAt')::timestamptz AS ends_at
      FROM (${latest('team_assignment')}) latest WHERE snapshot IS NOT NULL
    ), accounts_then AS (
      SELECT (snapshot->>'id')::uuid AS id, snapshot->>'name' AS name, snapshot->>'plan' AS plan,
        snapshot->>'segment' AS segment, COALESCE((snapshot->>'arr')::numeric, 0) AS arr
      FROM (${latest('account')}) latest WHERE snapshot IS NOT NULL
    )
    SELECT a.id FROM accounts_then a
    WHERE a.segment IN (${sql.join(
      topNSegments.map((segment) => sql`${segment}`),
      sql`, `,
    )}) AND ${managedAt(playbook, at, sql`team_then`)}
    ORDER BY ${rankOrder} LIMIT ${topN}`);
  return bookContext(playbook, at, result.rows);
}

// Only the top N carry a rank, so the count ranked is theirs (see above).
function bookContext(playbook: Playbook, at: Date, ranked: readonly { id: string }[]): BookContext {
  const commercialRanks = new Map(ranked.map((row, index) => [row.id, index + 1]));
  return {
    at: at.getTime(),
    topN: playbook.priority.commercial.topN,
    commercialRanks,
    rankedCount: commercialRanks.size,
  };
}
