import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// docs/security.md, Sessions and tokens: a new password ends the sign-ins made with the old one
// (but the caller's own, when they change their own); deactivation ends them all and
// reactivation brings none back. Each ended session and token is in the history.

const app = await createTestApp();
const f = factories(app);
const password = 'a long enough password';
const newPassword = 'another long password';

async function signIn(email: string, secret = password) {
  const response = await f.anonymous.post('/api/v1/auth/login', { email, password: secret });
  expect(response.status).toBe(200);
  return String(response.headers['set-cookie']).split(';')[0]!;
}

/** Whether a cookie or a token still signs its holder in. */
async function works(credential: { cookie?: string; token?: string }) {
  const client = httpClient(app.http, credential.token);
  const me = await client.get('/api/v1/auth/me', credential.cookie ? { cookie: credential.cookie } : {});
  return me.status === 200;
}

async function historyOf(entityType: string, requestId: string) {
  const result = await app.database.pool.query(
    'SELECT entity_id, operation, actor_name, changes FROM history WHERE entity_type = $1 AND request_id = $2',
    [entityType, requestId],
  );
  return result.rows;
}

const versionOf = async (id: string) => (await f.admin.get(`/api/v1/users/${id}`)).body.version as number;

describe("an admin changes someone's password", () => {
  it('ends all their sessions and tokens, in the history of the same request', async () => {
    const sam = await f.buildUser({ roles: ['sal'], password });
    const laptop = await signIn(sam.user.email);
    const changed = await f.admin.patch(`/api/v1/users/${sam.user.id}`, {
      password: newPassword,
      version: await versionOf(sam.user.id),
    });
    expect(changed.status).toBe(200);
    expect(await works({ cookie: sam.cookie! })).toBe(false);
    expect(await works({ cookie: laptop })).toBe(false);
    expect(await works({ token: sam.token })).toBe(false);
    // The new password signs in; the old one does not.
    expect((await f.anonymous.post('/api/v1/auth/login', { email: sam.user.email, password })).status).toBe(
      401,
    );
    expect(await works({ cookie: await signIn(sam.user.email, newPassword) })).toBe(true);

    const requestId = String(changed.headers['x-request-id']);
    const sessions = await historyOf('session', requestId);
    expect(sessions).toHaveLength(2);
    expect(sessions.every((row) => row.operation === 'delete')).toBe(true);
    const tokens = await historyOf('api_token', requestId);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ operation: 'update', actor_name: 'Liaison Admin (token "bootstrap")' });
    expect(tokens[0].changes).toEqual([
      { field: 'revokedAt', before: null, after: app.clock().toISOString() },
    ]);
  });

  it('a refused change (stale version) ends nothing', async () => {
    const sam = await f.buildUser({ roles: ['sal'], password });
    const stale = await f.admin.patch(`/api/v1/users/${sam.user.id}`, { password: newPassword, version: 99 });
    expect(stale.status).toBe(409);
    expect(await works({ cookie: sam.cookie! })).toBe(true);
    expect(await works({ token: sam.token })).toBe(true);
  });

  it('changing only a name or roles ends nothing', async () => {
    const sam = await f.buildUser({ roles: ['sal'], password });
    await f.admin.patch(`/api/v1/users/${sam.user.id}`, { name: 'Sam Renamed', version: 1 });
    expect(await works({ cookie: sam.cookie! })).toBe(true);
    expect(await works({ token: sam.token })).toBe(true);
  });
});

describe('a user changes their own password', () => {
  it('through their session: that session lives on, their other sessions and their tokens end', async () => {
    const ada = await f.buildUser({ roles: ['admin'], password });
    const phone = await signIn(ada.user.email);
    const changed = await f.anonymous.patch(
      `/api/v1/users/${ada.user.id}`,
      { password: newPassword, version: await versionOf(ada.user.id) },
      { cookie: ada.cookie! },
    );
    expect(changed.status).toBe(200);
    expect(await works({ cookie: ada.cookie! })).toBe(true);
    expect(await works({ cookie: phone })).toBe(false);
    expect(await works({ token: ada.token })).toBe(false);
  });

  it('through an API token: that token lives on, their sessions end', async () => {
    const ada = await f.buildUser({ roles: ['admin'], password });
    const changed = await ada.patch(`/api/v1/users/${ada.user.id}`, {
      password: newPassword,
      version: await versionOf(ada.user.id),
    });
    expect(changed.status).toBe(200);
    expect(await works({ token: ada.token })).toBe(true);
    expect(await works({ cookie: ada.cookie! })).toBe(false);
  });
});

describe('deactivation and reactivation', () => {
  it('a reactivated user starts afresh: the sessions and tokens from before stay ended', async () => {
    const leaver = await f.buildUser({ roles: ['sa'], password });
    const deactivated = await f.admin.patch(`/api/v1/users/${leaver.user.id}`, {
      isActive: false,
      version: 1,
    });
    expect(deactivated.status).toBe(200);
    expect(await historyOf('session', String(deactivated.headers['x-request-id']))).toHaveLength(1);
    expect(await historyOf('api_token', String(deactivated.headers['x-request-id']))).toHaveLength(1);
    const reactivated = await f.admin.patch(`/api/v1/users/${leaver.user.id}`, {
      isActive: true,
      version: 2,
    });
    expect(reactivated.status).toBe(200);
    expect(await works({ cookie: leaver.cookie! })).toBe(false);
    expect(await works({ token: leaver.token })).toBe(false);
    expect(await works({ cookie: await signIn(leaver.user.email) })).toBe(true);
  });

  it('reactivation also ends sign-ins a deactivated user kept from before this rule', async () => {
    const leaver = await f.buildUser({ roles: ['sa'], password });
    // Deactivated behind the API's back, as an older version of Liaison did: sessions and tokens kept.
    await app.database.pool.query('UPDATE users SET is_active = false, version = version + 1 WHERE id = $1', [
      leaver.user.id,
    ]);
    expect(await works({ token: leaver.token })).toBe(false);
    await f.admin.patch(`/api/v1/users/${leaver.user.id}`, { isActive: true, version: 2 });
    expect(await works({ cookie: leaver.cookie! })).toBe(false);
    expect(await works({ token: leaver.token })).toBe(false);
  });
});
