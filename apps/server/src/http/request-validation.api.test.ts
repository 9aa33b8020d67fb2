import { describe, expect, it } from 'vitest';
import { factories } from '../../test/factories.ts';
import { startImport } from '../../test/import-client.ts';
import { createTestApp } from '../../test/test-app.ts';

// What every request is held to before a route reads it (docs/security.md, "Input handling"):
// each refusal is a coded 400/415 naming the field, and writes nothing.

const app = await createTestApp();
const f = factories(app);
const { admin, anonymous } = f;
const json = { 'content-type': 'application/json' };

const count = async (table: string) =>
  (await app.database.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

const refusedAt = (response: { status: number; body: any }, status: number, path: string) => {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe('VALIDATION_FAILED');
  expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toContain(path);
};

describe('text', () => {
  it('with a NUL character is refused wherever it is, naming the field', async () => {
    const account = await f.buildAccount();
    const [users, accounts, imports] = [
      await count('users'),
      await count('accounts'),
      await count('imports'),
    ];
    refusedAt(
      await anonymous.post('/api/v1/auth/login', { email: 'a\u0000@x.com', password: 'p' }),
      400,
      'body.email',
    );
    refusedAt(
      await admin.post('/api/v1/users', { name: 'A\u0000', email: 'a@example.com', roles: ['tam'] }),
      400,
      'body.name',
    );
    refusedAt(
      await admin.patch(`/api/v1/accounts/${account.id}`, { industry: 'x\u0000', version: account.version }),
      400,
      'body.industry',
    );
    refusedAt(
      await admin.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Call',
        actionItems: [{ text: 'follow\u0000up' }],
      }),
      400,
      'body.actionItems.0.text',
    );
    refusedAt(await admin.get('/api/v1/accounts?q=a%00b'), 400, 'query.q');
    const upload = await startImport(app, 'accounts', 'Name\nAcme\n', { query: { fileName: 'a\u0000.csv' } });
    refusedAt(upload, 400, 'query.fileName');
    expect([await count('users'), await count('accounts'), await count('imports')]).toEqual([
      users,
      accounts,
      imports,
    ]);
  });

  it('with a lone UTF-16 surrogate, or bytes that are not UTF-8, is refused rather than altered', async () => {
    const before = await count('accounts');
    const lone = '{"name":"Acme \\ud800","segment":"smb","region":"emea"}';
    refusedAt(await admin.send('POST', '/api/v1/accounts', lone, json), 400, 'body.name');
    const key = '{"name":"Acme","segment":"smb","region":"emea","x\\u0000":1}';
    refusedAt(await admin.send('POST', '/api/v1/accounts', key, json), 400, 'body.x\u0000');
    const latin1 = Buffer.concat([Buffer.from('{"name":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    refusedAt(await admin.send('POST', '/api/v1/accounts', latin1, json), 400, 'body');
    expect(await count('accounts')).toBe(before);
  });

  it('inside an import mapping is refused too', async () => {
    const mapping = Buffer.from(JSON.stringify({ columns: { 'Na\u0000me': 'name' } })).toString('base64url');
    const upload = await startImport(app, 'accounts', 'Name\nAcme\n', { query: { mapping } });
    refusedAt(upload, 400, 'query.mapping');
  });
});

describe('instants and dates', () => {
  it('outside 1900–2999, with a bad offset or a day that does not exist are refused', async () => {
    const account = await f.buildAccount();
    const patch = (field: string, value: string) =>
      admin.patch(`/api/v1/accounts/${account.id}`, { [field]: value, version: account.version });
    for (const value of ['0000-01-01T00:00:00Z', '10000-01-01T00:00:00Z', '2026-01-01T00:00:00+25:00']) {
      refusedAt(await patch('onboardingStartedAt', value), 400, 'body.onboardingStartedAt');
      refusedAt(await patch('lastPriorityReviewAt', value), 400, 'body.lastPriorityReviewAt');
    }
    refusedAt(await patch('renewalDate', '2026-02-30'), 400, 'body.renewalDate');
    refusedAt(await patch('renewalDate', '0000-01-01'), 400, 'body.renewalDate');
    refusedAt(await admin.get(`/api/v1/accounts/${account.id}?asOf=0000-01-01T00:00:00Z`), 400, 'query.asOf');
    refusedAt(
      await admin.get(`/api/v1/accounts/${account.id}?asOf=10000-01-01T00:00:00Z`),
      400,
      'query.asOf',
    );
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).body.version).toBe(account.version);
  });

  it('are stored to the millisecond as sent, finer digits cut off, and every read returns them', async () => {
    const account = await f.buildAccount();
    const ticket = await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, {
      subject: 'Nanoseconds',
      openedAt: '2026-01-01T00:59:59.999999999+01:00',
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body.openedAt).toBe('2025-12-31T23:59:59.999Z');
    const listed = await admin.get(`/api/v1/accounts/${account.id}/support-tickets`);
    expect(listed.status).toBe(200);
    expect(listed.body.items[0].openedAt).toBe('2025-12-31T23:59:59.999Z');
  });

  it('that PostgreSQL would round into year 10000 are refused, so no write answers 500 after committing', async () => {
    const account = await f.buildAccount();
    const [tokens, tickets, history] = [
      await count('api_tokens'),
      await count('support_tickets'),
      await count('history'),
    ];
    const edge = '9999-12-31T23:59:59.999999999Z';
    refusedAt(
      await admin.post('/api/v1/auth/tokens', { name: 'Forever', expiresAt: edge }),
      400,
      'body.expiresAt',
    );
    refusedAt(
      await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, { subject: 'Edge', openedAt: edge }),
      400,
      'body.openedAt',
    );
    expect([await count('api_tokens'), await count('support_tickets'), await count('history')]).toEqual([
      tokens,
      tickets,
      history,
    ]);
    expect((await admin.get('/api/v1/auth/tokens')).status).toBe(200);
    expect((await admin.get(`/api/v1/accounts/${account.id}/support-tickets`)).status).toBe(200);
  });
});

describe('paths', () => {
  it('that are not valid percent-encoded UTF-8, or hold a segment longer than any id, get the coded 400', async () => {
    for (const path of [
      '/api/v1/contacts/%ED%A0%80',
      '/api/v1/contacts/%FF',
      '/api/v1/contacts/%zz',
      `/api/v1/contacts/${'x'.repeat(101)}`,
    ]) {
      const response = await admin.patch(path, { name: 'Ada', version: 1 });
      expect(response.status, path).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details[0].path).toBe('path');
    }
  });
});

describe('bodies', () => {
  it('of malformed JSON, nested too deeply or of the wrong shape are 400 with the coded body', async () => {
    const malformed = await admin.send('POST', '/api/v1/accounts', '{"name":', json);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    const deep = `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    refusedAt(await admin.send('POST', '/api/v1/accounts', deep, json), 400, `body.name${'.0'.repeat(31)}`);
    refusedAt(await admin.send('POST', '/api/v1/accounts', '[1,2]', json), 400, 'body');
  });

  it('of a type the route does not read are 415 with the coded body', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/csv', 'application/xml']) {
      const response = await admin.send('POST', '/api/v1/accounts', 'name=Acme', { 'content-type': type });
      expect(response.status, type).toBe(415);
      expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const jsonImport = await admin.send('POST', '/api/v1/imports?object=accounts', { name: 'Acme' });
    expect(jsonImport.status).toBe(415);
    expect(jsonImport.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
