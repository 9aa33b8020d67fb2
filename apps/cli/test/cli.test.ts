import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, createApiClient } from '@liaison/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// The real CLI, as a child process, against the real app listening on a port (see harness.ts).

let app: TestApp;
let url: string;
let configHome: string;
let accountId: string;
let env: Record<string, string>;

beforeAll(async () => {
  app = await createTestApp();
  url = await listen(app);
  configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-cli-test-'));
  env = { LIAISON_URL: url, LIAISON_TOKEN: app.adminToken, XDG_CONFIG_HOME: configHome };

  const client = createApiClient({ baseUrl: url, token: app.adminToken });
  const account = await client.accounts.create({
    name: 'Acme Corp',
    segment: 'enterprise',
    region: 'emea',
    plan: 'ultimate',
    arr: 1_250_000,
    renewalDate: '2026-09-30',
    relationshipStage: 'customer',
  });
  accountId = account.id;
  await client.contacts.create(accountId, { name: 'Jane Doe', stakeholderRoles: ['champion'] });
  app.setNow('2026-03-05T09:00:00.000Z');
  await client.accounts.update(accountId, { arr: 1_500_000, version: account.version });
});

afterAll(() => {
  if (configHome) fs.rmSync(configHome, { recursive: true, force: true });
});

describe('liaison CLI', () => {
  it('lists, shows and tells the history of accounts', async () => {
    const [listJson, listTable, show, history, noTam, meAsTam] = await Promise.all([
      liaison(['accounts', 'list', '--json'], { env }),
      liaison(['accounts', 'list', '--segment', 'enterprise'], { env }),
      liaison(['accounts', 'show', accountId, '--as-of', '2026-03-02T00:00:00Z'], { env }),
      liaison(['accounts', 'history', accountId, '--json'], { env }),
      liaison(['accounts', 'list', '--tam', 'none', '--json'], { env }),
      liaison(['accounts', 'list', '--tam', 'me', '--json'], { env }),
    ]);
    // Nobody is Acme's TAM: it has none, and the admin is not its TAM.
    expect(JSON.parse(noTam.stdout).items.map((account: { id: string }) => account.id)).toEqual([accountId]);
    expect(JSON.parse(meAsTam.stdout).items).toEqual([]);
    expect(listJson).toMatchObject({ code: 0, stderr: '' });
    const page = JSON.parse(listJson.stdout);
    expect(page.items.map((account: { id: string }) => account.id)).toEqual([accountId]);
    expect(page.nextCursor).toBeNull();

    expect(listTable.code).toBe(0);
    expect(listTable.stdout).toMatch(
      /Acme Corp\s+enterprise\s+EMEA\s+ultimate\s+\$1,500,000\s+2026-09-30\s+customer\s+—/,
    );

    expect(show.code).toBe(0);
    expect(show.stdout).toContain('as of 2026-03-02 00:00 UTC');
    expect(show.stdout).toMatch(/ARR\s+\$1,250,000/);
    expect(show.stdout).toMatch(/Jane Doe\s+—\s+—\s+champion/);

    expect(history.code).toBe(0);
    const entries = JSON.parse(history.stdout).items;
    expect(entries[0]).toMatchObject({
      entityType: 'account',
      operation: 'update',
      changes: [{ field: 'arr', before: 1_250_000, after: 1_500_000 }],
    });
  });

  it('fails with a clear message and a non-zero exit code', async () => {
    const [missing, missingJson, badToken, unreachable] = await Promise.all([
      liaison(['accounts', 'show', '00000000-0000-4000-8000-000000000000'], { env }),
      liaison(['accounts', 'show', '00000000-0000-4000-8000-000000000000', '--json'], { env }),
      liaison(['accounts', 'list'], { env: { ...env, LIAISON_TOKEN: 'lia_not_a_real_token' } }),
      liaison(['accounts', 'list'], { env: { ...env, LIAISON_URL: 'http://127.0.0.1:1' } }),
    ]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^error: NOT_FOUND: Account 00000000-0000-4000-8000-000000000000 .*\n$/);
    expect(missingJson.code).toBe(1);
    expect(JSON.parse(missingJson.stdout).error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toMatch(/^error: UNAUTHENTICATED: .*LIAISON_TOKEN was rejected\)\n$/);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toBe(
      'error: cannot reach Liaison at http://127.0.0.1:1: is the server running? (liaison serve)\n',
    );
  });

  it('logs in with a password, saves a token, and logs out', async () => {
    const admin = createApiClient({ baseUrl: url, token: app.adminToken });
    await admin.users.create({
      name: 'Tam Smith',
      email: 'tam@example.com',
      roles: ['tam'],
      password: 'correct horse battery',
    });
    const home = { XDG_CONFIG_HOME: configHome };
    const login = await liaison(['login', '--url', url, '--email', 'tam@example.com'], {
      env: home,
      input: 'correct horse battery\n',
    });
    expect(login.stderr).toContain('Password: ');
    expect(login).toMatchObject({ code: 0 });
    expect(login.stdout).toContain(`Logged in to ${url} as Tam Smith <tam@example.com> (tam).`);
    const file = path.join(configHome, 'liaison', 'credentials.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(saved).toMatchObject({ url, email: 'tam@example.com' });

    const whoami = await liaison(['whoami', '--json'], { env: home });
    expect(whoami.code).toBe(0);
    expect(JSON.parse(whoami.stdout)).toMatchObject({
      url,
      user: { email: 'tam@example.com' },
      authenticatedBy: 'api_token',
      tokenSource: 'credentials',
    });

    const logout = await liaison(['logout'], { env: home });
    expect(logout.code).toBe(0);
    expect(fs.existsSync(file)).toBe(false);
    const revoked = await createApiClient({ baseUrl: url, token: saved.token })
      .auth.me()
      .catch((error: unknown) => error);
    expect(revoked).toBeInstanceOf(ApiError);
    expect(revoked).toMatchObject({ status: 401 });
  });
});
