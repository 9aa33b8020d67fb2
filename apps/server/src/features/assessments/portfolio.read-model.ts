import type {
  HealthColour,
  Portfolio,
  PortfolioItem,
  Region,
  Segment,
  TeamOverview,
  WorkItem,
  Worklist,
} from '@liaison/contracts';
import { type AssessedTierAndPriority, capacityLoad, type Playbook, p1Guidance } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';
import { isStale, type StoredAssessment } from './assessments.store.ts';

interface JoinedRow extends Record<string, unknown> {
  account_id: string;
  name: string;
  segment: Segment;
  region: Region;
  arr: number;
  renewal_date: string | null;
  tier: string;
  gemstone: string;
  priority: PortfolioItem['priority'];
  priority_model: string | null;
  health_colour: HealthColour | null;
  health_score: number | null;
  capacity_share: number;
  next_due_date: string | null;
  next_due_kind: string | null;
  overdue_count: number;
  document: StoredAssessment;
}

const priorityOrder: Record<string, number> = { pr1: 1, pr2: 2, pr3: 3, pr4: 4 };

export type TamBookRow = JoinedRow & { stale: boolean };

/**
 * The accounts on which `userId` is the TAM at `now` (the team table is the source of truth)
 * with their stored assessments, in one statement; `stale` marks an assessment missing, from an
 * earlier UTC day or from another playbook version, which the caller refreshes and reads again.
 */
export async function readTamBook(
  executor: Executor,
  userId: string,
  now: Date,
  playbookVersion: number,
): Promise<TamBookRow[]> {
  const instant = now.toISOString();
  const result = await executor.execute<TamBookRow>(sql`
    SELECT s.*, a.id AS account_id, a.name, a.segment, a.region, a.arr::float8 AS arr, a.renewal_date,
      ${isStale(instant.slice(0, 10), playbookVersion)} AS stale
    FROM (SELECT DISTINCT account_id FROM team_assignments
          WHERE user_id = ${userId} AND role = 'tam' AND ${heldAt(instant)}) t
    JOIN accounts a ON a.id = t.account_id
    LEFT JOIN account_assessments s ON s.account_id = a.id`);
  return result.rows;
}

const toNumber = (value: unknown) => (value === null ? null : Number(value));

export function readPortfolio(
  owner: { id: string; name: string },
  book: readonly JoinedRow[],
  playbook: Playbook,
  now: Date,
): Portfolio {
  const rows = [...book];
  rows.sort(
    (left, right) =>
      priorityOrder[left.priority]! - priorityOrder[right.priority]! || Number(right.arr) - Number(left.arr),
  );
  const assessments: AssessedTierAndPriority[] = rows.map((row) => ({
    engagementTier: { tier: row.tier },
    priority: {
      priority: row.priority,
      model: row.priority_model as AssessedTierAndPriority['priority']['model'],
    },
  }));
  return {
    owner,
    evaluatedAt: now.toISOString(),
    items: rows.map((row) => ({
      accountId: row.account_id,
      name: row.name,
      segment: row.segment,
      region: row.region,
      arr: Number(row.arr),
      renewalDate: row.renewal_date,
      tier: row.tier,
      gemstone: row.gemstone,
      priority: row.priority,
      priorityModel: row.priority_model,
      healthColour: row.health_colour,
      healthScore: toNumber(row.health_score),
      capacityShare: Number(row.capacity_share),
      nextDue: row.document.nextDue,
      overdueCount: row.overdue_count,
    })),
    capacity: capacityLoad(assessments, playbook),
    p1Guidance: p1Guidance(assessments, playbook),
  };
}

type StoredObligation = StoredAssessment['obligations'][number];

/** The unfulfilled obligations of the book that `keep` selects, as work items. */
function openObligations(rows: readonly JoinedRow[], keep: (obligation: StoredObligation) => boolean) {
  return rows.flatMap((row) =>
    row.document.obligations
      .filter((obligation) => !obligation.fulfilled && keep(obligation))
      .map((obligation) => ({
        accountId: row.account_id,
        accountName: row.name,
        priority: row.priority,
        kind: obligation.kind,
        dueDate: obligation.dueDate,
        status: obligation.status,
        explanation: obligation.explanation,
      })),
  );
}

