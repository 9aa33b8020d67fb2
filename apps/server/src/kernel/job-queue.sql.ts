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
  return {
    // pg-boss settles a job whose handler outlived the queue's stop without awaiting it: on an
    // ended pool that is a rejection nobody hears, which ends the process. By then the stop has
    // failed the job (another server retries it), so there is nothing left to write. No result
    // at all is what pg-boss reads as "nothing affected" (an empty `rows` it would index).
    executeSql: (text, values) =>
      pool.ending ? Promise.resolve(null as unknown as pg.QueryResult) : pool.query(text, values),
  };
}

/**
 * Runs `work` while holding a session advisory lock on a connection of its own: servers starting
 * at once take turns (creating pg-boss queues is DDL on a partitioned table, and two servers
 * doing it at once can deadlock). The lock's connection does nothing else, so `work` may use the
 * pool freely.
 */
export async function withAdvisoryLock<T>(pool: pg.Pool, key: number, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    client.release();
  }
}
