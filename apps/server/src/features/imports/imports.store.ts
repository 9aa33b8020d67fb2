import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { importErrors, imports } from '../../db/schema.ts';

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
      'object' | 'fileName' | 'status' | 'dryRun' | 'skipInvalid' | 'mapping' | 'createdBy'
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

  /** Jobs still running whose heartbeat stopped before `before` (their server went away). */
  async markInterrupted(executor: Executor, id: string, before: string): Promise<void> {
    await executor
      .update(imports)
      .set({
        status: 'failed',
        error: 'Interrupted: the server stopped before the import finished. Nothing was written.',
        finishedAt: sql`${imports.updatedAt}`,
      })
      .where(
        and(
          eq(imports.id, id),
          sql`${imports.finishedAt} IS NULL`,
          sql`${imports.updatedAt} < ${before}::timestamptz`,
        ),
      );
  },
};
