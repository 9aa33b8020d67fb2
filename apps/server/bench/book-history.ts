import { emptyBusinessProfile, emptyTechnicalProfile } from '@liaison/contracts';
import type pg from 'pg';
import { diffSnapshots } from '../src/kernel/history.store.ts';
import { COLOURS, h, ID, iso, textArray, uid } from './book-sql.ts';

/**
 * The history of the book, shaped as the recorder writes it: the creation of each account and
 * its two empty profiles (by the Salesforce import), then each sentiment change of the last
 * year (by the TAM, or the owner on unmanaged accounts) with the account's snapshot after it.
 */

// Snapshots are built as JSON text and parsed once, much cheaper than jsonb_build_object per
// field. Each field is an SQL expression of its JSON text, NULL when the value is null; the
// values are the generator's own (no quotes or backslashes in them), so strings need no escaping.
const str = (column: string) => `'"' || ${column} || '"'`;
const raw = (column: string) => `(${column})::text`;
const instant = (column: string) => str(iso(column));

/** The account snapshot (presentAccountSummary) of the `accounts` row aliased `a`. */
const accountFields: [string, string][] = [
  ['id', str('a.id')],
  ['version', raw('a.version')],
  ['createdAt', instant('a.created_at')],
  ['updatedAt', instant('a.updated_at')],
  ['name', str('a.name')],
  ['industry', str('a.industry')],
  ['segment', str('a.segment')],
  ['region', str('a.region')],
  ['plan', str('a.plan')],
  ['arr', raw('a.arr::float8')],
  ['licensedUsers', raw('a.licensed_users')],
  ['activeUsers', raw('a.active_users')],
  ['lam', raw('a.lam')],
  ['stagesAdopted', 'array_to_json(a.stages_adopted)::text'],
  ['relationshipStage', str('a.relationship_stage')],
  ['parentAccountId', str('a.parent_account_id')],
  ['renewalDate', str('a.renewal_date')],
  ['contractStart', str('a.contract_start')],
  ['externalIds', raw('a.external_ids')],
  ['sentiment', str('a.sentiment')],
  ['sentimentSetAt', instant('a.sentiment_set_at')],
  ['sentimentReason', str('a.sentiment_reason')],
  ['atRisk', raw('a.at_risk')],
  ['onboardingStartedAt', instant('a.onboarding_started_at')],
  ['onboardingCompletedAt', instant('a.onboarding_completed_at')],
  ['firstValueAt', instant('a.first_value_at')],
  ['qualifyUp', raw('a.qualify_up')],
  ['lastPriorityReviewAt', instant('a.last_priority_review_at')],
  ['supportTicketsTracked', raw('a.support_tickets_tracked')],
];
const ignored = new Set(['id', 'version', 'createdAt', 'updatedAt', 'accountId', 'asOf']);
/** Before its first sentiment was set, an account had none. */
const initialOverrides: Record<string, string> = {
  version: `'1'`,
  updatedAt: instant('a.created_at'),
  sentiment: 'NULL',
  sentimentSetAt: 'NULL',
  sentimentReason: 'NULL',
  atRisk: `'false'`,
};
const initialValue = (key: string, sql: string) => initialOverrides[key] ?? sql;

const snapshot = (value: (key: string, sql: string) => string) =>
  `('{' || ${accountFields
    .map(([key, sql], index) => `'${index > 0 ? ',' : ''}"${key}":' || coalesce(${value(key, sql)}, 'null')`)
    .join(' || ')} || '}')::jsonb`;
const initialSnapshot = snapshot(initialValue);
const currentSnapshot = snapshot((_key, sql) => sql);
// diffSnapshots(null, snapshot): every non-null field, bookkeeping left out.
const createChanges = `('[' || concat_ws(',', ${accountFields
  .filter(([key]) => !ignored.has(key))
  .map(([key, sql]) => `'{"field":"${key}","before":null,"after":' || ${initialValue(key, sql)} || '}'`)
  .join(', ')}) || ']')::jsonb`;

/**
 * Creations. Where the schema lets `history.changes` be null (a create written in bulk, whose
 * changes the read model derives from the snapshot), they are left null as an import leaves them;
 * otherwise they are written out as the recorder does.
 */
