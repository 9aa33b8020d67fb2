import type { ImportPlan } from '@liaison/domain';
import type pg from 'pg';
import type { ImportContext, ObjectImporter, WriteContext, WriteCounts } from './import-types.ts';
import {
  accountRefJoins,
  createChecked,
  createUserKeys,
  headerOf,
  insertHistory,
  keyProblemsSql,
  ok,
  problemSql,
  requiredOnCreateSql,
  resolveRecordKeys,
  touch,
  userRefProblemSql,
} from './record-keys.store.ts';
import type { SnapshotEntity } from './snapshots.store.ts';
import { snapshotSql } from './snapshots.store.ts';
import { givenSql, literal, column as stagedColumn } from './staging.store.ts';

/** A column the import sets: from a staged field, with the value a new record gets without it. */
type Column = readonly [column: string, field: string, fallback: string, cast?: string];

interface RecordsOptions {
  table: string;
  entity: SnapshotEntity;
  label: string;
  columns: readonly Column[];
  /** A user reference (`OwnerId`) that sets a user column. */
  user?: { field: string; column: string };
  /** Columns only a new record gets (SQL values). */
  onInsert?: readonly (readonly [column: string, value: string])[];
  /** Whether the change can move the account's assessment. */
  assessed: boolean;
  /** After the upsert, inside the transaction (closing won promotes the account). */
  afterWrite?: (client: pg.PoolClient, context: WriteContext) => Promise<void>;
}

/**
 * Contacts, opportunities and activities: records that belong to an account (`AccountId`, a
 * Salesforce Id or a Liaison id of an existing account). An existing record stays with its
 * account: the import does not move records between accounts.
 */
