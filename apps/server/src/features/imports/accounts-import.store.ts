import type pg from 'pg';
import type { ImportContext, ObjectImporter, WriteContext, WriteCounts } from './import-types.ts';
import {
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
import { snapshotSql } from './snapshots.store.ts';
import { column as fieldColumn, givenSql, literal, stagingStore } from './staging.store.ts';
import { teamImport } from './team-import.store.ts';

/** Account columns an import sets, with the staged field that sets them and the default of a new account. */
const COLUMNS: readonly (readonly [column: string, field: string, fallback: string])[] = [
  ['name', 'name', 'NULL'],
  ['industry', 'industry', 'NULL'],
  ['segment', 'segment', 'NULL'],
  ['region', 'region', 'NULL'],
  ['licensed_users', 'licensedUsers', '0'],
  ['active_users', 'activeUsers', '0'],
  ['lam', 'lam', 'NULL'],
  ['relationship_stage', 'relationshipStage', `'lead'`],
  ['renewal_date', 'renewalDate', 'NULL'],
  ['contract_start', 'contractStart', 'NULL'],
  ['sentiment', 'sentiment', 'NULL'],
  ['sentiment_reason', 'sentimentReason', 'NULL'],
  ['at_risk', 'atRisk', 'false'],
  ['onboarding_started_at', 'onboardingStartedAt', 'NULL'],
  ['onboarding_completed_at', 'onboardingCompletedAt', 'NULL'],
  ['first_value_at', 'firstValueAt', 'NULL'],
  ['last_priority_review_at', 'lastPriorityReviewAt', 'NULL'],
  ['support_tickets_tracked', 'supportTicketsTracked', 'false'],
];

const QUALIFY_UP = [
  ['keyLogo', 'keyLogo'],
  ['caseStudy', 'caseStudy'],
  ['channelInitiative', 'channelInitiative'],
  ['triageMoreAttention', 'triageMoreAttention'],
] as const;

/** Every column compared to tell whether an update changes anything. */
const COMPARED = [
  ...COLUMNS.map(([column]) => column),
  'plan',
  'arr',
  'stages_adopted',
  'parent_account_id',
  'external_ids',
  'sentiment_set_at',
  'qualify_up',
];

export const accountsImport: ObjectImporter = {
  async check(client: pg.PoolClient, context: ImportContext) {
    const { plan } = context;
    const given = (field: string) => givenSql(plan, field);
    await resolveRecordKeys(client, 'accounts');
    await createUserKeys(client);
    // The parent: a row of this file (by Id or Liaison id), else an existing account.
    await client.query(`
      CREATE TEMP TABLE import_file_keys AS
      SELECT DISTINCT ON (key) key, target_id, row_no FROM (
        SELECT f_salesforce_id AS key, target_id, row_no FROM import_resolved WHERE f_salesforce_id IS NOT NULL
        UNION ALL SELECT f_liaison_id::text, target_id, row_no FROM import_resolved WHERE f_liaison_id IS NOT NULL
      ) keys ORDER BY key, row_no`);
    await client.query('ANALYZE import_file_keys');
    const parentRef = 'r.f_parent_ref';
    await createChecked(client, {
      columns: [
        'coalesce(pf.target_id, pa_sf.id, pa_id.id) AS parent_id',
        'pf.row_no AS parent_row',
        'ou.id AS owner_user_id',
        'tu.id AS tam_user_id',
      ],
      joins: `
        LEFT JOIN import_file_keys pf ON pf.key = ${parentRef}
        LEFT JOIN accounts pa_sf ON pf.key IS NULL AND (pa_sf.external_ids ->> 'salesforce') = ${parentRef}
        LEFT JOIN accounts pa_id ON pf.key IS NULL AND pa_id.id = (CASE WHEN length(${parentRef}) = 36 THEN ${parentRef}::uuid END)
        LEFT JOIN import_user_keys ou ON ou.key = r.f_owner_ref
        LEFT JOIN import_user_keys tu ON tu.key = r.f_tam_ref`,
      problems: [
        ...keyProblemsSql(plan, 'account'),
        ...requiredOnCreateSql(plan, 'account', 'r.existing_id IS NULL'),
        problemSql(
          headerOf(plan, 'parentRef'),
          `${given('parentRef')} AND ${parentRef} IS NOT NULL AND coalesce(pf.target_id, pa_sf.id, pa_id.id) IS NULL`,
          `${literal('no account with the Id ')} || ${parentRef} || ${literal(' in this file or in Liaison')}`,
        ),
        problemSql(
          headerOf(plan, 'parentRef'),
          `${given('parentRef')} AND coalesce(pf.target_id, pa_sf.id, pa_id.id) = r.target_id`,
          literal('an account cannot be its own parent'),
        ),
        userRefProblemSql(plan, 'ownerRef', 'r.f_owner_ref', 'ou.id'),
        userRefProblemSql(plan, 'tamRef', 'r.f_tam_ref', 'tu.id'),
      ],
    });
    if (context.skipInvalid)
      await stagingStore.rejectDependents(client, 'parent_row', headerOf(plan, 'parentRef'));
    await rejectCycles(client, context);
  },

  async write(client: pg.PoolClient, context: WriteContext): Promise<WriteCounts> {
    const { plan } = context;
    const given = (field: string) => givenSql(plan, field);
    const now = literal(context.now);
    // Lock the accounts the import updates, in id order, before reading them.
    await client.query(
      `SELECT a.id FROM accounts a JOIN import_checked r ON r.existing_id = a.id WHERE ${ok()} ORDER BY a.id FOR UPDATE OF a`,
    );
    const value = (column: string, field: string, fallback: string) =>
      `CASE WHEN ${given(field)} THEN r.${fieldColumn(field)} WHEN a.id IS NOT NULL THEN a.${column} ELSE ${fallback} END`;
    const qualifyUp = QUALIFY_UP.map(
      ([key, field]) =>
        `'${key}', CASE WHEN ${given(field)} THEN r.${fieldColumn(field)} ELSE coalesce((a.qualify_up ->> '${key}')::boolean, false) END`,
    ).join(', ');
    await client.query(`
      CREATE TEMP TABLE import_final AS
      SELECT f.*, a.id IS NULL AS is_new,
        (a.id IS NULL OR (${COMPARED.map((column) => `a.${column}`).join(', ')})
          IS DISTINCT FROM (${COMPARED.map((column) => `f.${column}`).join(', ')})) AS changed
      FROM (
        SELECT r.target_id AS id, r.row_no,
          ${COLUMNS.map(([column, field, fallback]) => `${value(column, field, fallback)} AS ${column}`).join(',\n          ')},
          ${value('plan', 'plan', literal(context.defaultPlan))} AS plan,
          (${value('arr', 'arr', '0')})::numeric(14,2) AS arr,
          CASE WHEN ${given('stagesAdopted')} THEN coalesce(r.f_stages_adopted, '{}') WHEN a.id IS NOT NULL THEN a.stages_adopted ELSE '{}' END AS stages_adopted,
          CASE WHEN ${given('parentRef')} THEN r.parent_id ELSE a.parent_account_id END AS parent_account_id,
          coalesce(a.external_ids, '{}'::jsonb) || CASE WHEN r.f_salesforce_id IS NOT NULL THEN jsonb_build_object('salesforce', r.f_salesforce_id) ELSE '{}'::jsonb END AS external_ids,
          -- Setting a sentiment stamps its date unless the file gives one (as the API does).
          CASE WHEN ${given('sentimentSetAt')} THEN r.f_sentiment_set_at
               WHEN ${given('sentiment')} AND r.f_sentiment IS DISTINCT FROM a.sentiment
                 THEN CASE WHEN r.f_sentiment IS NULL THEN NULL ELSE ${now}::timestamptz END
               ELSE a.sentiment_set_at END AS sentiment_set_at,
          jsonb_build_object(${qualifyUp}) AS qualify_up,
          r.owner_user_id, r.tam_user_id,
          ${given('ownerRef')} AS owner_given, ${given('tamRef')} AS tam_given
        FROM import_checked r LEFT JOIN accounts a ON a.id = r.existing_id
        WHERE ${ok()}
      ) f LEFT JOIN accounts a ON a.id = f.id`);
    await client.query('CREATE UNIQUE INDEX ON import_final (id)');
    await client.query('ANALYZE import_final');
    await client.query(`
      CREATE TEMP TABLE import_before AS
      SELECT a.id, ${snapshotSql('account', 'a')} AS snapshot
      FROM accounts a JOIN import_final f ON f.id = a.id WHERE f.changed AND NOT f.is_new`);
    await client.query('CREATE UNIQUE INDEX ON import_before (id)');
    const written = [...COMPARED];
    const inserted = await client.query(`
      INSERT INTO accounts (id, version, created_at, updated_at, ${written.join(', ')})
      SELECT f.id, 1, ${now}, ${now}, ${written.map((column) => `f.${column}`).join(', ')}
      FROM import_final f WHERE f.is_new ORDER BY f.row_no`);
    await context.checkpoint('accounts inserted');
    const updated = await client.query(`
      UPDATE accounts a SET ${written.map((column) => `${column} = f.${column}`).join(', ')},
        version = a.version + 1, updated_at = ${now}
      FROM import_final f WHERE a.id = f.id AND f.changed AND NOT f.is_new`);
    await insertHistory(client, context, {
      entity: 'account',
      alias: 'a',
      source:
        'FROM accounts a JOIN import_final f ON f.id = a.id AND f.changed LEFT JOIN import_before b ON b.id = a.id',
      accountId: 'a.id',
      entityId: 'a.id',
      before: 'b.snapshot',
    });
    await context.checkpoint('account history written');
    // New accounts get no profile rows: a missing profile reads as the empty one the API would
    // have written (profiles.presenter.ts `emptyProfiles`); its first edit stores it.
    await touch(client, 'SELECT id FROM import_final WHERE changed');
    // OwnerId and TAM__c: who holds the owner role and the TAM role on the account team.
    const ownerRole = context.ownerRole
      ? literal(context.ownerRole)
      : `CASE WHEN f.segment IN ('enterprise', 'public_sector') THEN 'sal' ELSE 'ae' END`;
    await teamImport.apply(
      client,
      context,
      `SELECT DISTINCT ON (account_id, role) account_id, role, user_id FROM (
         SELECT f.id AS account_id, 'tam' AS role, f.tam_user_id AS user_id, 1 AS rank FROM import_final f WHERE f.tam_given
         UNION ALL
         SELECT f.id, ${ownerRole}, f.owner_user_id, 2 FROM import_final f WHERE f.owner_given
       ) wanted ORDER BY account_id, role, rank`,
    );
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

/**
 * A parent chain that comes back to where it started, in the hierarchy as the import would leave
 * it (rows of the file override existing parents): each account of the loop is rejected.
 */
async function rejectCycles(client: pg.PoolClient, context: ImportContext): Promise<void> {
  const { plan } = context;
  const given = givenSql(plan, 'parentRef', 'c');
  const any = await client.query(
    `SELECT 1 FROM import_checked c WHERE ${given} AND c.parent_id IS NOT NULL LIMIT 1`,
  );
  if (any.rowCount === 0) return;
  await client.query('CREATE INDEX ON import_checked (target_id)');
  await client.query(`
    CREATE TEMP TABLE import_cycles AS
    WITH RECURSIVE walk (row_no, start_id, node, depth) AS (
      SELECT c.row_no, c.target_id, c.parent_id, 1 FROM import_checked c WHERE ${given} AND c.parent_id IS NOT NULL
      UNION ALL
      SELECT w.row_no, w.start_id,
        CASE WHEN n.row_no IS NOT NULL AND ${givenSql(plan, 'parentRef', 'n')} THEN n.parent_id ELSE a.parent_account_id END,
        w.depth + 1
      FROM walk w
      LEFT JOIN import_checked n ON n.target_id = w.node
      LEFT JOIN accounts a ON a.id = w.node
      WHERE w.node IS NOT NULL AND w.node <> w.start_id AND w.depth < 1000
    )
    SELECT DISTINCT row_no FROM walk WHERE node = start_id`);
  await client.query(
    `UPDATE import_checked c SET problems = c.problems || (${literal(headerOf(plan, 'parentRef'))} || chr(31) || 'would make the account hierarchy circular')
     FROM import_cycles y WHERE y.row_no = c.row_no`,
  );
}