export async function insertAccountHistory(client: pg.ClientBase): Promise<void> {
  const nullable = await client.query<{ nullable: string }>(
    `SELECT is_nullable AS nullable FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = 'history' AND column_name = 'changes'`,
  );
  const bulk = nullable.rows[0]?.nullable === 'YES';
  await client.query(`
    INSERT INTO history (account_id, entity_type, entity_id, operation, actor_type, actor_id, actor_name, occurred_at, changes, snapshot)
    SELECT a.id, 'account', a.id, 'create', 'import', NULL, 'Salesforce import', a.created_at,
      ${bulk ? 'NULL' : createChanges}, ${initialSnapshot}
    FROM accounts a`);
  for (const [entity, empty] of [
    ['business_profile', emptyBusinessProfile],
    ['technical_profile', emptyTechnicalProfile],
  ] as const) {
    const snapshot = { version: 1, updatedAt: '', ...empty };
    const changes = diffSnapshots(null, snapshot);
    await client.query(
      `INSERT INTO history (account_id, entity_type, entity_id, operation, actor_type, actor_id, actor_name, occurred_at, changes, snapshot)
       SELECT b.id, $1, b.id, 'create', 'import', NULL, 'Salesforce import', b.created_at, $2::jsonb,
         $3::jsonb || jsonb_build_object('updatedAt', ${iso('b.created_at')})
       FROM bench_acct b`,
      [entity, bulk ? null : JSON.stringify(changes), JSON.stringify(snapshot)],
    );
  }
}

/**
 * Sentiment changes j = 1..sc; the last is the account's current sentiment. Colours walk the
 * palette backwards from the final one, so two consecutive values always differ.
 */
export async function insertSentimentHistory(client: pg.ClientBase): Promise<void> {
  const palette = textArray(COLOURS);
  const finalIndex = `array_position(${palette}, b.sentiment) - 1`;
  const colour = (step: string) => `(${palette})[1 + ((${finalIndex}) + (b.sc - (${step}))) % 3]`;
  const at = (step: string) =>
    `greatest(b.created_at + (${step}) * interval '1 minute', b.sentiment_set_at - (b.sc - (${step})) * (15 + ${h('b.i', 80, 30)}) * interval '1 day')`;
  // The TAM sets it, else the owner; on an account with neither it came with the import.
  const actorType = `CASE WHEN b.tam_t IS NULL AND b.owner_r IS NULL THEN 'import' ELSE 'user' END`;
  const actorId = `CASE WHEN b.tam_t IS NOT NULL THEN ${uid(ID.tam, 'b.tam_t')} ELSE ${uid(ID.rep, 'b.owner_r')} END`;
  const actorName = `coalesce('TAM ' || b.tam_t, 'Account Owner ' || b.owner_r, 'Salesforce import')`;
  await client.query(`
    INSERT INTO history (account_id, entity_type, entity_id, operation, actor_type, actor_id, actor_name, occurred_at, changes, snapshot)
    SELECT s.id, 'account', s.id, 'update', s.actor_type, s.actor_id, s.actor_name, s.at,
      jsonb_build_array(
        jsonb_build_object('field', 'sentiment', 'before', s.before, 'after', s.colour),
        jsonb_build_object('field', 'sentimentSetAt', 'before', s.before_at, 'after', ${iso('s.at')})),
      s.final || jsonb_build_object('version', 1 + s.j, 'updatedAt', ${iso('s.at')}, 'sentiment', s.colour,
        'sentimentSetAt', ${iso('s.at')})
    FROM (
      SELECT b.id, j, ${actorType} AS actor_type, ${actorId}::text AS actor_id, ${actorName} AS actor_name, ${at('j')} AS at, ${colour('j')} AS colour,
        CASE WHEN j > 1 THEN ${colour('j - 1')} END AS before,
        CASE WHEN j > 1 THEN ${iso(at('j - 1'))} END AS before_at,
        b.final
      FROM (SELECT b.*, ${currentSnapshot} AS final
            FROM bench_acct b JOIN accounts a ON a.id = b.id WHERE b.sc > 0 OFFSET 0) b
      CROSS JOIN LATERAL generate_series(1, b.sc) j OFFSET 0
    ) s`);
}
