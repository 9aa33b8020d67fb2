import { type SQL, sql } from 'drizzle-orm';

/**
 * "The team assignment current at an instant", written once: it started at or before the
 * instant and has not ended by then (`ends_at` is exclusive, so a handover at T has one holder
 * at T). `alias` names the `team_assignments` row in the caller's query (`t`, or the table's own
 * name in a query builder's `where`). A plain string variant serves the statements the CSV
 * import builds as text.
 */
export function heldAt(instant: Date | string, alias = 'team_assignments'): SQL {
  const at = typeof instant === 'string' ? instant : instant.toISOString();
  const row = sql.identifier(alias);
  return sql`(${row}.starts_at <= ${at}::timestamptz AND (${row}.ends_at IS NULL OR ${row}.ends_at > ${at}::timestamptz))`;
}

/** `heldAt` for statements written as text: `instant` must already be a safe SQL expression. */
export function heldAtText(instantExpression: string, alias: string): string {
  return `(${alias}.starts_at <= ${instantExpression} AND (${alias}.ends_at IS NULL OR ${alias}.ends_at > ${instantExpression}))`;
}
