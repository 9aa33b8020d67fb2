import type {
  AccountListAssessment,
  AccountListItem,
  AccountListQuery,
  AccountSort,
} from '@liaison/contracts';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { accountAssessments, accounts, teamAssignments, users } from '../../db/schema.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';
import { presentAccountSummary } from './accounts.presenter.ts';
import type { AccountRow } from './accounts.store.ts';

// Each sort key is a total order with the id as tie-breaker, so keyset pages never skip or repeat.
// A missing renewal date sorts as 'infinity': last ascending, first descending.
const sortKeys: Record<string, { expression: SQL; read: (row: AccountRow) => string | number }> = {
  name: { expression: sql`${accounts.name}`, read: (row) => row.name },
  arr: { expression: sql`${accounts.arr}`, read: (row) => row.arr },
  renewalDate: {
    expression: sql`COALESCE(${accounts.renewalDate}, 'infinity'::date)`,
    read: (row) => row.renewalDate ?? 'infinity',
  },
  updatedAt: { expression: sql`${accounts.updatedAt}`, read: (row) => row.updatedAt },
  createdAt: { expression: sql`${accounts.createdAt}`, read: (row) => row.createdAt },
};

const Cursor = z.object({ value: z.union([z.string(), z.number()]), id: z.uuid() });

function sortOf(sort: AccountSort) {
  const descending = sort.startsWith('-');
  const key = sortKeys[descending ? sort.slice(1) : sort]!;
  return { key, descending };
}

export async function listAccounts(
  executor: Executor,
  query: AccountListQuery,
  now: Date,
): Promise<{ items: AccountListItem[]; nextCursor: string | null }> {
  const { key, descending } = sortOf(query.sort);
  const after = decodeCursor(query.cursor, Cursor);
  const filters: SQL[] = [];
  if (query.q) filters.push(sql`${accounts.name} ILIKE ${`%${query.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  if (query.segment) filters.push(sql`${accounts.segment} = ${query.segment}`);
  if (query.region) filters.push(sql`${accounts.region} = ${query.region}`);
  if (query.relationshipStage) filters.push(sql`${accounts.relationshipStage} = ${query.relationshipStage}`);
  if (query.parentAccountId) filters.push(sql`${accounts.parentAccountId} = ${query.parentAccountId}`);
  if (query.teamMember) {
    const instant = now.toISOString();
    filters.push(sql`EXISTS (SELECT 1 FROM team_assignments t WHERE t.account_id = ${accounts.id}
      AND t.user_id = ${query.teamMember} AND ${heldAt(instant, 't')})`);
  }
  if (query.tam) {
    const instant = now.toISOString();
    const currentTam = sql`SELECT 1 FROM team_assignments t WHERE t.account_id = ${accounts.id}
      AND t.role = 'tam' AND ${heldAt(instant, 't')}`;
    filters.push(
      query.tam === 'none'
        ? sql`NOT EXISTS (${currentTam})`
        : sql`EXISTS (${currentTam} AND t.user_id = ${query.tam})`,
    );
  }
  // The stored assessment (kept fresh by every write; callers refresh stale rows first).
  if (query.tier) filters.push(sql`${accountAssessments.tier} = ${query.tier}`);
  if (query.priority) filters.push(sql`${accountAssessments.priority} = ${query.priority}`);
  if (query.health) filters.push(sql`${accountAssessments.healthColour} = ${query.health}`);
  if (after) {
    const comparison = descending ? sql`<` : sql`>`;
    filters.push(sql`(${key.expression}, ${accounts.id}) ${comparison} (${after.value}, ${after.id})`);
  }
  const direction = descending ? sql`DESC` : sql`ASC`;
  const order = sql`${key.expression} ${direction}, ${accounts.id} ${direction}`;
  // The page is chosen first and only its rows look up their TAM: joined before the LIMIT, the
  // lateral ran for every matching account whenever the sort had no index (ARR, renewal).
  const page = executor
    .select({ id: accounts.id })
    .from(accounts)
    .leftJoin(accountAssessments, eq(accountAssessments.accountId, accounts.id))
    .where(filters.length > 0 ? sql.join(filters, sql` AND `) : undefined)
    .orderBy(order)
    .limit(query.limit + 1)
    .as('page');
  const tam = currentTam(executor, now);
  const rows = await executor
    .select({ account: accounts, assessment: accountAssessments, tamId: tam.userId, tamName: tam.name })
    .from(page)
    .innerJoin(accounts, eq(accounts.id, page.id))
    .leftJoin(accountAssessments, eq(accountAssessments.accountId, accounts.id))
    .leftJoinLateral(tam, sql`true`)
    .orderBy(order);
  const items = rows.slice(0, query.limit);
  const last = rows.length > query.limit ? items[items.length - 1] : undefined;
  return {
    items: items.map((row) => ({
      ...presentAccountSummary(row.account),
      assessment: row.assessment ? presentListAssessment(row.assessment) : null,
      tam: row.tamId && row.tamName !== null ? { userId: row.tamId, name: row.tamName } : null,
    })),
    nextCursor: last ? encodeCursor({ value: key.read(last.account), id: last.account.id }) : null,
  };
}

/**
 * The account's TAM at `now`, joined laterally so a page with its TAMs is one statement.
 * Overlapping assignments (a handover entered before the old one was ended) resolve to the
 * latest to start, as the export does.
 */
function currentTam(executor: Executor, now: Date) {
  const instant = now.toISOString();
  return executor
    .select({ userId: users.id, name: users.name })
    .from(teamAssignments)
    .innerJoin(users, eq(users.id, teamAssignments.userId))
    .where(and(eq(teamAssignments.accountId, accounts.id), eq(teamAssignments.role, 'tam'), heldAt(instant)))
    .orderBy(desc(teamAssignments.startsAt), asc(teamAssignments.id))
    .limit(1)
    .as('current_tam');
}

function presentListAssessment(row: typeof accountAssessments.$inferSelect): AccountListAssessment {
  return {
    tier: row.tier,
    gemstone: row.gemstone,
    priority: row.priority as AccountListAssessment['priority'],
    healthColour: row.healthColour as AccountListAssessment['healthColour'],
    healthScore: row.healthScore === null ? null : Number(row.healthScore),
    nextDueDate: row.nextDueDate,
    overdueCount: row.overdueCount,
  };
}
