import type { ImportPlan } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { AccountSet } from '../assessments/index.ts';
import { changesSql, type SnapshotEntity, snapshotSql } from './snapshots.store.ts';
import { givenSql, literal } from './staging.store.ts';

/**
 * SQL shared by the object importers: matching rows to existing records by Liaison id or
 * Salesforce Id, resolving references, assembling problems and writing history set-based.
 */

/** The header a problem names: the file's column for the field, else the format's. */
export function headerOf(plan: ImportPlan, field: string): string {
  return (
    plan.columns.find((column) => column.spec.field === field)?.header ??
    plan.staged.find((spec) => spec.field === field)?.header ??
    field
  );
}

/** One problem as SQL: `<header><US><message>` when `condition` holds, else null. */
export function problemSql(header: string, condition: string, message: string): string {
  return `CASE WHEN ${condition} THEN ${literal(header)} || chr(31) || ${message} END`;
}

/**
 * Problems for fields a new record needs but the row does not give (unless the cell was given
 * and already reported as invalid).
 */
export function requiredOnCreateSql(plan: ImportPlan, entity: string, isNew: string): string[] {
  return plan.staged
    .filter((spec) => spec.requiredOnCreate)
    .map((spec) => {
      const header = headerOf(plan, spec.field);
      return problemSql(
        header,
        `${isNew} AND NOT ${givenSql(plan, spec.field)} AND NOT coalesce(${literal(header)} = ANY (SELECT split_part(p, chr(31), 1) FROM unnest(r.problems) AS p), false)`,
        literal(`required for a new ${entity}`),
      );
    });
}

/**
 * `import_resolved`: each staged row with the existing record it updates (by Liaison id, else
 * Salesforce Id), the id its record will have, and the first row of the file for the same record.
 */
export async function resolveRecordKeys(
  client: pg.PoolClient,
  table: string,
  existingColumns: readonly string[] = [],
): Promise<void> {
  const extra = existingColumns
    .map((name) => `, coalesce(bi.${name}, bs.${name}) AS existing_${name}`)
    .join('');
  await client.query(`
    CREATE TEMP TABLE import_resolved AS
    SELECT x.*,
      CASE WHEN x.f_salesforce_id IS NOT NULL THEN min(x.row_no) OVER (PARTITION BY x.f_salesforce_id) END AS first_by_sf,
      min(x.row_no) OVER (PARTITION BY x.target_id) AS first_by_target
    FROM (
      SELECT s.*, coalesce(bi.id, bs.id) AS existing_id,
        (bi.id IS NOT NULL AND bs.id IS NOT NULL AND bi.id <> bs.id) AS key_conflict,
        coalesce(bi.id, bs.id, s.f_liaison_id, gen_random_uuid()) AS target_id${extra}
      FROM import_rows s
      LEFT JOIN ${table} bi ON bi.id = s.f_liaison_id
      LEFT JOIN ${table} bs ON (bs.external_ids ->> 'salesforce') = s.f_salesforce_id
    ) x`);
  await client.query('ANALYZE import_resolved');
}

/** Problems of the keys: an Id and a Liaison id naming two records, or a record twice in the file. */
export function keyProblemsSql(plan: ImportPlan, entity: string): string[] {
  const idHeader = headerOf(plan, 'salesforceId');
  return [
    problemSql(
      idHeader,
      'r.key_conflict',
      literal(`belongs to another ${entity} than ${headerOf(plan, 'liaisonId')}`),
    ),
    problemSql(
      idHeader,
      'least(r.first_by_sf, r.first_by_target) < r.row_no',
      `${literal(`the same ${entity} as row `)} || least(r.first_by_sf, r.first_by_target)`,
    ),
  ];
}

/** SQL joins resolving `ref` (a Salesforce Id or a Liaison id) to an existing account: `<as>_sf`, `<as>_id`. */
export function accountRefJoins(ref: string, as: string): string {
  return `
    LEFT JOIN accounts ${as}_sf ON (${as}_sf.external_ids ->> 'salesforce') = ${ref}
    LEFT JOIN accounts ${as}_id ON ${as}_id.id = (CASE WHEN length(${ref}) = 36 THEN ${ref}::uuid END)`;
}