function accountRecordsImporter(options: RecordsOptions): ObjectImporter {
  const { table, entity, label } = options;
  const compared = [
    'account_id',
    ...options.columns.map(([column]) => column),
    ...(options.user ? [options.user.column] : []),
    'external_ids',
  ];
  return {
    async check(client: pg.PoolClient, context: ImportContext) {
      const { plan } = context;
      const given = (field: string) => givenSql(plan, field);
      await resolveRecordKeys(client, table, ['account_id']);
      if (options.user) await createUserKeys(client);
      const ref = 'r.f_account_ref';
      const resolved = 'coalesce(ra_sf.id, ra_id.id)';
      const accountHeader = headerOf(plan, 'accountRef');
      const user = options.user;
      await createChecked(client, {
        columns: [
          `CASE WHEN ${given('accountRef')} THEN ${resolved} ELSE r.existing_account_id END AS account_id`,
          ...(user ? [`u.id AS user_id`] : []),
        ],
        joins: `${accountRefJoins(ref, 'ra')}${
          user ? ` LEFT JOIN import_user_keys u ON u.key = r.${stagedColumn(user.field)}` : ''
        }`,
        problems: [
          ...keyProblemsSql(plan, label),
          ...requiredOnCreateSql(plan, label, 'r.existing_id IS NULL'),
          problemSql(
            accountHeader,
            `${given('accountRef')} AND ${ref} IS NOT NULL AND ${resolved} IS NULL`,
            `${literal('no account with the Id ')} || ${ref}`,
          ),
          problemSql(
            accountHeader,
            `${given('accountRef')} AND r.existing_account_id IS NOT NULL AND ${resolved} <> r.existing_account_id`,
            literal(
              `the ${label} belongs to another account; an import does not move records between accounts`,
            ),
          ),
          ...(user ? [userRefProblemSql(plan, user.field, `r.${stagedColumn(user.field)}`, 'u.id')] : []),
        ],
      });
    },

    async write(client: pg.PoolClient, context: WriteContext): Promise<WriteCounts> {
      const { plan } = context;
      const now = literal(context.now);
      await client.query(
        `SELECT e.id FROM ${table} e JOIN import_checked r ON r.existing_id = e.id WHERE ${ok()} ORDER BY e.id FOR UPDATE OF e`,
      );
      const selected = options.columns.map(([column, field, fallback, cast]) => {
        const value = columnValue(plan, column, field, fallback);
        return `${cast ? `(${value})::${cast}` : value} AS ${column}`;
      });
      if (options.user) {
        selected.push(
          `CASE WHEN ${givenSql(plan, options.user.field)} THEN r.user_id WHEN e.id IS NOT NULL THEN e.${options.user.column} END AS ${options.user.column}`,
        );
      }
      await client.query(`
        CREATE TEMP TABLE import_final AS
        SELECT f.*, e.id IS NULL AS is_new,
          (e.id IS NULL OR (${compared.map((column) => `e.${column}`).join(', ')})
            IS DISTINCT FROM (${compared.map((column) => `f.${column}`).join(', ')})) AS changed
        FROM (
          SELECT r.target_id AS id, r.row_no, r.account_id,
            ${selected.join(',\n            ')},
            coalesce(e.external_ids, '{}'::jsonb) || CASE WHEN r.f_salesforce_id IS NOT NULL THEN jsonb_build_object('salesforce', r.f_salesforce_id) ELSE '{}'::jsonb END AS external_ids
          FROM import_checked r LEFT JOIN ${table} e ON e.id = r.existing_id
          WHERE ${ok()}
        ) f LEFT JOIN ${table} e ON e.id = f.id`);
      await client.query('CREATE UNIQUE INDEX ON import_final (id)');
      await client.query('ANALYZE import_final');
      await client.query(`
        CREATE TEMP TABLE import_before AS
        SELECT e.id, ${snapshotSql(entity, 'e')} AS snapshot
        FROM ${table} e JOIN import_final f ON f.id = e.id WHERE f.changed AND NOT f.is_new`);
      await client.query('CREATE UNIQUE INDEX ON import_before (id)');
      const insertOnly = options.onInsert ?? [];
      const inserted = await client.query(`
        INSERT INTO ${table} (id, version, created_at, updated_at, ${[...compared, ...insertOnly.map(([column]) => column)].join(', ')})
        SELECT f.id, 1, ${now}, ${now}, ${[...compared.map((column) => `f.${column}`), ...insertOnly.map(([, sql]) => sql)].join(', ')}
        FROM import_final f WHERE f.is_new ORDER BY f.row_no`);
      await context.checkpoint(`${table} inserted`);
      const updated = await client.query(`
        UPDATE ${table} e SET ${compared.map((column) => `${column} = f.${column}`).join(', ')},
          version = e.version + 1, updated_at = ${now}
        FROM import_final f WHERE e.id = f.id AND f.changed AND NOT f.is_new`);
      await insertHistory(client, context, {
        entity,
        alias: 'e',
        source: `FROM ${table} e JOIN import_final f ON f.id = e.id AND f.changed LEFT JOIN import_before b ON b.id = e.id`,
        accountId: 'e.account_id',
        entityId: 'e.id',
        before: 'b.snapshot',
      });
      await context.checkpoint(`${entity} history written`);
      if (options.assessed) await touch(client, 'SELECT DISTINCT account_id FROM import_final WHERE changed');
      await options.afterWrite?.(client, context);
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
}

function columnValue(plan: ImportPlan, column: string, field: string, fallback: string): string {
  const staged = plan.staged.find((spec) => spec.field === field)!;
  const value =
    staged.kind === 'list' ? `coalesce(r.${stagedColumn(field)}, '{}')` : `r.${stagedColumn(field)}`;
  return `CASE WHEN ${givenSql(plan, field)} THEN ${value} WHEN e.id IS NOT NULL THEN e.${column} ELSE ${fallback} END`;
}

export const contactsImport = accountRecordsImporter({
  table: 'contacts',
  entity: 'contact',
  label: 'contact',
  columns: [
    ['name', 'name', 'NULL'],
    ['email', 'email', 'NULL'],
    ['title', 'title', 'NULL'],
    ['phone', 'phone', 'NULL'],
    ['stakeholder_roles', 'stakeholderRoles', `'{}'`],
  ],
  assessed: false,
});

export const opportunitiesImport = accountRecordsImporter({
  table: 'opportunities',
  entity: 'opportunity',
  label: 'opportunity',
  columns: [
    ['name', 'name', 'NULL'],
    ['type', 'type', `'new_business'`],
    ['stage', 'stage', `'discovery'`],
    ['amount', 'amount', '0', 'numeric(14,2)'],
    ['close_date', 'closeDate', 'NULL'],
  ],
  assessed: true,
  afterWrite: promoteOnClosedWon,
});

export const activitiesImport = accountRecordsImporter({
  table: 'activities',
  entity: 'activity',
  label: 'activity',
  columns: [
    ['kind', 'kind', `'note'`],
    ['summary', 'summary', 'NULL'],
    ['occurred_at', 'occurredAt', 'NULL'],
    ['notes', 'notes', 'NULL'],
    ['purposes', 'purposes', `'{}'`],
  ],
  user: { field: 'ownerRef', column: 'created_by_user_id' },
  onInsert: [
    ['attendees', `'{"userIds": [], "contactIds": []}'::jsonb`],
    ['action_items', `'[]'::jsonb`],
  ],
  assessed: true,
});

/**
 * As the opportunities service does: an opportunity created closed-won, or moved to closed-won,
 * turns a lead or opportunity account into a customer (docs/glossary.md, Relationship stage).
 */
async function promoteOnClosedWon(client: pg.PoolClient, context: WriteContext): Promise<void> {
  const now = literal(context.now);
  await client.query(`
    CREATE TEMP TABLE import_promoted AS
    SELECT a.id, ${snapshotSql('account', 'a')} AS snapshot
    FROM accounts a
    WHERE a.relationship_stage IN ('lead', 'opportunity') AND a.id IN (
      SELECT f.account_id FROM import_final f LEFT JOIN import_before b ON b.id = f.id
      WHERE f.changed AND f.stage = 'closed_won' AND (f.is_new OR b.snapshot ->> 'stage' <> 'closed_won'))
    ORDER BY a.id FOR UPDATE`);
  await client.query(`
    UPDATE accounts a SET relationship_stage = 'customer', version = a.version + 1, updated_at = ${now}
    FROM import_promoted p WHERE a.id = p.id`);
  await insertHistory(client, context, {
    entity: 'account',
    alias: 'a',
    source: 'FROM accounts a JOIN import_promoted p ON p.id = a.id',
    accountId: 'a.id',
    entityId: 'a.id',
    before: 'p.snapshot',
  });
  await touch(client, 'SELECT id FROM import_promoted');
}
