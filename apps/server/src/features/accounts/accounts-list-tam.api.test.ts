import { describe, expect, it, vi } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-01-01T00:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);

async function user(name: string, roles: string[]) {
  const response = await admin.post('/api/v1/users', {
    name,
    email: `${name.toLowerCase()}@example.com`,
    roles,
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; name: string };
}

async function account(name: string) {
  const response = await admin.post('/api/v1/accounts', { name, segment: 'enterprise', region: 'emea' });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

async function assign(accountId: string, userId: string, role: string, startsAt: string) {
  const response = await admin.post(`/api/v1/accounts/${accountId}/team`, { userId, role, startsAt });
  expect(response.status).toBe(201);
  return response.body as { id: string; version: number };
}

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
    const acme = await account('Tamlist Acme');
    await account('Tamlist Bare');
    await assign(acme.id, sam.id, 'sa', '2026-01-01T00:00:00Z');
    const first = await assign(acme.id, ann.id, 'tam', '2026-01-01T00:00:00Z');
    // Bob is lined up to take over later: not the TAM yet.
    await assign(acme.id, bob.id, 'tam', '2026-04-01T00:00:00Z');

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
    const overlap = await account('Overlap GmbH');
    await assign(overlap.id, cara.id, 'tam', '2026-02-01T00:00:00Z');
    await assign(overlap.id, dan.id, 'tam', '2026-03-01T00:00:00Z');
    expect((await listed('Overlap GmbH'))[0]!.tam).toEqual({ userId: dan.id, name: 'Dan' });
  });

  it('reads a page of TAMs in the same statements whatever the page size (no query per row)', async () => {
    const eve = await user('Eve', ['tam']);
    for (let index = 0; index < 6; index++) {
      const created = await account(`Bulk ${index}`);
      await assign(created.id, eve.id, 'tam', '2026-01-01T00:00:00Z');
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
      await account('Tamfilter Kept'),
      await account('Tamfilter As SA'),
      await account('Tamfilter Ended'),
      await account('Tamfilter Bare'),
    ];
    await assign(kept.id, kim.id, 'tam', '2026-05-01T00:00:00Z');
    await assign(asSa.id, kim.id, 'sa', '2026-05-01T00:00:00Z');
    await assign(asSa.id, lou.id, 'tam', '2026-05-01T00:00:00Z');
    const old = await assign(ended.id, kim.id, 'tam', '2026-02-01T00:00:00Z');
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
