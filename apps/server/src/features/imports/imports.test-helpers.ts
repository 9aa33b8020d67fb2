import type { ImportJob } from '@liaison/contracts';
import { salesforceChecksum } from '@liaison/domain';
import { httpClient } from '../../../test/http-client.ts';
import { fixture, importCsv } from '../../../test/import-client.ts';
import type { TestApp } from '../../../test/test-app.ts';

// Shared by the imports*.api.test.ts files; each creates its own app (and database).

export const NOW = '2026-03-01T09:00:00.000Z';

/** The 18-character form of a 15-character Salesforce Id. */
export const sf = (id15: string) => `${id15}${salesforceChecksum(id15)}`;

const TABLES = [
  'accounts',
  'business_profiles',
  'technical_profiles',
  'contacts',
  'opportunities',
  'activities',
  'team_assignments',
  'users',
  'history',
  'account_assessments',
];

/** An admin client, the pool, and the lookups the import tests make on one app. */
export function importTestTools(app: TestApp) {
  const admin = httpClient(app.http, app.adminToken);
  const pool = app.database.pool;

  async function count(table: string): Promise<number> {
    return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  }

  async function accountBySalesforceId(id: string) {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM accounts WHERE external_ids ->> 'salesforce' = $1`,
      [id],
    );
    if (!rows[0]) throw new Error(`no account ${id}`);
    return (await admin.get(`/api/v1/accounts/${rows[0].id}`)).body;
  }

  /** The row count of every table an import writes to. */
  async function counts(): Promise<Record<string, number>> {
    return Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await count(table)])));
  }

  return { admin, pool, accountBySalesforceId, counts };
}

/** Imports the Salesforce fixture exports (test/fixtures) in order; the jobs by object. */
export async function importSalesforceExports(app: TestApp): Promise<Record<string, ImportJob>> {
  const jobs: Record<string, ImportJob> = {};
  for (const object of ['users', 'accounts', 'contacts', 'opportunities', 'activities']) {
    jobs[object] = await importCsv(app, object, fixture(`salesforce-${object}.csv`), {
      query: { fileName: `salesforce-${object}.csv` },
    });
  }
  return jobs;
}
