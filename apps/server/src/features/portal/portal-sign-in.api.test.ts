import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import {
  buildCustomer,
  CUSTOMER_PASSWORD,
  linkFromOutbox,
  portalClient,
} from '../../../test/portal-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// Signing in to the customer portal (docs/portal.md, docs/security.md "Customer portal"):
// password and magic link, single-use links, the CSRF token, and deactivation ending sessions.
// No SMTP server here: messages are held in the outbox, where the links are read.

const START = '2026-03-01T09:00:00.000Z';
const app = await createTestApp({ now: START });
const f = factories(app);
const tam = await f.buildUser({ roles: ['tam'], name: 'Tia Tam' });
const account = await f.buildAccount({ name: 'Initech', team: { tam: tam.user } });

describe('password sign-in', () => {
  it('signs an active customer in; a wrong password, an unknown or deactivated address get one answer', async () => {
    const { email, user } = await buildCustomer(app, account, 'Pat Password');
    const browser = portalClient(app);
    const signedIn = await browser.signIn(email, CUSTOMER_PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account).toEqual({ id: account.id, name: 'Initech' });
    expect((await browser.get('/api/v1/portal/me')).status).toBe(200);

    const wrong = await portalClient(app).signIn(email, 'not the password');
    const unknown = await portalClient(app).signIn('nobody@initech.example', CUSTOMER_PASSWORD);
    await tam.post(`/api/v1/customer-users/${user.id}/deactivate`);
    const deactivated = await portalClient(app).signIn(email, CUSTOMER_PASSWORD);
    for (const answer of [wrong, unknown, deactivated]) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({
        code: 'INVALID_CREDENTIALS',
        message: 'E-mail or password is wrong.',
      });
    }
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const { client } = await buildCustomer(app, account, 'Sam Signout');
    const cookie = client.sessionCookie()!;
    expect((await client.post('/api/v1/portal/sign-out')).status).toBe(204);
    expect(client.sessionCookie()).toBeNull();
    const anonymous = httpClient(app.http);
    expect((await anonymous.get('/api/v1/portal/me', { cookie })).status).toBe(401);
  });
});

