import { createHash } from 'node:crypto';
import type { CalendarFeedStatus, CreatedCalendarFeed, User } from '@liaison/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

// A calendar feed's URL is its credential (docs/calendar.md, Security): stored hashed, shown once,
// rotated and revoked at once, dead with its person's deactivation; any other string is a 404.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

const pathOf = (feed: CreatedCalendarFeed) => new URL(feed.url).pathname;
const make = async (person: Client) => {
  const response = await person.post<CreatedCalendarFeed>('/api/v1/me/calendar-feed');
  expect(response.status).toBe(201);
  return response.body;
};
const status = async (person: Client) =>
  (await person.get<CalendarFeedStatus>('/api/v1/me/calendar-feed')).body.feed;

/** A feed URL answers 404 with the API's error body, like any unknown one. */
async function expectGone(path: string) {
  const response = await f.anonymous.get(path);
  expect(response.status).toBe(404);
  expect(response.body.error).toMatchObject({ code: 'NOT_FOUND', requestId: expect.any(String) });
}

describe('the feed URL', () => {
  it('is shown once, kept only as a hash, and says when it was made and last read', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    expect(await status(tam)).toBeNull();
    const feed = await make(tam);
    expect(feed).toEqual({
      url: expect.stringMatching(/^http:\/\/localhost:80\/api\/v1\/calendar\/feeds\/lcf_[\w-]{43}\.ics$/),
      createdAt: '2026-03-02T09:00:00.000Z',
      lastFetchedAt: null,
    });
    const token = pathOf(feed)
      .split('/')
      .pop()!
      .replace(/\.ics$/, '');
    const rows = await app.database.db.execute<Record<string, unknown>>(
      sql`SELECT * FROM calendar_feeds WHERE user_id = ${tam.user.id}`,
    );
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows.rows)).not.toContain(token);
    // Its status never carries the URL again.
    expect(await status(tam)).toEqual({ createdAt: '2026-03-02T09:00:00.000Z', lastFetchedAt: null });

    app.setNow('2026-03-02T10:00:00.000Z');
    expect((await f.anonymous.get(pathOf(feed))).status).toBe(200);
    expect(await status(tam)).toEqual({
      createdAt: '2026-03-02T09:00:00.000Z',
      lastFetchedAt: '2026-03-02T10:00:00.000Z',
    });
    app.setNow('2026-03-02T09:00:00.000Z');
  });

  it('rotates: a new URL works and the old one is a 404 at once', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const first = await make(tam);
    expect((await f.anonymous.get(pathOf(first))).status).toBe(200);
    const second = await make(tam);
    expect(second.url).not.toBe(first.url);
    await expectGone(pathOf(first));
    expect((await f.anonymous.get(pathOf(second))).status).toBe(200);
  });

  it('is revoked by its person: 404 from then on, and nothing left to revoke', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const feed = await make(tam);
    expect((await tam.delete('/api/v1/me/calendar-feed')).status).toBe(204);
    await expectGone(pathOf(feed));
    expect(await status(tam)).toBeNull();
    const again = await tam.delete('/api/v1/me/calendar-feed');
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('NOT_FOUND');
  });

  it('is revoked by an admin, and by nobody else', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const manager = await f.buildUser({ roles: ['tam_manager'] });
    const feed = await make(tam);
    const refused = await manager.delete(`/api/v1/users/${tam.user.id}/calendar-feed`);
    expect(refused.status).toBe(403);
    expect((await f.anonymous.get(pathOf(feed))).status).toBe(200);
    expect((await f.admin.delete(`/api/v1/users/${tam.user.id}/calendar-feed`)).status).toBe(204);
    await expectGone(pathOf(feed));
    expect((await f.admin.delete(`/api/v1/users/${tam.user.id}/calendar-feed`)).status).toBe(404);
  });

  it('stops with its person’s deactivation, and a reactivation does not bring it back', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const feed = await make(tam);
    const off = await f.admin.patch<User>(`/api/v1/users/${tam.user.id}`, {
      isActive: false,
      version: tam.user.version,
    });
    expect(off.status).toBe(200);
    await expectGone(pathOf(feed));
    expect(
      (await f.admin.patch(`/api/v1/users/${tam.user.id}`, { isActive: true, version: off.body.version }))
        .status,
    ).toBe(200);
    await expectGone(pathOf(feed));
  });

  it('stops when its person is given a new password, like every sign-in', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const feed = await make(tam);
    const changed = await f.admin.patch(`/api/v1/users/${tam.user.id}`, {
      password: 'a brand new password',
      version: tam.user.version,
    });
    expect(changed.status).toBe(200);
    await expectGone(pathOf(feed));
  });

  it('is refused while its person is inactive, whatever ended their sign-ins or not', async () => {
    // A person marked inactive without the feed being ended (by SQL, an older version): still a 404.
    const tam = await f.buildUser({ roles: ['tam'] });
    const feed = await make(tam);
    await app.database.db.execute(sql`UPDATE users SET is_active = false WHERE id = ${tam.user.id}`);
    await expectGone(pathOf(feed));
    await app.database.db.execute(sql`UPDATE users SET is_active = true WHERE id = ${tam.user.id}`);
    expect((await f.anonymous.get(pathOf(feed))).status).toBe(200);
  });
});

describe('any other string in place of a token', () => {
  const feeds = '/api/v1/calendar/feeds/';
  it.each([
    ['empty', ''],
    ['a word', 'calendar'],
    ['a token’s shape', `lcf_${'A'.repeat(43)}`],
    ['an API token', 'lia_test_bootstrap_token_0123456789'],
    ['SQL', encodeURIComponent("' OR 1=1 --")],
    ['unicode', encodeURIComponent('日本語-☃-🙂-é')],
    ['dots', 'a.b.c'],
    ['a hundred characters', 'x'.repeat(96)],
  ])('%s: 404 with the error body', async (_label, token) => {
    await expectGone(`${feeds}${token}.ics`);
  });

  it.each([
    ['longer than any path segment', 'x'.repeat(5000)],
    ['a NUL', '%00'],
    ['a lone surrogate', '%ED%A0%80'],
    ['broken percent-encoding', '%E0%A4%A'],
  ])('%s: a coded 4xx, never a 500', async (_label, token) => {
    const response = await f.anonymous.get(`${feeds}${token}.ics`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body.error.code).toEqual(expect.any(String));
  });

  it('is a 404 too without the .ics, or with another extension', async () => {
    for (const path of [`${feeds}lcf_x`, `${feeds}lcf_x.ics.txt`, `${feeds}`])
      expect((await f.anonymous.get(path)).status).toBe(404);
  });
});

describe('rate limit', () => {
  it('counts feed requests per client address, found or not: then 429 with Retry-After', async () => {
    const limited = await createTestApp({ feedRateLimit: { max: 3, windowSeconds: 60 } });
    const call = (address: string) =>
      limited.http.inject({ url: '/api/v1/calendar/feeds/lcf_guess.ics', remoteAddress: address });
    for (let i = 0; i < 3; i++) expect((await call('203.0.113.7')).statusCode).toBe(404);
    const refused = await call('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own count.
    expect((await call('203.0.113.8')).statusCode).toBe(404);
  });
});
