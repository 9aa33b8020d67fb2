import type pg from 'pg';

// "Nothing changed": the row count of every table that holds records (a `version` column: new
// record tables are covered without a word here), the sum of their versions (an update bumps
// one), and the count of the history and of what requests create beside records. Derived data
// a background refresh may rewrite at any moment (account_assessments) is left out.

const alsoCounted = [
  'history',
  'imports',
  'import_errors',
  'api_tokens',
  'sessions',
  'calendar_feeds',
  'portal_sessions',
  'portal_tokens',
];
const derived = ['account_assessments'];

export type DatabaseState = Record<string, string>;

export async function databaseState(pool: pg.Pool): Promise<() => Promise<DatabaseState>> {
  const { rows } = await pool.query<{ table_name: string; versioned: boolean }>(
    `SELECT table_name, bool_or(column_name = 'version') AS versioned
       FROM information_schema.columns WHERE table_schema = 'public'
      GROUP BY table_name ORDER BY table_name`,
  );
  const measured = rows.filter(
    (row) => (row.versioned || alsoCounted.includes(row.table_name)) && !derived.includes(row.table_name),
  );
  const missing = alsoCounted.filter((name) => !rows.some((row) => row.table_name === name));
  if (missing.length > 0) throw new Error(`No table ${missing.join(', ')}: update database-state.ts`);
  const statement = `SELECT ${measured
    .map(
      ({ table_name: table, versioned }) =>
        `(SELECT count(*) || ' rows' || ${versioned ? `', versions ' || coalesce(sum(version), 0)` : "''"} FROM ${table}) AS ${table}`,
    )
    .join(', ')}`;
  // Prepared once per connection: the suite reads this before and after thousands of requests.
  return async () =>
    (await pool.query<DatabaseState>({ name: 'fuzz-database-state', text: statement })).rows[0]!;
}
