import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.ts';

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

/**
 * Inserts rows in multi-row statements of `size`, each sending its rows as one JSON parameter that
 * PostgreSQL expands with `jsonb_populate_recordset` (several times faster than one bind parameter
 * per value for wide rows such as history snapshots). Rows are inserted in the given order, so
 * serial ids follow it. Columns not present in the rows get their defaults.
 */
export async function insertRows<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  size = 2_000,
): Promise<void> {
  if (rows.length === 0) return;
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => present.has(key));
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  // The next chunk is serialised while the database parses the previous one.
  let pending: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < rows.length; start += size) {
    const json = JSON.stringify(
      rows
        .slice(start, start + size)
        .map((row) =>
          Object.fromEntries(
            columns.map(([key, column]) => [column.name, (row as Record<string, unknown>)[key] ?? null]),
          ),
        ),
    );
    await pending;
    pending = executor.execute(
      sql`INSERT INTO ${table} (${names}) SELECT ${names}
          FROM jsonb_populate_recordset(NULL::${table}, ${json}::jsonb) WITH ORDINALITY AS source
          ORDER BY source.ordinality`,
    );
  }
  await pending;
}
