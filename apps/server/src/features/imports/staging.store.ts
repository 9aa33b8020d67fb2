import type { FieldKind, FieldSpec, ImportPlan } from '@liaison/domain';
import type pg from 'pg';

/**
 * The staging of an import: a temporary table on the job's own connection, filled by `COPY`
 * while the upload streams in, one row per data row with its original cells (for the error
 * file), the problems found in JavaScript, which cells were given, and the parsed values.
 * Temporary tables vanish with the connection, so a crash leaves nothing behind.
 */

const SQL_TYPES: Record<FieldKind, string> = {
  text: 'text',
  name: 'text',
  email: 'text',
  enum: 'text',
  list: 'text[]',
  number: 'numeric',
  integer: 'integer',
  boolean: 'boolean',
  date: 'date',
  instant: 'timestamptz',
  salesforceId: 'text',
  liaisonId: 'uuid',
  recordRef: 'text',
  userRef: 'text',
};

/** `parentRef` → `f_parent_ref`. */
export function column(field: string): string {
  return `f_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
}

/** SQL testing whether the row gave the field (bit `i` of `provided`). */
export function givenSql(plan: ImportPlan, field: string, alias = 'r'): string {
  const index = plan.staged.findIndex((spec) => spec.field === field);
  if (index < 0) throw new Error(`${plan.object} has no field ${field}`);
  return `((${alias}.provided & ${2 ** index}::bigint) <> 0)`;
}

/** A SQL string literal (standard_conforming_strings is on since PostgreSQL 9.1). */
export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export const stagingStore = {
  async create(client: pg.PoolClient, staged: readonly FieldSpec[]): Promise<void> {
    const fields = staged.map((spec) => `${column(spec.field)} ${SQL_TYPES[spec.kind]}`).join(', ');
    await client.query(
      `CREATE TEMP TABLE import_rows (row_no integer NOT NULL, raw text NOT NULL, problems text[], provided bigint NOT NULL, ${fields})`,
    );
  },

  copyStatement(staged: readonly FieldSpec[]): string {
    const fields = staged.map((spec) => column(spec.field)).join(', ');
    return `COPY import_rows (row_no, raw, problems, provided, ${fields}) FROM STDIN`;
  },

  async analyze(client: pg.PoolClient, table: string): Promise<void> {
    await client.query(`ANALYZE ${table}`);
  },

  /** Rows and invalid rows once every check ran (`import_checked`). */
  async counts(client: pg.PoolClient): Promise<{ rows: number; invalid: number }> {
    const result = await client.query<{ rows: number; invalid: number }>(
      `SELECT count(*)::int AS rows, count(*) FILTER (WHERE cardinality(problems) > 0)::int AS invalid FROM import_checked`,
    );
    return result.rows[0]!;
  },

  /** Copies the rejected rows, with their original cells and problems, into the job's error file. */
  async saveErrors(client: pg.PoolClient, importId: string): Promise<void> {
    await client.query(
      `INSERT INTO import_errors (import_id, row_number, cells, problems)
       SELECT $1, c.row_no, c.raw::jsonb,
         (SELECT jsonb_agg(jsonb_build_object('column', split_part(p, chr(31), 1), 'message', split_part(p, chr(31), 2)) ORDER BY n)
          FROM unnest(c.problems) WITH ORDINALITY AS u(p, n))
       FROM import_checked c WHERE cardinality(c.problems) > 0`,
      [importId],
    );
  },

  /**
   * With `skipInvalid`, a row that points at a rejected row of the same file (a child account
   * whose parent row is invalid) is rejected too, until nothing changes.
   */
  async rejectDependents(client: pg.PoolClient, refRow: string, header: string): Promise<void> {
    for (let round = 0; round < 100; round++) {
      const result = await client.query(
        `UPDATE import_checked c SET problems = c.problems || (${literal(header)} || chr(31) || 'row ' || p.row_no || ' is rejected, so this row is too')
         FROM import_checked p
         WHERE c.${refRow} = p.row_no AND cardinality(p.problems) > 0 AND cardinality(c.problems) = 0`,
      );
      if (!result.rowCount) return;
    }
  },
};
