import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factories } from '../../server/test/factories.ts';
import { fixture } from '../../server/test/import-client.ts';
import { createTestApp, type TestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// `liaison import` and `liaison export` as child processes against the real app on a port.

let app: TestApp;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  app = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });
  const url = await listen(app);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-import-cli-'));
  env = { LIAISON_URL: url, LIAISON_TOKEN: app.adminToken, XDG_CONFIG_HOME: dir };
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

describe('liaison import / export', () => {
  it('imports Salesforce exports and prints a summary', async () => {
    const users = await liaison(['import', 'users', file('users.csv', fixture('salesforce-users.csv'))], {
      env,
    });
    expect(users).toMatchObject({ code: 0, stderr: '' });
    expect(users.stdout).toContain(
      'Imported users.csv (users): 3 rows read; 3 created, 0 updated, 0 unchanged',
    );
    const accounts = await liaison(
      ['import', 'accounts', file('accounts.csv', fixture('salesforce-accounts.csv')), '--json'],
      { env },
    );
    expect(accounts.code).toBe(0);
    expect(JSON.parse(accounts.stdout)).toMatchObject({
      status: 'completed',
      rows: { read: 5, created: 5 },
      accountsAssessed: 5,
    });
  });

  it('streams a big file up, rejects it for one bad row, writes the error file and exits 1', async () => {
    const lines = ['Name,ARR__c,Segment__c,Region__c'];
    for (let index = 0; index < 20_000; index++) {
      lines.push(`CLI Account ${index},${index === 15_000 ? 'lots' : index},smb,emea`);
    }
    const source = file('big.csv', `${lines.join('\r\n')}\r\n`);
    const report = path.join(dir, 'errors.csv');
    const result = await liaison(['import', 'accounts', source, '--report', report], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Rejected big.csv (accounts): 1 row of 20,000 with errors. Nothing was written.',
    );
    expect(result.stdout).toContain('row 15002, ARR__c: "lots" is not a number');
    expect(result.stderr).toBe('error: 1 row with errors; nothing was written\n');
    expect(fs.readFileSync(report, 'utf8')).toBe(
      'Name,ARR__c,Segment__c,Region__c,ERROR\r\nCLI Account 15000,lots,smb,emea,"Row 15002: ARR__c: ""lots"" is not a number"\r\n',
    );
    const { rows } = await app.database.pool.query(
      `SELECT count(*)::int AS n FROM accounts WHERE name LIKE 'CLI Account %'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('skips invalid rows on request, dry-runs, and reads a mapping file', async () => {
    const source = file('mixed.csv', 'Account,Tier,Geo\nGood One,Gold,Europe\nBad One,Platinum,Europe\n');
    const mapping = file(
      'mapping.json',
      JSON.stringify({
        columns: { Account: 'Name', Tier: 'Segment__c', Geo: 'Region__c' },
        values: { Tier: { Gold: 'enterprise' }, Geo: { Europe: 'emea' } },
      }),
    );
    const dry = await liaison(['import', 'accounts', source, '--mapping', mapping, '--dry-run'], { env });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('row 3, Tier: "Platinum" is not one of');
    const skipped = await liaison(['import', 'accounts', source, '--mapping', mapping, '--skip-invalid'], {
      env,
    });
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toContain('1 created');
    expect(skipped.stderr).toContain('warning: 1 row skipped (--skip-invalid)');
    const badMapping = await liaison(
      ['import', 'accounts', source, '--mapping', file('bad.json', '{"columns":1}')],
      {
        env,
      },
    );
    expect(badMapping.code).toBe(2);
  });

  it('exports to a file or standard output, the same bytes as the API', async () => {
    const out = path.join(dir, 'accounts-export.csv');
    const [toFile, toStdout] = await Promise.all([
      liaison(['export', 'accounts', '--out', out], { env }),
      liaison(['export', 'accounts'], { env }),
    ]);
    expect(toFile.code).toBe(0);
    const accounts = await app.http.inject({
      method: 'GET',
      url: '/api/v1/accounts?limit=100',
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    // Exactly the accounts (line breaks inside cells: export-count.test.ts).
    expect(toFile.stderr).toMatch(
      new RegExp(`^Exported accounts to .*accounts-export\\.csv: ${accounts.json().items.length} rows`),
    );
    const api = await app.http.inject({
      method: 'GET',
      url: '/api/v1/exports/accounts.csv',
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(fs.readFileSync(out, 'utf8')).toBe(api.body);
    expect(toStdout).toMatchObject({ code: 0, stdout: api.body });
    const unknown = await liaison(['export', 'tickets'], { env });
    expect(unknown.code).toBe(2);
  });

  it('exports with --protect-formulas: the same bytes as the API, a quote before the formula', async () => {
    await factories(app).buildAccount({ name: '=1+2 Formula Inc', segment: 'smb', region: 'emea' });
    const [plain, guarded] = await Promise.all([
      liaison(['export', 'accounts'], { env }),
      liaison(['export', 'accounts', '--protect-formulas'], { env }),
    ]);
    const api = await app.http.inject({
      method: 'GET',
      url: '/api/v1/exports/accounts.csv?protectFormulas=true',
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(guarded).toMatchObject({ code: 0, stdout: api.body });
    expect(guarded.stdout).toContain(",'=1+2 Formula Inc,");
    expect(plain.stdout).toContain(',=1+2 Formula Inc,');
    expect(plain.stdout).not.toContain("'=1+2");
  });
});