/** Every way a file can name a user: Salesforce Id, e-mail address, Liaison id. */
export async function createUserKeys(client: pg.PoolClient): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE import_user_keys AS
    SELECT DISTINCT ON (key) key, id FROM (
      SELECT external_ids ->> 'salesforce' AS key, id, 1 AS rank FROM users WHERE external_ids ? 'salesforce'
      UNION ALL SELECT lower(email), id, 2 FROM users
      UNION ALL SELECT id::text, id, 3 FROM users
    ) keys ORDER BY key, rank`);
  await client.query('ANALYZE import_user_keys');
}

/** The not-found problem of a user reference. */
export function userRefProblemSql(plan: ImportPlan, field: string, ref: string, resolved: string): string {
  return problemSql(
    headerOf(plan, field),
    `${givenSql(plan, field)} AND ${ref} IS NOT NULL AND ${resolved} IS NULL`,
    `${literal('no user with the Salesforce Id or e-mail address ')} || ${ref}`,
  );
}

/** `import_checked` from a select over `import_resolved r` with extra columns, joins and problems. */
export async function createChecked(
  client: pg.PoolClient,
  options: { columns: string[]; joins: string; problems: string[] },
): Promise<void> {
  const columns = options.columns.map((expression) => `, ${expression}`).join('');
  const problems = options.problems.length > 0 ? options.problems.join(',\n') : 'NULL';
  await client.query(`
    CREATE TEMP TABLE import_checked AS
    SELECT r.*${columns},
      coalesce(r.problems, '{}'::text[]) || array_remove(ARRAY[${problems}]::text[], NULL) AS all_problems
    FROM import_resolved r ${options.joins}`);
  await client.query('ALTER TABLE import_checked DROP COLUMN problems');
  await client.query('ALTER TABLE import_checked RENAME COLUMN all_problems TO problems');
  await client.query('CREATE INDEX ON import_checked (row_no)');
  await client.query('ANALYZE import_checked');
}

export interface HistoryOptions {
  entity: SnapshotEntity;
  /** `SELECT … AS account_id, … AS entity_id, <before jsonb or null> AS before, <row alias with the entity's columns>`. */
  source: string;
  /** The alias of the entity's row in `source` (snapshots read it). */
  alias: string;
  /** The account's id for the history row, as SQL over `source`. */
  accountId: string;
  entityId: string;
  before: string;
}

/**
 * One history row per changed entity, snapshot and field changes built in SQL like the
 * recorder builds them in JavaScript; an update that changes nothing is not recorded. A
 * create stores no field changes: they are the snapshot's fields, derived when read (half the
 * cost of a create's history row). (`OFFSET 0` keeps each snapshot and change list computed
 * once per row, not once per use.)
 */
export async function insertHistory(
  client: pg.PoolClient,
  context: { now: string; actor: { id: string; name: string }; requestId: string | null },
  options: HistoryOptions,
): Promise<number> {
  const result = await client.query(
    `INSERT INTO history (account_id, entity_type, entity_id, operation, actor_type, actor_id, actor_name, occurred_at, changes, snapshot, request_id)
     SELECT h.account_id, $1, h.entity_id, CASE WHEN h.before IS NULL THEN 'create' ELSE 'update' END,
       'import', $2, $3, $4, h.changes, h.after, $5
     FROM (
       SELECT x.account_id, x.entity_id, x.before, x.after,
         CASE WHEN x.before IS NULL THEN NULL ELSE ${changesSql(options.entity, 'x.before', 'x.after')} END AS changes
       FROM (SELECT ${options.accountId} AS account_id, ${options.entityId} AS entity_id, ${options.before} AS before,
               ${snapshotSql(options.entity, options.alias)} AS after
             ${options.source} OFFSET 0) x
       OFFSET 0
     ) h
     WHERE h.before IS NULL OR h.changes <> '[]'::jsonb`,
    [options.entity, context.actor.id, context.actor.name, context.now, context.requestId],
  );
  return result.rowCount ?? 0;
}

/** The accounts whose assessment the import may have changed. */
export async function createTouched(client: pg.PoolClient): Promise<void> {
  await client.query('CREATE TEMP TABLE import_touched (account_id uuid PRIMARY KEY)');
}

export async function touch(client: pg.PoolClient, select: string): Promise<void> {
  await client.query(`INSERT INTO import_touched (account_id) ${select} ON CONFLICT DO NOTHING`);
}

export const ok = (alias = 'r') => `cardinality(${alias}.problems) = 0`;

export async function touchedCount(client: pg.PoolClient): Promise<number> {
  const result = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM import_touched');
  return result.rows[0]?.n ?? 0;
}

export async function touchedIds(client: pg.PoolClient): Promise<string[]> {
  const result = await client.query<{ account_id: string }>('SELECT account_id FROM import_touched');
  return result.rows.map((row) => row.account_id);
}

export async function addTouched(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    'INSERT INTO import_touched (account_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING',
    [ids],
  );
}

/** The touched accounts as the assessments feature reassesses them, in the import's transaction. */
export function touchedSet(client: pg.PoolClient): AccountSet {
  return {
    count: () => touchedCount(client),
    ids: () => touchedIds(client),
    add: (ids) => addTouched(client, ids),
    source: sql`SELECT account_id AS id FROM import_touched`,
  };
}
