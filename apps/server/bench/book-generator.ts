import type pg from 'pg';
import {
  createAccountAttributes,
  insertAccounts,
  insertProfiles,
  insertTeam,
  insertUsers,
} from './book-accounts.ts';
import { insertAccountHistory, insertSentimentHistory } from './book-history.ts';
import {
  insertActivities,
  insertContacts,
  insertOpportunities,
  insertPriorityInputs,
  insertSuccessPlans,
  insertSupportTickets,
} from './book-records.ts';
import type { BookParams } from './book-sql.ts';

/**
 * Generates a deterministic book of `accounts` accounts straight in SQL (INSERT … SELECT over
 * generate_series, values derived by hashing, no random()) into a migrated, empty Liaison
 * database. Secondary indexes are dropped during the load and rebuilt after it, foreign-key
 * triggers are off for the loading sessions where permitted (session_replication_role), two
 * connections load independent tables side by side, and everything is ANALYZEd at the end.
 */

const FILLED = [
  'users',
  'accounts',
  'business_profiles',
  'technical_profiles',
  'team_assignments',
  'contacts',
  'opportunities',
  'activities',
  'history',
  'success_plans',
  'success_plan_objectives',
  'support_tickets',
  'priority_initiatives',
  'emea_parameters',
  'priority_proposals',
  'priority_exceptions',
];

export interface BookSummary {
  accounts: number;
  tams: number;
  managedAccounts: number;
  seconds: number;
  /** Seconds per step, in the order run (steps of the two lanes overlap). */
  steps: [string, number][];
  /** Rows per table (pg_class.reltuples after ANALYZE: estimates for the large ones). */
  rows: Record<string, number>;
}

async function session(pool: pg.Pool): Promise<{ client: pg.PoolClient; triggersOff: boolean }> {
  const client = await pool.connect();
  await client.query(
    "SET synchronous_commit = off; SET jit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'",
  );
  let triggersOff = true;
  try {
    await client.query('SET session_replication_role = replica');
  } catch {
    triggersOff = false; // not a superuser: the foreign keys are checked row by row, which is slower
  }
  return { client, triggersOff };
}

export async function generateBook(
  pool: pg.Pool,
  params: BookParams,
  log: (line: string) => void = () => {},
): Promise<BookSummary> {
  const started = performance.now();
  const steps: [string, number][] = [];
  const lanes = [await session(pool), await session(pool)];
  const [a, b] = lanes.map((lane) => lane.client) as [pg.PoolClient, pg.PoolClient];
  const step = async (name: string, task: () => Promise<unknown>) => {
    const begin = performance.now();
    await task();
    const seconds = (performance.now() - begin) / 1000;
    steps.push([name, seconds]);
    log(`  ${name}: ${seconds.toFixed(1)} s`);
  };
  try {
    if (!lanes[0]!.triggersOff) log('  (not a superuser: foreign-key checks stay on during the load)');
    // Secondary indexes (not primary keys or unique constraints) are rebuilt after the load.
    const indexes = await a.query<{ name: string; table: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS name, c.relname AS table, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
       WHERE c.relname = ANY($1) AND ns.nspname = current_schema()
         AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [FILLED],
    );
    await step('drop secondary indexes', () =>
      a.query(indexes.rows.map((index) => `DROP INDEX ${index.name};`).join('\n') || 'SELECT 1'),
    );
    await a.query('DROP TABLE IF EXISTS bench_acct, bench_tam');
    let tams = 0;
    await step('account attributes', async () => {
      tams = await createAccountAttributes(a, params);
    });
    await step('users', () => insertUsers(a, params, tams));
    // Two lanes: accounts and the heaviest tables on one; profiles, teams, the small tables and,
    // once the accounts are in, their history on the other.
    let accountsDone: Promise<unknown> = Promise.resolve();
    await Promise.all([
      (async () => {
        accountsDone = step('accounts', () => insertAccounts(a, params));
        await accountsDone;
        await step('activities', () => insertActivities(a, params));
        await step('contacts', () => insertContacts(a));
        await step('opportunities', () => insertOpportunities(a, params));
      })(),
      (async () => {
        await step('profiles', () => insertProfiles(b));
        await step('team assignments', () => insertTeam(b, params, tams));
        await step('success plans', () => insertSuccessPlans(b, params));
        await step('support tickets', () => insertSupportTickets(b, params));
        await step('priority inputs', () => insertPriorityInputs(b, params));
        await accountsDone;
        await step('history: creations', () => insertAccountHistory(b));
        await step('history: sentiment changes', () => insertSentimentHistory(b));
      })(),
    ]);
    const managed = (await a.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_acct WHERE managed'))
      .rows[0]!.n;
    await a.query('DROP TABLE bench_acct, bench_tam');
    // Rebuild the indexes, largest tables first, spread over both lanes.
    const sizes = await a.query<{ relname: string; bytes: string }>(
      'SELECT relname, pg_relation_size(oid) AS bytes FROM pg_class WHERE relname = ANY($1)',
      [FILLED],
    );
    const size = new Map(sizes.rows.map((row) => [row.relname, Number(row.bytes)]));
    const queue = [...indexes.rows].sort((x, y) => (size.get(y.table) ?? 0) - (size.get(x.table) ?? 0));
    await step('rebuild indexes', () =>
      Promise.all(
        [a, b].map(async (client) => {
          for (let next = queue.shift(); next; next = queue.shift()) await client.query(next.definition);
        }),
      ),
    );
    // VACUUM sets the hint bits and the visibility map now, so no figure pays for them later.
    const tables = [...FILLED].sort((x, y) => (size.get(y) ?? 0) - (size.get(x) ?? 0));
    await step('vacuum and analyze', () =>
      Promise.all(
        [a, b].map(async (client) => {
          for (let next = tables.shift(); next; next = tables.shift())
            await client.query(`VACUUM (ANALYZE) ${next}`);
        }),
      ),
    );
    const counts = await a.query<{ relname: string; n: string }>(
      'SELECT relname, greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE relname = ANY($1) ORDER BY relname',
      [FILLED],
    );
    return {
      accounts: params.accounts,
      tams,
      managedAccounts: managed,
      seconds: (performance.now() - started) / 1000,
      steps,
      rows: Object.fromEntries(counts.rows.map((row) => [row.relname, Number(row.n)])),
    };
  } finally {
    for (const { client } of lanes) {
      // These connections go back to the pool the server then uses: no setting may stay behind.
      await client.query('RESET ALL').catch(() => {});
      client.release();
    }
  }
}
