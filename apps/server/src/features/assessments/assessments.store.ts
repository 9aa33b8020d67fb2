import type { Assessment, BookContext } from '@liaison/domain';
import { and, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accountAssessments } from '../../db/schema.ts';

export type AssessmentRow = typeof accountAssessments.$inferSelect;

export function toRow(
  assessment: Assessment,
  context: { playbookVersion: number; book: BookContext; now: Date },
): AssessmentRow {
  const tier = assessment.engagementTier;
  const hasTam = assessment.tamAlignment.hasTam;
  return {
    accountId: assessment.accountId,
    playbookVersion: context.playbookVersion,
    assessedAt: context.now.toISOString(),
    assessedDay: context.now.toISOString().slice(0, 10),
    tier: tier.tier,
    gemstone: assessment.gemstone.gemstone,
    priority: assessment.priority.priority,
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
    document: assessment,
  };
}

export const assessmentsStore = {
  /** Upserts in account-id order, so concurrent refreshes lock rows in the same order. */
  async upsert(executor: Executor, rows: AssessmentRow[]): Promise<void> {
    const sorted = [...rows].sort((left, right) => (left.accountId < right.accountId ? -1 : 1));
    for (let start = 0; start < sorted.length; start += 500) {
      await executor
        .insert(accountAssessments)
        .values(sorted.slice(start, start + 500))
        .onConflictDoUpdate({
          target: accountAssessments.accountId,
          set: Object.fromEntries(
            Object.keys(sorted[0]!)
              .filter((key) => key !== 'accountId')
              .map((key) => {
                const column = accountAssessments[key as keyof AssessmentRow];
                return [key, sql.raw(`excluded.${column.name}`)];
              }),
          ),
        });
    }
  },

  async find(executor: Executor, accountIds: string[]): Promise<AssessmentRow[]> {
    if (accountIds.length === 0) return [];
    return executor
      .select()
      .from(accountAssessments)
      .where(inArray(accountAssessments.accountId, accountIds));
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

  async anyInSegments(
    executor: Executor,
    accountIds: string[],
    segments: readonly string[],
  ): Promise<boolean> {
    if (accountIds.length === 0 || segments.length === 0) return false;
    const result = await executor.execute(
      sql`SELECT 1 FROM accounts WHERE id IN (${sql.join(
        accountIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) AND segment IN (${sql.join(
        segments.map((segment) => sql`${segment}`),
        sql`, `,
      )}) LIMIT 1`,
    );
    return result.rows.length > 0;
  },

  async idsAfter(executor: Executor, after: string | null, limit: number): Promise<string[]> {
    const result = await executor.execute<{ id: string }>(
      sql`SELECT id FROM accounts WHERE ${after ? sql`id > ${after}::uuid` : sql`TRUE`} ORDER BY id LIMIT ${limit}`,
    );
    return result.rows.map((row) => row.id);
  },

  async countAccounts(executor: Executor): Promise<number> {
    const result = await executor.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM accounts`);
    return result.rows[0]?.n ?? 0;
  },

  /** Accounts whose stored assessment is missing, from an earlier UTC day, or from another playbook. */
  async staleIds(
    executor: Executor,
    today: string,
    playbookVersion: number,
    accountIds?: string[],
  ): Promise<string[]> {
    if (accountIds && accountIds.length === 0) return [];
    const scope = accountIds
      ? sql`AND a.id IN (${sql.join(
          accountIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
    const result = await executor.execute<{ id: string }>(sql`
      SELECT a.id FROM accounts a
      LEFT JOIN account_assessments s ON s.account_id = a.id
      WHERE (s.account_id IS NULL OR s.assessed_day < ${today} OR s.playbook_version <> ${playbookVersion}) ${scope}`);
    return result.rows.map((row) => row.id);
  },
};
