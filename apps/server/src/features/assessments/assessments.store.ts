import type { Assessment, BookContext } from '@liaison/domain';
import { and, isNotNull, lte, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accountAssessments } from '../../db/schema.ts';

export type AssessmentRow = typeof accountAssessments.$inferSelect;

/**
 * What the read models need beyond the columns (the `document` column): a TAM's worklist lists
 * the obligations, the portfolio shows the next due. About a sixth of the whole assessment,
 * whose explanations GET /accounts/{id}/assessment computes fresh.
 */
export type StoredAssessment = Pick<Assessment, 'obligations' | 'nextDue'>;

export function toRow(
  assessment: Assessment,
  context: { playbookVersion: number; book: BookContext; now: Date },
): AssessmentRow {
  const tier = assessment.engagementTier;
  const hasTam = assessment.tamAlignment.hasTam;
  const review = assessment.obligations.find(
    (obligation) =>
      obligation.kind === 'priority_review' && obligation.status !== 'ok' && !obligation.fulfilled,
  );
  const document: StoredAssessment = { obligations: assessment.obligations, nextDue: assessment.nextDue };
  return {
    accountId: assessment.accountId,
    playbookVersion: context.playbookVersion,
    assessedAt: context.now.toISOString(),
    assessedDay: context.now.toISOString().slice(0, 10),
    tier: tier.tier,
    gemstone: assessment.gemstone.gemstone,
    priority: assessment.priority.priority,
    // Kept by the upsert: it changes only when the stored priority does.
    prioritySince: null,
    priorityModel: assessment.priority.model,
    healthColour: assessment.health.colour,
    healthScore: assessment.health.score,
    tamEligible: assessment.tamAlignment.eligible,
    needsTam: assessment.tamAlignment.needsTam,
    disengagementCandidate: assessment.tamAlignment.disengagementCandidate,
    tamUserId: assessment.tamAlignment.tamUserIds[0] ?? null,
    // The account's share of one TAM's capacity (1/5, 1/10, 1/25 by tier; digital: none).
    capacityShare: hasTam && tier.accountsPerTam ? 1 / tier.accountsPerTam : 0,
    commercialRank: context.book.commercialRanks.get(assessment.accountId) ?? null,
    nextDueDate: assessment.nextDue?.dueDate ?? null,
    nextDueKind: assessment.nextDue?.kind ?? null,
    overdueCount: assessment.obligations.filter(
      (obligation) => !obligation.fulfilled && obligation.status === 'overdue',
    ).length,
    reviewDueDate: review?.dueDate ?? null,
    reviewStatus: review?.status ?? null,
    document,
  };
}

const UPSERT_SLICE = 2_000;
/** The columns and their SQL types, in table order (`jsonb_to_recordset` needs the types). */
const COLUMNS = Object.entries({
  account_id: 'uuid',
  playbook_version: 'int',
  assessed_at: 'timestamptz',
  assessed_day: 'date',
  tier: 'text',
  gemstone: 'text',
  priority: 'text',
  priority_model: 'text',
  health_colour: 'text',
  health_score: 'numeric',
  tam_eligible: 'boolean',
  needs_tam: 'boolean',
  disengagement_candidate: 'boolean',
  tam_user_id: 'uuid',
  capacity_share: 'numeric',
  commercial_rank: 'int',
  next_due_date: 'date',
  next_due_kind: 'text',
  overdue_count: 'int',
  review_due_date: 'date',
  review_status: 'text',
  document: 'jsonb',
});
const COLUMN_LIST = COLUMNS.map(([name]) => name).join(', ');
const RECORD_TYPES = COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ');
// `priority_since` records when the stored priority last changed (a new row: unknown, null).
const UPDATE_SET = [
  'priority_since = CASE WHEN account_assessments.priority IS DISTINCT FROM excluded.priority THEN excluded.assessed_at ELSE account_assessments.priority_since END',
  ...COLUMNS.filter(([name]) => name !== 'account_id').map(([name]) => `${name} = excluded.${name}`),
].join(', ');

/** The row keyed by column name, as `jsonb_to_recordset` reads it. */
function toRecord(row: AssessmentRow): Record<string, unknown> {
  return {
    account_id: row.accountId,
    playbook_version: row.playbookVersion,
    assessed_at: row.assessedAt,
    assessed_day: row.assessedDay,
    tier: row.tier,
    gemstone: row.gemstone,
    priority: row.priority,
    priority_model: row.priorityModel,
    health_colour: row.healthColour,
    health_score: row.healthScore,
    tam_eligible: row.tamEligible,
    needs_tam: row.needsTam,
    disengagement_candidate: row.disengagementCandidate,
    tam_user_id: row.tamUserId,
    capacity_share: row.capacityShare,
    commercial_rank: row.commercialRank,
    next_due_date: row.nextDueDate,
    next_due_kind: row.nextDueKind,
    overdue_count: row.overdueCount,
    review_due_date: row.reviewDueDate,
    review_status: row.reviewStatus,
    document: row.document,
  };
}

