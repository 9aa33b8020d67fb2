import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import { defaultSignInLimits } from './index.ts';

// docs/security.md, Throttling: ten attempts per e-mail and fifty failures per client address per
// quarter of an hour, counted in PostgreSQL so that every server of an installation counts alike.

const app = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });
const f = factories(app);
const password = 'a long enough password';
const { perEmail, windowMinutes } = defaultSignInLimits;
// The per-client tests run on a server with a lower client limit: fifty scrypt checks per test
// would only make them slow.
const perClient = 5;
// It stands behind a proxy (LIAISON_TRUST_PROXY=true): the client is X-Forwarded-For's.
const small = await createTestApp({ signInLimits: { ...defaultSignInLimits, perClient }, trustProxy: true });
const smallFactories = factories(small);
let clients = 0;
/** A client address of its own, so one test's attempts do not count against another's. */
const newClient = () => `10.0.${Math.floor(++clients / 250)}.${clients % 250}`;

async function attempt(
  email: string,
  secret: string,
  client: string,
  http = app.http,
  headers: Record<string, string> = {},
) {
  const response = await http.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: client,
    headers,
    payload: { email, password: secret },
  });
  return { status: response.statusCode, body: response.json(), retryAfter: response.headers['retry-after'] };
}

/** The answer's body without its request id, which differs on every request. */
const shape = (answer: { body: { error: Record<string, unknown> } }) => {
  const { requestId: _id, ...error } = answer.body.error;
  return error;
};

describe('sign-in throttling per e-mail', () => {
  it('refuses attempts beyond the limit with 429 and Retry-After, even with the right password, until the window ends', async () => {
    const user = await f.buildUser({ roles: ['sal'], password });
    const client = newClient();
    for (let i = 0; i < perEmail; i++)
      expect((await attempt(user.user.email, 'wrong password', client)).status).toBe(401);
    const refused = await attempt(user.user.email, 'wrong password', client);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBe(windowMinutes * 60);
    // The right password does not get through while the e-mail is throttled: guessing cannot win.
    expect((await attempt(user.user.email, password, newClient())).status).toBe(429);
    app.setNow(new Date(Date.parse('2026-03-01T09:00:00.000Z') + windowMinutes * 60_000));
    expect((await attempt(user.user.email, password, client)).status).toBe(200);
    app.setNow('2026-03-01T09:00:00.000Z');
  });

  it('counts parallel attempts one by one: of 100 sent at once, only the first ten are checked', async () => {
    const user = await f.buildUser({ roles: ['sal'], password });
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => attempt(user.user.email, 'wrong password', newClient())),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(perEmail);
    expect(statuses.filter((status) => status === 429)).toHaveLength(100 - perEmail);
    expect((await attempt(user.user.email, password, newClient())).status).toBe(429);
  });

  it('is shared by every server on the database: attempts spread over two count as one', async () => {
    const user = await f.buildUser({ roles: ['sal'], password });
    const second = await buildApp({ db: app.database.db, clock: app.clock, logLevel: 'silent' });
    try {
      const servers = [app.http, second.http];
      for (let i = 0; i < perEmail; i++)
        expect((await attempt(user.user.email, 'wrong', newClient(), servers[i % 2])).status).toBe(401);
      expect((await attempt(user.user.email, password, newClient(), second.http)).status).toBe(429);
    } finally {
      await second.http.close();
    }
  });

  it('answers unknown, known and deactivated e-mails alike, before and after the limit', async () => {
    const known = await f.buildUser({ roles: ['sal'], password });
    const leaver = await f.buildUser({ roles: ['sal'], password });
    await f.admin.patch(`/api/v1/users/${leaver.user.id}`, { isActive: false, version: 1 });
    const emails = [known.user.email, leaver.user.email, 'nobody-here@example.com'];
    const runs = [];
    for (const email of emails) {
      const client = newClient();
      const answers = [];
      // The deactivated user is tried with their right password: it must not show.
      const secret = email === leaver.user.email ? password : 'wrong password';
      for (let i = 0; i <= perEmail; i++) answers.push(await attempt(email, secret, client));
      runs.push(
        answers.map((answer) => ({ status: answer.status, retryAfter: answer.retryAfter, ...shape(answer) })),
      );
    }
    expect(runs[0]![0]).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    expect(runs[0]![perEmail]).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it('a successful sign-in clears its e-mail count', async () => {
    const user = await f.buildUser({ roles: ['sal'], password });
    const client = newClient();
    for (let i = 0; i < perEmail - 1; i++) await attempt(user.user.email, 'wrong password', client);
    expect((await attempt(user.user.email, password, client)).status).toBe(200);
    for (let i = 0; i < perEmail; i++)
      expect((await attempt(user.user.email, 'wrong password', client)).status).toBe(401);
  });
});

describe('sign-in throttling per client address', () => {
  it('refuses a client that failed too often, whatever e-mail it tries next', async () => {
    const client = newClient();
    for (let i = 0; i < perClient; i++)
      expect((await attempt(`spray-${i}@example.com`, 'Winter2026!', client, small.http)).status).toBe(401);
    const user = await smallFactories.buildUser({ roles: ['sal'], password });
    const refused = await attempt(user.user.email, password, client, small.http);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The same e-mail from elsewhere is not throttled: the client is, not the account.
    expect((await attempt(user.user.email, password, newClient(), small.http)).status).toBe(200);
  });

  it('does not count successful sign-ins: an office behind one address keeps signing in', async () => {
    const client = newClient();
    const user = await smallFactories.buildUser({ roles: ['sal'], password });
    for (let i = 0; i < perClient + 5; i++)
      expect((await attempt(user.user.email, password, client, small.http)).status).toBe(200);
  });

  it('counts an IPv6 client by its /64', async () => {
    for (let i = 0; i < perClient; i++)
      expect(
        (await attempt(`v6-${i}@example.com`, 'wrong', `2001:db8:1:2::${(i + 1).toString(16)}`, small.http))
          .status,
      ).toBe(401);
    expect((await attempt('v6-next@example.com', 'wrong', '2001:db8:1:2:ffff::1', small.http)).status).toBe(
      429,
    );
    expect((await attempt('v6-next@example.com', 'wrong', '2001:db8:1:3::1', small.http)).status).toBe(401);
  });

  it('behind a trusted proxy, counts the client the proxy names, not the proxy', async () => {
    const proxy = newClient();
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < perClient; i++)
      expect(
        (await attempt(`proxied-${i}@example.com`, 'wrong', proxy, small.http, from('203.0.113.7'))).status,
      ).toBe(401);
    expect(
      (await attempt('proxied-next@example.com', 'wrong', proxy, small.http, from('203.0.113.7'))).status,
    ).toBe(429);
    // Another client behind the same proxy is not throttled.
    expect(
      (await attempt('proxied-next@example.com', 'wrong', proxy, small.http, from('203.0.113.8'))).status,
    ).toBe(401);
  });
});
