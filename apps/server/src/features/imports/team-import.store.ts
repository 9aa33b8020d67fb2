import type pg from 'pg';
import { heldAtText } from '../../kernel/team-at.sql.ts';
import type { WriteContext } from './import-types.ts';
import { insertHistory, touch } from './record-keys.store.ts';
import { snapshotSql } from './snapshots.store.ts';
import { literal } from './staging.store.ts';

/**
 * Account-team roles set by an import (`OwnerId`, `TAM__c`): the named user becomes the role's
 * current holder. Other current holders of the role end now; the user starts now unless already
 * on the team in that role; a cleared reference (`#N/A`) ends the role's current holders.
 */
export const teamImport = {
  /** `wanted`: `SELECT account_id, role, user_id` (user_id null: clear the role), one row per account and role. */
  async apply(client: pg.PoolClient, context: WriteContext, wanted: string): Promise<void> {
    const now = `${literal(context.now)}::timestamptz`;
    const active = (alias: string) => heldAtText(now, alias);
    await client.query(`CREATE TEMP TABLE import_team_wanted AS ${wanted}`);
    const any = await client.query('SELECT 1 FROM import_team_wanted LIMIT 1');
    if (any.rowCount === 0) return;
    await client.query('ANALYZE import_team_wanted');
    await client.query(`
      CREATE TEMP TABLE import_team_ended AS
      SELECT t.id, t.account_id, ${snapshotSql('team_assignment', 't')} AS before
      FROM team_assignments t
      JOIN users t_user ON t_user.id = t.user_id
      JOIN import_team_wanted w ON w.account_id = t.account_id AND w.role = t.role
      WHERE ${active('t')} AND (w.user_id IS NULL OR t.user_id <> w.user_id)`);
    await client.query(`
      UPDATE team_assignments t SET ends_at = ${now}, version = t.version + 1, updated_at = ${now}
      FROM import_team_ended e WHERE t.id = e.id`);
    await insertHistory(client, context, {
      entity: 'team_assignment',
      alias: 't',
      source:
        'FROM team_assignments t JOIN users t_user ON t_user.id = t.user_id JOIN import_team_ended e ON e.id = t.id',
      accountId: 't.account_id',
      entityId: 't.id',
      before: 'e.before',
    });
    await client.query(`
      CREATE TEMP TABLE import_team_started AS
      SELECT gen_random_uuid() AS id, w.account_id, w.user_id, w.role
      FROM import_team_wanted w
      WHERE w.user_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM team_assignments t
        WHERE t.account_id = w.account_id AND t.role = w.role AND t.user_id = w.user_id AND ${active('t')})`);
    await client.query(`
      INSERT INTO team_assignments (id, version, created_at, updated_at, account_id, user_id, role, starts_at, ends_at)
      SELECT id, 1, ${now}, ${now}, account_id, user_id, role, ${now}, NULL FROM import_team_started`);
    await insertHistory(client, context, {
      entity: 'team_assignment',
      alias: 't',
      source:
        'FROM team_assignments t JOIN users t_user ON t_user.id = t.user_id JOIN import_team_started s ON s.id = t.id',
      accountId: 't.account_id',
      entityId: 't.id',
      before: 'NULL::jsonb',
    });
    await touch(
      client,
      'SELECT account_id FROM import_team_ended UNION SELECT account_id FROM import_team_started',
    );
  },
};
