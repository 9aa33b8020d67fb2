import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { importErrors, imports } from '../../db/schema.ts';
import { JOB_LOCK_SPACE } from './import-connection.store.ts';

export type ImportRow = typeof imports.$inferSelect;
export type ImportErrorRow = typeof importErrors.$inferSelect;
export type ImportProgress = Partial<
  Pick<
    ImportRow,
    | 'status'
    | 'updatedAt'
    | 'finishedAt'
    | 'headers'
    | 'ignoredColumns'
    | 'rowsRead'
    | 'rowsValid'
    | 'rowsInvalid'
    | 'rowsCreated'
    | 'rowsUpdated'
    | 'rowsUnchanged'
    | 'accountsAssessed'
    | 'phases'
    | 'error'
  >
>;

export const importsStore = {
  async insert(
    executor: Executor,
    values: Pick<
      ImportRow,
      'id' | 'object' | 'fileName' | 'status' | 'dryRun' | 'skipInvalid' | 'mapping' | 'createdBy'
    >,
    now: Date,
  ): Promise<ImportRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(imports)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async update(executor: Executor, id: string, values: ImportProgress): Promise<void> {
    await executor.update(imports).set(values).where(eq(imports.id, id));
  },

  async findById(executor: Executor, id: string): Promise<ImportRow | undefined> {
    const [row] = await executor.select().from(imports).where(eq(imports.id, id));
    return row;
  },

  /** The first rejected rows, in row order. */
  async errorSample(executor: Executor, id: string, limit: number): Promise<ImportErrorRow[]> {
    return executor
      .select()
      .from(importErrors)
      .where(eq(importErrors.importId, id))
      .orderBy(asc(importErrors.rowNumber))
      .limit(limit);
  },

  async errorCount(executor: Executor, id: string): Promise<number> {
    const [row] = await executor
      .select({ n: count() })
      .from(importErrors)
      .where(eq(importErrors.importId, id));
    return row?.n ?? 0;
  },

  /** One page of the error file after `afterRow` (keyset on the row number). */
  async errorPage(
    executor: Executor,
    id: string,
    afterRow: number,
    limit: number,
  ): Promise<ImportErrorRow[]> {
    return executor
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.importId, id), gt(importErrors.rowNumber, afterRow)))
      .orderBy(asc(importErrors.rowNumber))
      .limit(limit);
  },

  /**
   * Marks failed the unfinished jobs (all, or the one `id`) no server runs any more: a running
   * job holds its lock (`holdJob`) from before its row exists until it has written its end, so a
   * job whose lock can be taken was left by a server that stopped — a crash, a kill, a restart —
   * on this machine or another sharing the database. A job a live server runs is never touched.
   * Its transaction rolled back with its connection, so nothing of it was written.
   */
  async failInterrupted(executor: Executor, message: string, id?: string): Promise<string[]> {
    // MATERIALIZED: the lock is tried on the unfinished jobs only, never on the whole history.
    const result = await executor.execute<{ id: string }>(sql`
      WITH unfinished AS MATERIALIZED (
        SELECT id FROM imports
        WHERE finished_at IS NULL ${id === undefined ? sql`` : sql`AND id = ${id}`}
      )
      UPDATE imports SET status = 'failed', error = ${message}, finished_at = imports.updated_at
      FROM unfinished
      WHERE imports.id = unfinished.id AND imports.finished_at IS NULL
        AND pg_try_advisory_xact_lock(${JOB_LOCK_SPACE}, hashtext(unfinished.id::text))
      RETURNING imports.id`);
    return result.rows.map((row) => row.id);
  },
};
