import { getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * The condition an UPDATE of a versioned row adds to its WHERE: true when writing `values` would
 * change at least one column. PostgreSQL compares, in each column's own type, so an instant sent
 * with another offset or a number sent as 1.0 is the value already stored. A write that changes
 * nothing thus updates no row: same version, same `updatedAt`, and no history entry (the store
 * reads the row as it is instead).
 */
export function changesAnything(table: PgTable, values: object): SQL {
  const columns = getTableColumns(table);
  const differences = Object.entries(values).flatMap(([key, value]) => {
    const column = columns[key];
    // What drizzle's `set` ignores (an undefined value, a key that is no column) changes nothing.
    if (value === undefined || !column) return [];
    return [sql`${column} IS DISTINCT FROM ${sql.param(value, column)}`];
  });
  return or(...differences) ?? sql`false`;
}
