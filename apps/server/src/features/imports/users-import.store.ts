import type pg from 'pg';
import type { ImportContext, ObjectImporter, WriteContext, WriteCounts } from './import-types.ts';
import {
  createChecked,
  headerOf,
  insertHistory,
  ok,
  problemSql,
  requiredOnCreateSql,
} from './record-keys.store.ts';
import { snapshotSql } from './snapshots.store.ts';
import { givenSql, literal } from './staging.store.ts';

const COMPARED = ['name', 'email', 'region', 'roles', 'is_active', 'external_ids'];

/**
 * Staff users, matched by Salesforce Id, else by e-mail address. New users get no password
 * (they sign in once an admin sets one) and the viewer role unless the file gives roles.
 */
export const usersImport: ObjectImporter = {
  async check(client: pg.PoolClient, context: ImportContext) {
    const { plan } = context;
    const given = (field: string) => givenSql(plan, field);
    await client.query(`
      CREATE TEMP TABLE import_resolved AS
      SELECT x.*,
        CASE WHEN x.f_salesforce_id IS NOT NULL THEN min(x.row_no) OVER (PARTITION BY x.f_salesforce_id) END AS first_by_sf,
        CASE WHEN x.f_email IS NOT NULL THEN min(x.row_no) OVER (PARTITION BY x.f_email) END AS first_by_email,
        min(x.row_no) OVER (PARTITION BY x.target_id) AS first_by_target
      FROM (
        SELECT s.*, coalesce(bs.id, be.id) AS existing_id,
          (bs.id IS NOT NULL AND be.id IS NOT NULL AND bs.id <> be.id) AS key_conflict,
          coalesce(bs.id, be.id, gen_random_uuid()) AS target_id,
          coalesce(bs.email, be.email) AS existing_email
        FROM import_rows s
        LEFT JOIN users bs ON (bs.external_ids ->> 'salesforce') = s.f_salesforce_id
        LEFT JOIN users be ON bs.id IS NULL AND lower(be.email) = s.f_email
      ) x`);
    const idHeader = headerOf(plan, 'salesforceId');
    const emailHeader = headerOf(plan, 'email');
    await createChecked(client, {
      columns: [],
      joins: `LEFT JOIN users taken ON lower(taken.email) = r.f_email AND taken.id <> r.target_id`,
      problems: [
        problemSql(idHeader, 'r.key_conflict', literal('belongs to another user than the e-mail address')),
        problemSql(
          idHeader,
          'least(r.first_by_sf, r.first_by_email, r.first_by_target) < r.row_no',
          `${literal('the same user as row ')} || least(r.first_by_sf, r.first_by_email, r.first_by_target)`,
        ),
        ...requiredOnCreateSql(plan, 'user', 'r.existing_id IS NULL'),
        problemSql(emailHeader, 'taken.id IS NOT NULL', literal('is the e-mail address of another user')),
        problemSql(
          headerOf(plan, 'roles'),
          `${given('roles')} AND cardinality(r.f_roles) = 0`,
          literal('a user needs at least one role'),
        ),
        // As in the users service: nobody deactivates themselves or drops their own admin role.
        problemSql(
          headerOf(plan, 'isActive'),
          `r.target_id = ${literal(context.importerId)}::uuid AND ${given('isActive')} AND NOT r.f_is_active`,
          literal('you cannot deactivate yourself'),
        ),
        problemSql(
          headerOf(plan, 'roles'),
          `r.target_id = ${literal(context.importerId)}::uuid AND ${given('roles')} AND NOT ('admin' = ANY (r.f_roles))`,
          literal('you cannot remove your own admin role'),
        ),
      ],
    });
  },

  async write(client: pg.PoolClient, context: WriteContext): Promise<WriteCounts> {
    const { plan } = context;
    const given = (field: string) => givenSql(plan, field);
    const now = literal(context.now);
    await client.query(
      `SELECT u.id FROM users u JOIN import_checked r ON r.existing_id = u.id WHERE ${ok()} ORDER BY u.id FOR UPDATE OF u`,
    );
    const value = (column: string, field: string, fallback: string) =>
      `CASE WHEN ${given(field)} THEN r.f_${column} WHEN u.id IS NOT NULL THEN u.${column} ELSE ${fallback} END`;
    await client.query(`
      CREATE TEMP TABLE import_final AS
      SELECT f.*, u.id IS NULL AS is_new,
        (u.id IS NULL OR (${COMPARED.map((column) => `u.${column}`).join(', ')})
          IS DISTINCT FROM (${COMPARED.map((column) => `f.${column}`).join(', ')})) AS changed
      FROM (
        SELECT r.target_id AS id, r.row_no,
          ${value('name', 'name', 'NULL')} AS name,
          ${value('email', 'email', 'NULL')} AS email,
          ${value('region', 'region', 'NULL')} AS region,
          ${value('roles', 'roles', `'{viewer}'`)} AS roles,
          ${value('is_active', 'isActive', 'true')} AS is_active,
          coalesce(u.external_ids, '{}'::jsonb) || CASE WHEN r.f_salesforce_id IS NOT NULL THEN jsonb_build_object('salesforce', r.f_salesforce_id) ELSE '{}'::jsonb END AS external_ids
        FROM import_checked r LEFT JOIN users u ON u.id = r.existing_id
        WHERE ${ok()}
      ) f LEFT JOIN users u ON u.id = f.id`);
    await client.query(`
      CREATE TEMP TABLE import_before AS
      SELECT u.id, ${snapshotSql('user', 'u')} AS snapshot
      FROM users u JOIN import_final f ON f.id = u.id WHERE f.changed AND NOT f.is_new`);
    const inserted = await client.query(`
      INSERT INTO users (id, version, created_at, updated_at, ${COMPARED.join(', ')})
      SELECT f.id, 1, ${now}, ${now}, ${COMPARED.map((column) => `f.${column}`).join(', ')}
      FROM import_final f WHERE f.is_new ORDER BY f.row_no`);
    await context.checkpoint('users inserted');
    const updated = await client.query(`
      UPDATE users u SET ${COMPARED.map((column) => `${column} = f.${column}`).join(', ')},
        version = u.version + 1, updated_at = ${now}
      FROM import_final f WHERE u.id = f.id AND f.changed AND NOT f.is_new`);
    await insertHistory(client, context, {
      entity: 'user',
      alias: 'u',
      source:
        'FROM users u JOIN import_final f ON f.id = u.id AND f.changed LEFT JOIN import_before b ON b.id = u.id',
      accountId: 'NULL::uuid',
      entityId: 'u.id',
      before: 'b.snapshot',
    });
    const counts = await client.query<{ unchanged: number }>(
      'SELECT count(*) FILTER (WHERE NOT changed AND NOT is_new)::int AS unchanged FROM import_final',
    );
    return {
      created: inserted.rowCount ?? 0,
      updated: updated.rowCount ?? 0,
      unchanged: counts.rows[0]?.unchanged ?? 0,
    };
  },
};
