import { describe, expect, it } from 'vitest';
import { factories } from '../../test/factories.ts';
import { httpClient } from '../../test/http-client.ts';
import { createTestApp } from '../../test/test-app.ts';
import { defaultApiRateLimit } from './api-rate-limit.ts';

// docs/security.md, Throttling: each API token gets `max` requests per window, said in the
// RateLimit-* headers of every answer; beyond it, 429 with Retry-After. This server allows 20
// (the admin token that builds the users below makes a few requests of its own).

const max = 20;
const app = await createTestApp({ apiRateLimit: { max, windowSeconds: 60 } });
const f = factories(app);

describe('the API rate limit', () => {
  it('the documented default is 600 requests a minute', () => {
    expect(defaultApiRateLimit).toEqual({ max: 600, windowSeconds: 60 });
  });

  it('counts down in RateLimit-* headers, then answers 429 with Retry-After', async () => {
    const user = await f.buildUser({ roles: ['sal'] });
    for (let i = 1; i <= max; i++) {
      const response = await user.get('/api/v1/auth/me');
      expect(response.status).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe(String(max));
      expect(response.headers['ratelimit-remaining']).toBe(String(max - i));
      expect(Number(response.headers['ratelimit-reset'])).toBeGreaterThan(0);
      expect(Number(response.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
    }
    const refused = await user.post('/api/v1/accounts', { name: 'Over the limit', segment: 'smb' });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.headers['ratelimit-remaining']).toBe('0');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Refused before it ran: nothing was written.
    const accounts = await f.admin.get('/api/v1/accounts?q=Over%20the%20limit');
    expect(accounts.body.items).toHaveLength(0);
  });

  it('is counted per token: another token of the same user has its own', async () => {
    const user = await f.buildUser({ roles: ['sal'] });
    for (let i = 0; i < max; i++) await user.get('/api/v1/auth/me');
    expect((await user.get('/api/v1/auth/me')).status).toBe(429);
    const { token } = await app.services.auth.createToken(user.user.id, 'second', null, new Date());
    const second = await httpClient(app.http, token).get('/api/v1/auth/me');
    expect(second.status).toBe(200);
    expect(second.headers['ratelimit-remaining']).toBe(String(max - 1));
  });

  it('leaves the web app (session cookie) and anonymous callers to the sign-in throttle', async () => {
    const user = await f.buildUser({ roles: ['sal'], password: 'a long enough password' });
    for (let i = 0; i < max * 2; i++) {
      const response = await f.anonymous.get('/api/v1/auth/me', { cookie: user.cookie! });
      expect(response.status).toBe(200);
      expect(response.headers['ratelimit-limit']).toBeUndefined();
    }
    expect((await f.anonymous.get('/api/v1/health')).headers['ratelimit-limit']).toBeUndefined();
  });
});
