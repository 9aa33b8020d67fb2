import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type PgBoss from 'pg-boss';
import type { Executor } from '../db/client.ts';

/**
 * pg-boss runs its statements through `executeSql(text, values)`; this one runs them in the
 * caller's transaction, so a job is queued exactly when the write that wants it commits.
 * pg-boss's statements number their parameters ($1…); each becomes a bound parameter here.
 */
export function transactionAdapter(executor: Executor): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const result = await executor.execute(positional(text, values));
      return { rows: (result as unknown as { rows: unknown[] }).rows };
    },
  };
}

export function positional(text: string, values: readonly unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) chunks.push(sql.raw(part));
    else chunks.push(sql`${values[Number(part) - 1] ?? null}`);
  });
  return sql.join(chunks);
}

/** pg-boss on the server's pool (its statements are its own; see job-queue.ts). */
export function poolAdapter(pool: pg.Pool): PgBoss.Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}
