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
    | 'jobId'
    | 'uploadBytes'
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
   * The unfinished imports (all, or the one `id`) whose lock nobody holds at this instant: those
   * waiting in the queue, and those a server that stopped was running — a crash, a kill, a
   * restart — on this machine or another sharing the database (`sweepImports` tells which).
   */
  async unlocked(executor: Executor, id?: string): Promise<string[]> {
    // MATERIALIZED: the lock is tried on the unfinished imports only, never on the whole history.
    const result = await executor.execute<{ id: string }>(sql`
      WITH unfinished AS MATERIALIZED (
        SELECT id FROM imports
        WHERE finished_at IS NULL ${id === undefined ? sql`` : sql`AND id = ${id}`}
      )
      SELECT id FROM unfinished WHERE pg_try_advisory_xact_lock(${JOB_LOCK_SPACE}, hashtext(id::text))`);
    return result.rows.map((row) => row.id);
  },

  /** Holds import `id`'s lock until the transaction ends; false when a live run holds it. */
  async tryLock(executor: Executor, id: string): Promise<boolean> {
    const result = await executor.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(${JOB_LOCK_SPACE}, hashtext(${id}::text)) AS locked`,
    );
    return result.rows[0]?.locked === true;
  },

  /** A new attempt starts from nothing: the last one's counts and rejected rows are gone. */
  async restart(executor: Executor, id: string, attempt: number, now: Date): Promise<void> {
    await executor.delete(importErrors).where(eq(importErrors.importId, id));
    await executor
      .update(imports)
      .set({
        status: 'reading',
        jobAttempt: attempt,
        updatedAt: now.toISOString(),
        finishedAt: null,
        error: null,
        rowsRead: 0,
        rowsValid: 0,
        rowsInvalid: 0,
        rowsCreated: 0,
        rowsUpdated: 0,
        rowsUnchanged: 0,
        accountsAssessed: 0,
        phases: {},
      })
      .where(eq(imports.id, id));
  },
};
