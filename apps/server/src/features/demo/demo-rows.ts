import { getTableColumns, is, SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * What the database fills in for the columns the demo leaves out: the in-memory row (and so the
 * presenter's snapshot of it, kept in the history) equals what a SELECT returns after the insert,
 * even for columns other features add later.
 */
export function columnDefaults<T extends PgTable>(table: T): Partial<T['$inferSelect']> {
  const defaults: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (column.hasDefault && column.default !== undefined && !is(column.default, SQL)) {
      defaults[key] = structuredClone(column.default);
    } else if (column.columnType === 'PgArray' && column.hasDefault) {
      defaults[key] = [];
    } else if (!column.notNull) {
      defaults[key] = null;
    }
  }
  return defaults as Partial<T['$inferSelect']>;
}

/** Completes rows of `table` with the database's defaults for every column not given. */
export function rowsOf<T extends PgTable>(
  table: T,
): (values: Partial<T['$inferSelect']>) => T['$inferSelect'] {
  const defaults = columnDefaults(table);
  return (values) => ({ ...defaults, ...values }) as T['$inferSelect'];
}

/** Inserts rows in multi-row statements of `size` (well under PostgreSQL's 65,535 parameters). */
export async function insertInChunks<T>(
  rows: readonly T[],
  insert: (chunk: T[]) => Promise<unknown>,
  size = 500,
) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}