describe('magic-link sign-in', () => {
  it('mails a single-use link that signs in, and answers the same for an unknown address', async () => {
    const { email } = await buildCustomer(app, account, 'Mia Magic');
    const browser = portalClient(app);
    const asked = await browser.post('/api/v1/portal/magic-link', { email });
    const unknown = await browser.post('/api/v1/portal/magic-link', { email: 'nobody@initech.example' });
    expect(asked.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(asked.body);
    const admin = httpClient(app.http, app.adminToken);
    const nothing = await admin.get('/api/v1/mail/outbox?kind=portal-sign-in&to=nobody%40initech.example');
    expect(nothing.body.items).toEqual([]);

    const { url, token } = await linkFromOutbox(app, email, 'portal-sign-in');
    expect(url).toContain('/portal/sign-in/');
    const landing = portalClient(app);
    const signedIn = await landing.post('/api/v1/portal/magic-link/sign-in', { token });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.customerUser.email).toBe(email);
    expect((await landing.get('/api/v1/portal/me')).status).toBe(200);
    const again = await portalClient(app).post('/api/v1/portal/magic-link/sign-in', { token });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a link after its 15 minutes, and sends none to someone not yet active', async () => {
    const { email } = await buildCustomer(app, account, 'Lou Late');
    await portalClient(app).post('/api/v1/portal/magic-link', { email });
    const { token } = await linkFromOutbox(app, email, 'portal-sign-in');
    app.setNow(new Date(Date.parse(START) + 15 * 60_000 + 1));
    try {
      expect((await portalClient(app).post('/api/v1/portal/magic-link/sign-in', { token })).status).toBe(401);
    } finally {
      app.setNow(START);
    }
    const pending = await f.buildContact(account, { name: 'Ivy Invited', email: 'ivy@initech.example' });
    await tam.post(`/api/v1/accounts/${account.id}/customer-users`, { contactId: pending.id });
    expect(
      (await portalClient(app).post('/api/v1/portal/magic-link', { email: 'ivy@initech.example' })).status,
    ).toBe(202);
    await expect(linkFromOutbox(app, 'ivy@initech.example', 'portal-sign-in')).rejects.toThrow(
      /No portal-sign-in/,
    );
    // Nor does an invitation's token sign in as a sign-in link.
    const invitation = await linkFromOutbox(app, 'ivy@initech.example', 'portal-invitation');
    const crossed = await portalClient(app).post('/api/v1/portal/magic-link/sign-in', {
      token: invitation.token,
    });
    expect(crossed.status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses portal writes without the right token, or from another site', async () => {
    const { email, client } = await buildCustomer(app, account, 'Cy Csrf');
    const anonymous = httpClient(app.http);
    const noToken = await anonymous.post('/api/v1/portal/sign-in', { email, password: CUSTOMER_PASSWORD });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CROSS_SITE_REQUEST');
    expect(noToken.headers['set-cookie']).toBeUndefined();
    // A token that is not the cookie's (double submit) is refused.
    const browser = portalClient(app);
    await browser.csrf();
    const forged = await anonymous.post(
      '/api/v1/portal/sign-in',
      { email, password: CUSTOMER_PASSWORD },
      {
        cookie: `liaison_portal_csrf=${browser.cookies.get('liaison_portal_csrf')}`,
        'x-liaison-csrf': 'x'.repeat(43),
      },
    );
    expect(forged.status).toBe(403);
    // Signed in, the session's own token is needed: the pre-session one no longer does.
    const cookie = client.sessionCookie()!;
    const stale = await anonymous.post('/api/v1/portal/sign-out', undefined, {
      cookie: `${cookie}; liaison_portal_csrf=${browser.cookies.get('liaison_portal_csrf')}`,
      'x-liaison-csrf': browser.cookies.get('liaison_portal_csrf')!,
    });
    expect(stale.status).toBe(403);
    expect((await client.get('/api/v1/portal/me')).status).toBe(200);
    // From another site, even with the right token: refused before anything else.
    const crossSite = await client.post('/api/v1/portal/sign-out', {}, { 'sec-fetch-site': 'same-site' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('CROSS_SITE_REQUEST');
    expect((await client.get('/api/v1/portal/me')).status).toBe(200);
  });
});

describe('deactivation', () => {
  it('ends the customer’s sessions at once; reactivation brings none back', async () => {
    const { client, user, email } = await buildCustomer(app, account, 'Dee Activated');
    const cookie = client.sessionCookie()!;
    expect((await client.get('/api/v1/portal/me')).status).toBe(200);
    const deactivated = await tam.post(`/api/v1/customer-users/${user.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ status: 'deactivated', deactivatedAt: START });
    const after = await httpClient(app.http).get('/api/v1/portal/me', { cookie });
    expect(after.status).toBe(401);
    const rows = await app.database.pool.query(
      'SELECT count(*)::int AS n FROM portal_sessions WHERE customer_user_id = $1',
      [user.id],
    );
    expect(rows.rows[0].n).toBe(0);
    expect((await tam.post(`/api/v1/customer-users/${user.id}/deactivate`)).status).toBe(422);

    const reactivated = await tam.post(`/api/v1/customer-users/${user.id}/reactivate`);
    expect(reactivated.body).toMatchObject({ status: 'active', deactivatedAt: null });
    expect((await httpClient(app.http).get('/api/v1/portal/me', { cookie })).status).toBe(401);
    expect((await portalClient(app).signIn(email, CUSTOMER_PASSWORD)).status).toBe(200);
    // In the account's history, with who did it.
    const history = await tam.get(`/api/v1/accounts/${account.id}/history?limit=100`);
    const entries = history.body.items.filter((entry: { entityId: string }) => entry.entityId === user.id);
    expect(
      entries.map((entry: { changes: { field: string; after: unknown }[]; actor: { name: string } }) => [
        entry.actor.name,
        entry.changes.find((change) => change.field === 'status')?.after,
      ]),
    ).toEqual([
      ['Tia Tam (token "test")', 'active'],
      ['Tia Tam (token "test")', 'deactivated'],
      ['Dee Activated', 'active'],
      ['Liaison Admin (token "bootstrap")', 'invited'],
    ]);
  });
});

describe('throttling', async () => {
  const limited = await createTestApp({ signInLimits: { perEmail: 3, perClient: 50, windowMinutes: 15 } });
  const lf = factories(limited);
  const limitedAccount = await lf.buildAccount();

  it('refuses the fourth attempt at one address, the right password too, with Retry-After', async () => {
    const { email } = await buildCustomer(limited, limitedAccount, 'Theo Throttled');
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await portalClient(limited).signIn(email, 'wrong password')).status).toBe(401);
    const refused = await portalClient(limited).signIn(email, CUSTOMER_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Counted apart from staff sign-in: a staff user with the same address is not locked out.
    await lf.buildUser({ roles: ['tam'], email, password: 'a staff password' });
    // Magic links have their own count.
    expect((await portalClient(limited).post('/api/v1/portal/magic-link', { email })).status).toBe(202);
  });

  it('limits sign-in link requests per address', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt++)
      answers.push(
        (await portalClient(limited).post('/api/v1/portal/magic-link', { email: 'flood@example.com' }))
          .status,
      );
    expect(answers).toEqual([202, 202, 202, 429]);
  });
});
