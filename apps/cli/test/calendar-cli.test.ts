import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { factories } from '../../server/test/factories.ts';
import { createTestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// `liaison calendar`, as a child process against the real app (harness.ts): the feed's address
// printed alone on stdout, a new one ending the old, and revocation (admins: anyone's).

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const url = await listen(app);
const f = factories(app);
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-calendar-cli-'));
afterAll(() => fs.rmSync(configHome, { recursive: true, force: true }));

const as = (token: string) => ({
  env: { LIAISON_URL: url, LIAISON_TOKEN: token, XDG_CONFIG_HOME: configHome },
});
// Feeds made through the test client name its host; the path is what counts.
const statusOf = async (feedUrl: string) => (await fetch(`${url}${new URL(feedUrl).pathname}`)).status;

// Each CLI call starts a process: a few per test, with room for a loaded machine.
const SLOW = 90_000;

describe('liaison calendar', () => {
  it(
    'prints a feed address alone on stdout, and says when it was made and last read',
    async () => {
      const tam = await f.buildUser({ roles: ['tam'], name: 'Cal Tam', email: 'cal@vendor.example' });
      expect((await liaison(['calendar', 'status'], as(tam.token))).stdout).toContain('No calendar feed');
      const made = await liaison(['calendar', 'url'], as(tam.token));
      expect(made.code).toBe(0);
      const feedUrl = made.stdout.trim();
      expect(feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/feeds\/lcf_[\w-]{43}\.ics$/);
      expect(made.stderr).toContain('From URL');
      const feed = await fetch(feedUrl);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('X-WR-CALNAME:Liaison — Cal Tam');
      expect((await liaison(['calendar', 'status'], as(tam.token))).stdout).toMatch(
        /^Calendar feed made 2026-03-02 09:00 UTC; last read 2026-03-02 09:00 UTC\.$/m,
      );
    },
    SLOW,
  );

  it(
    'makes a new address that ends the old one, and revokes it',
    async () => {
      const tam = await f.buildUser({ roles: ['tam'] });
      const first = (await tam.post<{ url: string }>('/api/v1/me/calendar-feed')).body.url;
      const second = await liaison(['calendar', 'url', '--json'], as(tam.token));
      const rotated = JSON.parse(second.stdout) as { url: string; replaced: boolean };
      expect(rotated.replaced).toBe(true);
      expect(await statusOf(first)).toBe(404);
      expect(await statusOf(rotated.url)).toBe(200);

      const revoked = await liaison(['calendar', 'revoke'], as(tam.token));
      expect(revoked).toMatchObject({ code: 0, stderr: '' });
      expect(await statusOf(rotated.url)).toBe(404);
      const again = await liaison(['calendar', 'revoke'], as(tam.token));
      expect(again.code).not.toBe(0);
      expect(again.stderr).toContain('no calendar feed');
    },
    SLOW,
  );

  it(
    'lets an admin revoke someone’s feed by e-mail, and nobody else',
    async () => {
      const tam = await f.buildUser({ roles: ['tam'], name: 'Lea Tam', email: 'lea@vendor.example' });
      const admin = await f.buildUser({ roles: ['admin'] });
      const feedUrl = (await tam.post<{ url: string }>('/api/v1/me/calendar-feed')).body.url;
      const other = await f.buildUser({ roles: ['tam'] });
      const refused = await liaison(['calendar', 'revoke', '--user', 'lea@vendor.example'], as(other.token));
      expect(refused.code).not.toBe(0);
      expect(await statusOf(feedUrl)).toBe(200);
      const done = await liaison(['calendar', 'revoke', '--user', 'lea@vendor.example'], as(admin.token));
      expect(done).toMatchObject({ code: 0, stdout: "Revoked Lea Tam's calendar feed.\n" });
      expect(await statusOf(feedUrl)).toBe(404);
    },
    SLOW,
  );
});
