import type { StaffRole } from '@liaison/contracts';
import { describe, expect, it, vi } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-01-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

const user = async (name: string, roles: StaffRole[]) => (await f.buildUser({ name, roles })).user;

async function listed(q: string) {
  const response = await admin.get(`/api/v1/accounts?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return response.body.items as { name: string; tam: { userId: string; name: string } | null }[];
}

describe('the accounts list shows the current TAM', () => {
  it('names the TAM, follows a handover, and ignores other roles and future assignments', async () => {
    const [ann, bob, sam] = [
      await user('Ann', ['tam']),
      await user('Bob', ['tam']),
      await user('Sam', ['sa']),
    ];
    const acme = await f.buildAccount({ name: 'Tamlist Acme' });
    await f.buildAccount({ name: 'Tamlist Bare' });
    await f.assign(acme, sam, 'sa', { startsAt: '2026-01-01T00:00:00Z' });
    const first = await f.assign(acme, ann, 'tam', { startsAt: '2026-01-01T00:00:00Z' });
    // Bob is lined up to take over later: not the TAM yet.
    await f.assign(acme, bob, 'tam', { startsAt: '2026-04-01T00:00:00Z' });

    expect(await listed('Tamlist')).toEqual([
      expect.objectContaining({ name: 'Tamlist Acme', tam: { userId: ann.id, name: 'Ann' } }),
      expect.objectContaining({ name: 'Tamlist Bare', tam: null }),
    ]);

    // The handover: Ann's assignment ends the day Bob's starts.
    app.setNow('2026-04-10T00:00:00.000Z');
    const ended = await admin.patch(`/api/v1/team-assignments/${first.id}`, {
      endsAt: '2026-04-01T00:00:00Z',
      version: first.version,
    });
    expect(ended.status).toBe(200);
    const [acmeRow] = await listed('Tamlist Acme');
    expect(acmeRow!.tam).toEqual({ userId: bob.id, name: 'Bob' });
  });

  it('resolves overlapping TAM assignments to the latest to start', async () => {
    app.setNow('2026-05-01T00:00:00.000Z');
    const [cara, dan] = [await user('Cara', ['tam']), await user('Dan', ['tam'])];
    const overlap = await f.buildAccount({ name: 'Overlap GmbH' });
    await f.assign(overlap, cara, 'tam', { startsAt: '2026-02-01T00:00:00Z' });
    await f.assign(overlap, dan, 'tam', { startsAt: '2026-03-01T00:00:00Z' });
    expect((await listed('Overlap GmbH'))[0]!.tam).toEqual({ userId: dan.id, name: 'Dan' });
  });

  it('reads a page of TAMs in the same statements whatever the page size (no query per row)', async () => {
    const eve = await user('Eve', ['tam']);
    for (let index = 0; index < 6; index++) {
      const created = await f.buildAccount({ name: `Bulk ${index}` });
      await f.assign(created, eve, 'tam', { startsAt: '2026-01-01T00:00:00Z' });
    }
    await admin.get('/api/v1/accounts?q=Bulk'); // refresh the stale assessments first
    const statements = async (limit: number) => {
      const spy = vi.spyOn(app.database.pool, 'query');
      try {
        const response = await admin.get(`/api/v1/accounts?q=Bulk&limit=${limit}`);
        expect(response.body.items).toHaveLength(limit);
        expect(response.body.items.every((item: { tam: unknown }) => item.tam !== null)).toBe(true);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const one = await statements(1);
    expect(one).toBeGreaterThan(0);
    expect(await statements(6)).toBe(one);
  });
});

describe('the accounts list filtered by TAM', () => {
  it('keeps the accounts a user is TAM of now, or those with no TAM now', async () => {
    app.setNow('2026-06-01T00:00:00.000Z');
    const [kim, lou] = [await user('Kim', ['tam', 'sa']), await user('Lou', ['tam'])];
    const [kept, asSa, ended, bare] = [
      await f.buildAccount({ name: 'Tamfilter Kept' }),
      await f.buildAccount({ name: 'Tamfilter As SA' }),
      await f.buildAccount({ name: 'Tamfilter Ended' }),
      await f.buildAccount({ name: 'Tamfilter Bare' }),
    ];
    await f.assign(kept, kim, 'tam', { startsAt: '2026-05-01T00:00:00Z' });
    await f.assign(asSa, kim, 'sa', { startsAt: '2026-05-01T00:00:00Z' });
    await f.assign(asSa, lou, 'tam', { startsAt: '2026-05-01T00:00:00Z' });
    const old = await f.assign(ended, kim, 'tam', { startsAt: '2026-02-01T00:00:00Z' });
    await admin.patch(`/api/v1/team-assignments/${old.id}`, {
      endsAt: '2026-03-01T00:00:00Z',
      version: old.version,
    });
    expect(bare.id).toBeTruthy();

    const names = async (tam: string) =>
      ((await admin.get(`/api/v1/accounts?q=Tamfilter&tam=${tam}`)).body.items as { name: string }[]).map(
        (item) => item.name,
      );
    expect(await names(kim.id)).toEqual(['Tamfilter Kept']);
    expect(await names(lou.id)).toEqual(['Tamfilter As SA']);
    expect(await names('none')).toEqual(['Tamfilter Bare', 'Tamfilter Ended']);
    expect((await admin.get('/api/v1/accounts?tam=somebody')).status).toBe(400);
  });
});
