import { describe, expect, it } from 'vitest';
import { factories } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

// docs/security.md, CSRF: a write signed by the session cookie must come from Liaison's own pages.
// The two writes a page elsewhere on the same site could send with a plain form or a no-cors
// fetch: a text/plain CSV import and an empty-bodied approval.

const app = await createTestApp();
const f = factories(app);
const password = 'a long enough password';
const manager = await f.buildUser({ roles: ['admin', 'tam_manager'], password });
const cookie = manager.cookie!;

// What browsers send: a page on another port or subdomain is "same-site", another site "cross-site".
const fromEvil = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
const fromSibling = { origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site' };
const fromOldBrowserElsewhere = { origin: 'http://evil.example' };
const fromLiaison = { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' };
const fromOldBrowserHere = { origin: 'http://localhost' };

async function importAccounts(headers: Record<string, string>, name: string) {
  return app.http.inject({
    method: 'POST',
    url: '/api/v1/imports?object=accounts',
    headers: { 'content-type': 'text/plain', ...headers },
    payload: `Id,Name,Segment__c,Region__c\n0015000000${name.slice(0, 3)}01,${name},smb,emea\n`,
  });
}

const accountsNamed = async (name: string) =>
  (await f.admin.get(`/api/v1/accounts?q=${encodeURIComponent(name)}`)).body.items.length;

describe('a write signed by the session cookie', () => {
  it.each([
    ['another site', fromEvil],
    ['another port of the same site', fromSibling],
    ['another site, in a browser without Sec-Fetch-Site', fromOldBrowserElsewhere],
  ])('from %s is refused, and the text/plain CSV import changes nothing', async (_, headers) => {
    const response = await importAccounts({ cookie, ...headers }, 'Forged Corp');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('CROSS_SITE_REQUEST');
    expect(await accountsNamed('Forged Corp')).toBe(0);
  });

  it.each([
    ['Liaison itself', fromLiaison, 'Genuine Corp'],
    ['Liaison itself, in a browser without Sec-Fetch-Site', fromOldBrowserHere, 'Older Corp'],
    ['no browser at all (neither header)', {}, 'Script Corp'],
  ])('from %s is accepted', async (_, headers, name) => {
    const response = await importAccounts({ cookie, ...headers }, name);
    expect(response.statusCode).toBe(202);
    await app.services.imports.wait(response.json().id);
    expect(await accountsNamed(name)).toBe(1);
  });

  it('an empty-bodied approval from another port is refused and the proposal stays pending', async () => {
    const account = await f.buildAccount();
    await f.buildPriorityProposal(account);
    const approve = (headers: Record<string, string>) =>
      app.http.inject({
        method: 'POST',
        url: `/api/v1/accounts/${account.id}/priority-proposal/approve`,
        headers: { cookie, ...headers },
      });
    const forged = await approve(fromSibling);
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CROSS_SITE_REQUEST');
    const pending = await f.admin.get(`/api/v1/accounts/${account.id}/priority-proposal`);
    expect(pending.body.approvedAt).toBeNull();
    const genuine = await approve(fromLiaison);
    expect(genuine.statusCode).toBe(200);
    expect(genuine.json().approvedAt).not.toBeNull();
  });

  it('with an API token instead is accepted from anywhere: a token is never sent by the browser on its own', async () => {
    const response = await importAccounts(
      { authorization: `Bearer ${manager.token}`, cookie, ...fromEvil },
      'Token Corp',
    );
    expect(response.statusCode).toBe(202);
    await app.services.imports.wait(response.json().id);
    expect(await accountsNamed('Token Corp')).toBe(1);
  });

  it('reads stay open to links from anywhere (a GET changes nothing)', async () => {
    const me = await f.anonymous.get('/api/v1/auth/me', { cookie, ...fromEvil });
    expect(me.status).toBe(200);
  });
});

describe('signing in and out', () => {
  it('a sign-in posted from another site is refused and sets no cookie', async () => {
    const body = { email: manager.user.email, password };
    const forged = await f.anonymous.post('/api/v1/auth/login', body, fromSibling);
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CROSS_SITE_REQUEST');
    expect(forged.headers['set-cookie']).toBeUndefined();
    const genuine = await f.anonymous.post('/api/v1/auth/login', body, fromLiaison);
    expect(genuine.status).toBe(200);
    expect(String(genuine.headers['set-cookie'])).toMatch(/^liaison_session=/);
  });

  it('a sign-out posted from another site is refused and the session lives on', async () => {
    const forged = await f.anonymous.post('/api/v1/auth/logout', {}, { cookie, ...fromEvil });
    expect(forged.status).toBe(403);
    expect((await f.anonymous.get('/api/v1/auth/me', { cookie })).status).toBe(200);
  });
});