/** This week's work: unfulfilled obligations overdue or due within 7 days, overdue first, then by priority. */
export function readWorklist(
  owner: { id: string; name: string },
  rows: readonly JoinedRow[],
  now: Date,
): Worklist {
  const horizon = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  const items = openObligations(
    rows,
    (obligation) => obligation.status === 'overdue' || obligation.dueDate <= horizon,
  );
  items.sort(
    (left, right) =>
      Number(right.status === 'overdue') - Number(left.status === 'overdue') ||
      priorityOrder[left.priority]! - priorityOrder[right.priority]! ||
      left.dueDate.localeCompare(right.dueDate) ||
      left.accountName.localeCompare(right.accountName),
  );
  return { owner, evaluatedAt: now.toISOString(), horizon, items };
}

/**
 * What falls due between two days (inclusive) on the book: the unfulfilled obligations whatever
 * their status (a calendar shows the months ahead, not only the coming week) and the renewal
 * dates. By day, then account.
 */
export function readDatedWork(rows: readonly JoinedRow[], from: string, to: string) {
  const within = (day: string | null): day is string => day !== null && day >= from && day <= to;
  const obligations: WorkItem[] = openObligations(rows, (obligation) => within(obligation.dueDate));
  obligations.sort(
    (left, right) =>
      left.dueDate.localeCompare(right.dueDate) ||
      left.accountName.localeCompare(right.accountName) ||
      left.kind.localeCompare(right.kind),
  );
  const renewals = rows
    .filter((row) => within(row.renewal_date))
    .map((row) => ({ accountId: row.account_id, accountName: row.name, renewalDate: row.renewal_date! }))
    .sort((left, right) => left.renewalDate.localeCompare(right.renewalDate));
  return { obligations, renewals };
}

/** Managers: every TAM's load and P1 balance, gaps in coverage, and reviews due. */
export async function readTeamOverview(executor: Executor, now: Date): Promise<TeamOverview> {
  const instant = now.toISOString();
  const tams = await executor.execute<{
    user_id: string;
    name: string;
    region: Region | null;
    accounts: number;
    load: number;
    p1: number;
    overdue: number;
  }>(sql`
    SELECT u.id AS user_id, u.name, u.region,
      count(s.account_id)::int AS accounts,
      coalesce(sum(s.capacity_share), 0)::float8 AS load,
      count(*) FILTER (WHERE s.priority = 'pr1')::int AS p1,
      coalesce(sum(s.overdue_count), 0)::int AS overdue
    FROM users u
    LEFT JOIN team_assignments t ON t.user_id = u.id AND t.role = 'tam' AND ${heldAt(instant, 't')}
    LEFT JOIN account_assessments s ON s.account_id = t.account_id
    WHERE 'tam' = ANY(u.roles) AND u.is_active
    GROUP BY u.id, u.name, u.region
    ORDER BY u.name`);
  const flagged = await executor.execute<{
    account_id: string;
    name: string;
    arr: number;
    tier: string;
    tam_user_id: string | null;
    needs_tam: boolean;
    disengagement_candidate: boolean;
    review_due_date: string | null;
    review_status: 'due_soon' | 'overdue' | null;
  }>(sql`
    SELECT s.account_id, a.name, a.arr::float8 AS arr, s.tier, s.tam_user_id, s.needs_tam, s.disengagement_candidate,
      s.review_due_date, s.review_status
    FROM account_assessments s JOIN accounts a ON a.id = s.account_id
    WHERE s.needs_tam OR s.disengagement_candidate OR s.review_status IS NOT NULL
    ORDER BY a.arr DESC, a.name`);
  return {
    evaluatedAt: instant,
    tams: tams.rows.map((row) => ({
      userId: row.user_id,
      name: row.name,
      region: row.region,
      accounts: row.accounts,
      load: Math.round(Number(row.load) * 10_000) / 10_000,
      p1: row.p1,
      p1Share: row.accounts > 0 ? Math.round((row.p1 / row.accounts) * 1000) / 1000 : 0,
      overdue: row.overdue,
    })),
    needsTam: flagged.rows
      .filter((row) => row.needs_tam)
      .map((row) => ({ accountId: row.account_id, name: row.name, arr: Number(row.arr), tier: row.tier })),
    disengagementCandidates: flagged.rows
      .filter((row) => row.disengagement_candidate)
      .map((row) => ({
        accountId: row.account_id,
        name: row.name,
        arr: Number(row.arr),
        tamUserId: row.tam_user_id,
      })),
    reviewsDue: flagged.rows.flatMap((row) =>
      row.review_status && row.review_due_date
        ? [
            {
              accountId: row.account_id,
              name: row.name,
              tamUserId: row.tam_user_id,
              dueDate: row.review_due_date,
              status: row.review_status,
            },
          ]
        : [],
    ),
  };
}
