import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

export interface QueueCountsRow {
  name: string;
  state: string;
  count: number;
  lastCompletedOn: string | null;
}

export interface FailedJobRow {
  id: string;
  name: string;
  data: unknown;
  output: unknown;
  retryCount: number;
  retryLimit: number;
  createdOn: string;
  startedOn: string | null;
  completedOn: string | null;
}

const toIso = (value: unknown) => (value === null ? null : new Date(value as string).toISOString());

/**
 * Reads of the job queue's tables (pg-boss's `pgboss` schema, decision 0009) for the admins'
 * jobs page: counts per queue and state, and the dead-letter list — jobs whose last attempt
 * failed — from the live table and the archive (where finished jobs move after an hour).
 */
export const jobsStore = {
  async counts(executor: Executor): Promise<QueueCountsRow[]> {
    const result = await executor.execute(sql`
      SELECT name, state::text AS state, count(*)::int AS count, max(completed_on) AS last_completed_on
      FROM (
        SELECT name, state, completed_on FROM pgboss.job
        UNION ALL
        SELECT name, state, completed_on FROM pgboss.archive
      ) jobs
      WHERE name NOT LIKE '\\_\\_pgboss%'
      GROUP BY name, state`);
    return (result.rows as Record<string, unknown>[]).map((row) => ({
      name: row.name as string,
      state: row.state as string,
      count: row.count as number,
      lastCompletedOn: toIso(row.last_completed_on ?? null),
    }));
  },

  async failed(executor: Executor, limit: number): Promise<FailedJobRow[]> {
    const result = await executor.execute(sql`
      SELECT id, name, data, output, retry_count, retry_limit, created_on, started_on, completed_on
      FROM (
        SELECT id, name, data, output, retry_count, retry_limit, created_on, started_on, completed_on, state
        FROM pgboss.job
        UNION ALL
        SELECT id, name, data, output, retry_count, retry_limit, created_on, started_on, completed_on, state
        FROM pgboss.archive
      ) jobs
      WHERE state = 'failed'
      ORDER BY completed_on DESC NULLS LAST
      LIMIT ${limit}`);
    return (result.rows as Record<string, unknown>[]).map((row) => ({
      id: row.id as string,
      name: row.name as string,
      data: row.data,
      output: row.output,
      retryCount: row.retry_count as number,
      retryLimit: row.retry_limit as number,
      createdOn: toIso(row.created_on)!,
      startedOn: toIso(row.started_on ?? null),
      completedOn: toIso(row.completed_on ?? null),
    }));
  },

  /** The queue of a failed job still in the live table (an archived one cannot be retried). */
  async failedJobQueue(executor: Executor, id: string): Promise<string | null> {
    const result = await executor.execute(
      sql`SELECT name FROM pgboss.job WHERE id = ${id} AND state = 'failed'`,
    );
    return (result.rows[0] as { name: string } | undefined)?.name ?? null;
  },
};
