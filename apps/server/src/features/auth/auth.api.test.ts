import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { BOOTSTRAP_TOKEN, createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp();
const f = factories(app);
const admin = f.admin;
const anonymous = f.anonymous;
const password = 'a long enough password';

async function signIn(email: string, secret = password) {
  const response = await anonymous.post('/api/v1/auth/login', { email, password: secret });
  const cookie = response.status === 200 ? String(response.headers['set-cookie']).split(';')[0]! : '';
  return { response, cookie };
}

describe('authentication', () => {
  it('signs in with a password, sets an httpOnly session cookie and signs out', async () => {
    await admin.post('/api/v1/users', {
      name: 'Sam Sal',
      email: 'Sam@Example.com',
      roles: ['sal'],
      password,
    });
    const { response, cookie } = await signIn('sam@example.com');
    expect(response.status).toBe(200);
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(response.body.user).toMatchObject({ email: 'sam@example.com', roles: ['sal'] });
    expect(response.body.user).not.toHaveProperty('passwordHash');
    const me = await anonymous.get('/api/v1/auth/me', { cookie });
    expect(me.body).toMatchObject({ authenticatedBy: 'session', user: { name: 'Sam Sal' } });
    expect((await anonymous.post('/api/v1/auth/logout', {}, { cookie })).status).toBe(204);
    expect((await anonymous.get('/api/v1/auth/me', { cookie })).status).toBe(401);
  });

  it('answers a wrong password and an unknown e-mail the same way', async () => {
    const wrong = await signIn('sam@example.com', 'not the password');
    const unknown = await signIn('nobody@example.com');
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(wrong.response.body.error.message).toBe(unknown.response.body.error.message);
  });

  it('shows an API token once, stores only its hash, and stops accepting it when revoked', async () => {
    const { cookie } = await signIn('sam@example.com');
    const created = await anonymous.post('/api/v1/auth/tokens', { name: 'laptop' }, { cookie });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^lia_/);
    const expired = await anonymous.post(
      '/api/v1/auth/tokens',
      { name: 'born expired', expiresAt: '2020-01-01T00:00:00Z' },
      { cookie },
    );
    expect(expired.status).toBe(400);
    expect(expired.body.error.details).toEqual([
      { path: 'body.expiresAt', message: 'must be in the future' },
    ]);
    const listed = await anonymous.get('/api/v1/auth/tokens', { cookie });
    expect(listed.body.items.map((token: { name: string }) => token.name)).toEqual(['laptop']);
    expect(listed.body.items[0]).not.toHaveProperty('token');
    const stored = await app.database.pool.query('SELECT token_hash FROM api_tokens WHERE id = $1', [
      created.body.id,
    ]);
    expect(stored.rows[0].token_hash).not.toContain(created.body.token);
    const viaToken = httpClient(app.http, created.body.token);
    expect((await viaToken.get('/api/v1/auth/me')).body.authenticatedBy).toBe('api_token');
    expect((await anonymous.delete(`/api/v1/auth/tokens/${created.body.id}`, { cookie })).status).toBe(204);
    expect((await viaToken.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('keeps the bootstrap token idempotent', async () => {
    await app.services.auth.ensureBootstrapToken(BOOTSTRAP_TOKEN, new Date());
    const tokens = await app.database.pool.query(
      "SELECT count(*)::int AS n FROM api_tokens WHERE name = 'bootstrap'",
    );
    expect(tokens.rows[0].n).toBe(1);
  });
});

describe('users', () => {
  it('lets only admins manage users, with unique e-mails and versioned updates', async () => {
    const created = await admin.post('/api/v1/users', {
      name: 'Tom Tam',
      email: 'tom@example.com',
      roles: ['tam'],
      region: 'emea',
      password,
    });
    expect(created.status).toBe(201);
    const duplicate = await admin.post('/api/v1/users', {
      name: 'Tom Two',
      email: 'TOM@example.com',
      roles: ['tam'],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('ALREADY_EXISTS');
    const { cookie } = await signIn('tom@example.com');
    const asTam = await anonymous.post(
      '/api/v1/users',
      { name: 'X', email: 'x@example.com', roles: ['admin'] },
      { cookie },
    );
    expect(asTam.status).toBe(403);
    const promoted = await admin.patch(`/api/v1/users/${created.body.id}`, {
      roles: ['tam', 'tam_manager'],
      version: 1,
    });
    expect(promoted.body).toMatchObject({ roles: ['tam', 'tam_manager'], version: 2 });
    const tams = await admin.get('/api/v1/users?role=tam_manager');
    expect(tams.body.items.map((u: { email: string }) => u.email)).toEqual(['tom@example.com']);
    const short = await admin.post('/api/v1/users', {
      name: 'Short',
      email: 'short@example.com',
      roles: ['tam'],
      password: 'abc',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('body.password');
  });

  it('deactivating a user ends their sign-in', async () => {
    const leaver = await f.buildUser({
      name: 'Leaver',
      email: 'leaver@example.com',
      roles: ['sa'],
      password,
    });
    const { cookie } = await signIn('leaver@example.com');
    await admin.patch(`/api/v1/users/${leaver.user.id}`, { isActive: false, version: 1 });
    expect((await anonymous.get('/api/v1/auth/me', { cookie })).status).toBe(401);
    expect((await signIn('leaver@example.com')).response.status).toBe(401);
  });
});
