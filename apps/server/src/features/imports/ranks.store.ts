import type { Playbook } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { managedCommercial, rankOrder } from '../assessments/book-context.loader.ts';

/**
 * The Commercial ranking of the whole book after an import, computed once in SQL (the same
 * predicate and order as the assessments' book context) and kept in a temporary table, so a
 * million-account import assesses chunk by chunk without holding every rank in memory.
 */
export const ranksStore = {
  /** Ranks every managed Commercial account; returns how many are ranked. */
  async create(executor: Executor, playbook: Playbook, now: Date): Promise<number> {
    await executor.execute(sql`
      CREATE TEMP TABLE import_ranks AS
      SELECT a.id, (row_number() OVER (ORDER BY ${rankOrder}))::int AS rank
      FROM accounts a WHERE ${managedCommercial(playbook, now)}`);
    await executor.execute(sql`ALTER TABLE import_ranks ADD PRIMARY KEY (id)`);
    const result = await executor.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM import_ranks`);
    return result.rows[0]?.n ?? 0;
  },

  /** The ranks of these accounts (absent: not ranked). */
  async of(executor: Executor, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const result = await executor.execute<{ id: string; rank: number }>(
      sql`SELECT id, rank FROM import_ranks WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
    );
    return new Map(result.rows.map((row) => [row.id, row.rank]));
  },

  /** The accounts ranked `1..topN`. */
  async top(executor: Executor, topN: number): Promise<Map<string, number>> {
    const result = await executor.execute<{ id: string; rank: number }>(
      sql`SELECT id, rank FROM import_ranks WHERE rank <= ${topN}`,
    );
    return new Map(result.rows.map((row) => [row.id, row.rank]));
  },
};
