import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-01-10T10:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

describe('account record with history', () => {
  it('returns each intermediate state with asOf and lists four history entries with the actor', async () => {
    app.setNow('2026-01-10T10:00:00.000Z');
    const created = await admin.post('/api/v1/accounts', {
      name: 'Acme Corp',
      segment: 'enterprise',
      region: 'emea',
      plan: 'premium',
      arr: 120_000,
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.version).toBe(1);

    const instants = ['2026-02-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z', '2026-04-01T10:00:00.000Z'];
    const arrs = [250_000, 510_000, 480_000];
    for (const [index, instant] of instants.entries()) {
      app.setNow(instant);
      const updated = await admin.patch(`/api/v1/accounts/${id}`, { arr: arrs[index], version: index + 1 });
      expect(updated.status).toBe(200);
      expect(updated.body.version).toBe(index + 2);
    }

    const cases = [
      ['2026-01-20T00:00:00.000Z', 120_000],
      ['2026-02-15T00:00:00.000Z', 250_000],
      ['2026-03-15T00:00:00.000Z', 510_000],
      ['2026-04-15T00:00:00.000Z', 480_000],
    ] as const;
    for (const [asOf, arr] of cases) {
      const response = await admin.get(`/api/v1/accounts/${id}?asOf=${asOf}`);
      expect(response.status).toBe(200);
      expect(response.body.arr).toBe(arr);
      expect(response.body.asOf).toBe(asOf);
    }
    const before = await admin.get(`/api/v1/accounts/${id}?asOf=2026-01-01T00:00:00.000Z`);
    expect(before.status).toBe(404);

    const history = await admin.get(`/api/v1/accounts/${id}/history?entityType=account`);
    expect(history.status).toBe(200);
    expect(history.body.items).toHaveLength(4);
    expect(history.body.items.map((entry: { operation: string }) => entry.operation)).toEqual([
      'update',
      'update',
      'update',
      'create',
    ]);
    expect(history.body.items[0].actor).toMatchObject({
      type: 'api_token',
      name: expect.stringContaining('Liaison Admin'),
    });
    expect(history.body.items[0].changes).toEqual([{ field: 'arr', before: 510_000, after: 480_000 }]);

    const diff = await admin.get(
      `/api/v1/accounts/${id}/diff?from=2026-01-20T00:00:00Z&to=2026-03-15T00:00:00Z`,
    );
    expect(diff.status).toBe(200);
    expect(diff.body.entities).toEqual([
      expect.objectContaining({
        entityType: 'account',
        change: 'changed',
        changes: [{ field: 'arr', before: 120_000, after: 510_000 }],
      }),
    ]);
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const { id } = await f.buildAccount({ name: 'Stale Inc', segment: 'smb', region: 'noram' });
    expect((await admin.patch(`/api/v1/accounts/${id}`, { arr: 1 }, { 'if-match': '"1"' })).status).toBe(200);
    const stale = await admin.patch(`/api/v1/accounts/${id}`, { arr: 2, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const missing = await admin.patch(`/api/v1/accounts/${id}`, { arr: 3 });
    expect(missing.status).toBe(428);
    const current = await admin.get(`/api/v1/accounts/${id}`);
    expect(current.body).toMatchObject({ arr: 1, version: 2 });
  });

  it('rejects a bad payload with 400 naming the fields, and writes nothing', async () => {
    const response = await admin.post('/api/v1/accounts', {
      name: '',
      segment: 'galactic',
      region: 'emea',
      arr: -5,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.details.map((detail: { path: string }) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.segment', 'body.arr']));
    expect(response.body.error.requestId).toEqual(expect.any(String));
    const list = await admin.get('/api/v1/accounts?q=galactic');
    expect(list.body.items).toHaveLength(0);
    const badPlan = await admin.post('/api/v1/accounts', {
      name: 'X',
      segment: 'smb',
      region: 'emea',
      plan: 'platinum',
    });
    expect(badPlan.status).toBe(400);
    expect(badPlan.body.error.details[0].path).toBe('body.plan');
  });

  it('lets a viewer read but not write (403), and refuses anonymous callers (401)', async () => {
    const viewer = await f.buildUser({ roles: ['viewer'] });
    const { id } = await f.buildAccount({ name: 'Read Only Ltd', segment: 'smb', region: 'apac' });
    expect((await viewer.get(`/api/v1/accounts/${id}`)).status).toBe(200);
    const write = await viewer.patch(`/api/v1/accounts/${id}`, { arr: 9, version: 1 });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('FORBIDDEN');
    expect(
      (await viewer.post('/api/v1/accounts', { name: 'Nope', segment: 'smb', region: 'apac' })).status,
    ).toBe(403);
    expect((await admin.get(`/api/v1/accounts/${id}`)).body.version).toBe(1);
    expect((await f.anonymous.get('/api/v1/accounts')).status).toBe(401);
    expect((await httpClient(app.http, 'lia_wrong').get('/api/v1/accounts')).status).toBe(401);
  });

  it('lets the account team edit, and only managers change the team', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const { id } = await f.buildAccount({ name: 'Team Co', segment: 'mid_market', region: 'latam' });
    expect((await tam.patch(`/api/v1/accounts/${id}`, { industry: 'Retail', version: 1 })).status).toBe(403);
    expect((await tam.post(`/api/v1/accounts/${id}/team`, { userId: tam.user.id, role: 'tam' })).status).toBe(
      403,
    );
    const assigned = await admin.post(`/api/v1/accounts/${id}/team`, { userId: tam.user.id, role: 'tam' });
    expect(assigned.status).toBe(201);
    const edit = await tam.patch(`/api/v1/accounts/${id}`, { industry: 'Retail', version: 1 });
    expect(edit.status).toBe(200);
    expect(edit.body.team).toEqual([
      expect.objectContaining({ userId: tam.user.id, role: 'tam', endsAt: null }),
    ]);
  });

  it('paginates with a cursor and filters by segment, region and name', async () => {
    for (let index = 0; index < 7; index++) {
      await f.buildAccount({
        name: `Paged ${index}`,
        segment: index % 2 === 0 ? 'enterprise' : 'smb',
        region: 'apac',
        arr: index * 1000,
      });
    }
    const first = await admin.get('/api/v1/accounts?q=paged&limit=3&sort=-arr');
    expect(first.body.items.map((account: { name: string }) => account.name)).toEqual([
      'Paged 6',
      'Paged 5',
      'Paged 4',
    ]);
    const second = await admin.get(
      `/api/v1/accounts?q=paged&limit=3&sort=-arr&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((account: { name: string }) => account.name)).toEqual([
      'Paged 3',
      'Paged 2',
      'Paged 1',
    ]);
    const third = await admin.get(
      `/api/v1/accounts?q=paged&limit=3&sort=-arr&cursor=${second.body.nextCursor}`,
    );
    expect(third.body.items).toHaveLength(1);
    expect(third.body.nextCursor).toBeNull();
    const enterprise = await admin.get('/api/v1/accounts?q=paged&segment=enterprise&region=apac');
    expect(enterprise.body.items).toHaveLength(4);
    expect((await admin.get('/api/v1/accounts?limit=101')).status).toBe(400);
    expect((await admin.get('/api/v1/accounts?cursor=garbage')).status).toBe(400);
  });

  it('filters by the stored assessment (tier, priority, health) and returns it with each item', async () => {
    const now = '2026-01-10T10:00:00.000Z';
    app.setNow(now);
    // Alpha and Gamma have a TAM (health is the TAM's scorecard); Beta has none: not scored.
    const tam = await f.buildUser({ roles: ['tam'] });
    const base = { segment: 'enterprise', region: 'noram', plan: 'premium', sentimentSetAt: now } as const;
    await f.buildAccount({
      name: 'Assessed Alpha',
      arr: 600_000,
      sentiment: 'green',
      ...base,
      team: { tam: tam.user },
    });
    await f.buildAccount({
      name: 'Assessed Beta',
      segment: 'smb',
      region: 'apac',
      plan: 'free',
      arr: 50_000,
    });
    await f.buildAccount({
      name: 'Assessed Gamma',
      arr: 300_000,
      sentiment: 'red',
      ...base,
      team: { tam: tam.user },
    });
    const names = async (filters: string) => {
      const response = await admin.get(`/api/v1/accounts?q=assessed&${filters}`);
      expect(response.status).toBe(200);
      return response.body.items.map((account: { name: string }) => account.name);
    };
    expect(await names('tier=tier1')).toEqual(['Assessed Alpha']);
    expect(await names('tier=digital')).toEqual(['Assessed Beta']);
    expect(await names('priority=pr1')).toEqual(['Assessed Gamma']);
    expect(await names('priority=pr4')).toEqual(['Assessed Beta']);
    expect(await names('health=red')).toEqual(['Assessed Gamma']);
    expect(await names('health=red&tier=tier2')).toEqual(['Assessed Gamma']);
    expect(await names('health=green&sort=-arr')).toEqual(['Assessed Alpha']);

    const listed = await admin.get('/api/v1/accounts?q=assessed%20alpha');
    expect(listed.body.items[0].assessment).toEqual(
      expect.objectContaining({ tier: 'tier1', priority: 'pr2', healthColour: 'green', overdueCount: 0 }),
    );
    expect((await admin.get('/api/v1/accounts?priority=pr9')).status).toBe(400);
    expect((await admin.get('/api/v1/accounts?health=blue')).status).toBe(400);
  });
});