/**
 * The stored assessment `s` (left-joined to its account) must be recomputed: missing, from an
 * earlier UTC day (due dates turn overdue at midnight), or from another playbook version.
 */
export function isStale(today: string, playbookVersion: number): SQL {
  return sql`(s.account_id IS NULL OR s.assessed_day < ${today}::date OR s.playbook_version <> ${playbookVersion})`;
}

/**
 * Which accounts a bulk assessment covers: a query of \`id\`s (aliased \`id\`) the assessor pages
 * through in id order, so the set never has to fit in memory.
 */
export type BulkSource = SQL;

export const bulkSources = {
  all: sql`SELECT id FROM accounts` as BulkSource,
  /** Missing, from an earlier UTC day, or from another playbook version. */
  stale: (today: string, playbookVersion: number): BulkSource => sql`
    SELECT a.id FROM accounts a LEFT JOIN account_assessments s ON s.account_id = a.id
    WHERE ${isStale(today, playbookVersion)}`,
  /** One slice of the book in id order (a client-driven whole-book run). */
  slice: (after: string | null, limit: number): BulkSource =>
    sql`SELECT id FROM accounts ${after ? sql`WHERE id > ${after}::uuid` : sql``} ORDER BY id LIMIT ${limit}`,
};

export const assessmentsStore = {
  /** A page of a bulk source's ids, in id order, after \`after\`. */
  async idPage(
    executor: Executor,
    source: BulkSource,
    after: string | null,
    limit: number,
  ): Promise<string[]> {
    const result = await executor.execute<{ id: string }>(sql`
      SELECT s.id FROM (${source}) s ${after ? sql`WHERE s.id > ${after}::uuid` : sql``}
      ORDER BY s.id LIMIT ${limit}`);
    return result.rows.map((row) => row.id);
  },

  /**
   * Upserts in account-id order (concurrent refreshes lock rows in the same order), each slice
   * as one statement with one JSON parameter: no per-row parameters to bind, one parse.
   */
  async upsert(
    executor: Executor,
    rows: AssessmentRow[],
    options: { keepNewer?: boolean } = {},
  ): Promise<void> {
    // A bulk run assessed at an earlier instant must not overwrite what a write stored meanwhile.
    const guard = options.keepNewer
      ? sql` WHERE account_assessments.assessed_at <= excluded.assessed_at`
      : sql``;
    const sorted = [...rows].sort((left, right) => (left.accountId < right.accountId ? -1 : 1));
    for (let start = 0; start < sorted.length; start += UPSERT_SLICE) {
      const slice = sorted.slice(start, start + UPSERT_SLICE).map(toRecord);
      await executor.execute(sql`
        INSERT INTO account_assessments (${sql.raw(COLUMN_LIST)})
        SELECT ${sql.raw(COLUMN_LIST)} FROM jsonb_to_recordset(${JSON.stringify(slice)}::jsonb) AS r(${sql.raw(RECORD_TYPES)})
        ON CONFLICT (account_id) DO UPDATE SET ${sql.raw(UPDATE_SET)}${guard}`);
    }
  },

  async topRanked(
    executor: Executor,
    topN: number,
  ): Promise<{ accountId: string; commercialRank: number | null }[]> {
    return executor
      .select({ accountId: accountAssessments.accountId, commercialRank: accountAssessments.commercialRank })
      .from(accountAssessments)
      .where(and(isNotNull(accountAssessments.commercialRank), lte(accountAssessments.commercialRank, topN)));
  },

  async countAccounts(executor: Executor): Promise<number> {
    const result = await executor.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
    return result.rows[0]?.n ?? 0;
  },

  /** How many accounts are stale (counting stops at `limit`: the caller only needs to know "too many"). */
  async countStale(
    executor: Executor,
    today: string,
    playbookVersion: number,
    limit: number,
  ): Promise<number> {
    const result = await executor.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM accounts a LEFT JOIN account_assessments s ON s.account_id = a.id
        WHERE ${isStale(today, playbookVersion)}
        LIMIT ${limit}) stale`);
    return result.rows[0]?.n ?? 0;
  },

  /** Which of these accounts are stale (`isStale`). */
  async staleIds(
    executor: Executor,
    today: string,
    playbookVersion: number,
    accountIds: string[],
  ): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const result = await executor.execute<{ id: string }>(sql`
      SELECT a.id FROM accounts a
      LEFT JOIN account_assessments s ON s.account_id = a.id
      WHERE a.id = ANY(${sql.param(accountIds)}::uuid[]) AND ${isStale(today, playbookVersion)}`);
    return result.rows.map((row) => row.id);
  },
};
