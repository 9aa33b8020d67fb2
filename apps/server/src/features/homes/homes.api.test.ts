import type { Home } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

// A home for every role (docs/homes.md): each section holds exactly what its rule selects from
// the book this file builds.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

async function ok<T = any>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

const home = (client: Client, query = '') => ok<Home>('home', client.get(`/api/v1/home${query}`));

const sal = await f.buildUser({ roles: ['sal'], name: 'Sally Leader' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect' });
const tam = await f.buildUser({ roles: ['tam'], name: 'Tina Tam' });
const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mel Manager', region: 'noram' });
const viewer = await f.buildUser({ roles: ['viewer'], name: 'Val Viewer' });

const inDays = (days: number) =>
  new Date(Date.parse('2026-03-02') + days * 86_400_000).toISOString().slice(0, 10);

/** A NORAM Enterprise customer of Sally's renewing in `days` (null: no renewal date). */
async function customer(name: string, arr: number, days: number | null, extra: Record<string, unknown> = {}) {
  return f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr,
    relationshipStage: 'customer',
    renewalDate: days === null ? null : inDays(days),
    team: { sal: sal.user, tam: tam.user },
    teamStartsAt: '2026-01-05T00:00:00Z',
    ...extra,
  });
}

const a = await customer('Alder Analytics', 100_000, 20);
const b = await customer('Birch Bank', 200_000, 50);
await customer('Cedar Cloud', 300_000, 100, { atRisk: true });
await customer('Dune Data', 50_000, 170);
await customer('Elm Energy', 400_000, 200);
// Elsewhere: another region, and a TAM-aligned customer nobody covers.
await f.buildAccount({
  name: 'Fjord Freight',
  region: 'emea',
  relationshipStage: 'customer',
  arr: 90_000,
  renewalDate: inDays(10),
});
const uncovered = await f.buildAccount({
  name: 'Grove Games',
  segment: 'enterprise',
  region: 'noram',
  plan: 'premium',
  arr: 600_000,
  relationshipStage: 'customer',
});
const lead = await f.buildAccount({
  name: 'Heath Health',
  region: 'noram',
  relationshipStage: 'lead',
  team: { sal: sal.user, sa: sa.user },
});
await ok(
  'pipeline 1',
  sal.post(`/api/v1/accounts/${a.id}/opportunities`, {
    name: 'Alder — more seats',
    type: 'growth',
    stage: 'proposal',
    closeDate: inDays(40),
    amount: 40_000,
  }),
);
await ok(
  'pipeline 2',
  sal.post(`/api/v1/accounts/${lead.id}/opportunities`, {
    name: 'Heath — platform',
    type: 'new_business',
    stage: 'discovery',
    closeDate: inDays(90),
    amount: 120_000,
  }),
);
await ok(
  'closed',
  sal.post(`/api/v1/accounts/${b.id}/opportunities`, {
    name: 'Birch — renewal',
    type: 'renewal',
    stage: 'closed_won',
    closeDate: inDays(-5),
    amount: 0,
  }),
);
await ok('journey', sal.post(`/api/v1/accounts/${lead.id}/workflows`, { kind: 'journey' }));
await ok(
  'task',
  sal.post('/api/v1/tasks', { title: 'Prepare the Alder renewal', accountId: a.id, dueOn: inDays(3) }),
);

describe('the SAL / AE home', () => {
  it('shows my accounts, renewals by window with ARR and their obligations, the open pipeline, accounts not green and my work', async () => {
    const mine = await home(sal);
    expect(mine.view).toBe('account_owner');
    expect(mine.views.map((v) => v.view)).toEqual(['account_owner', 'viewer']);
    expect(mine.myAccounts?.map((x) => x.name).sort()).toEqual(
      ['Alder Analytics', 'Birch Bank', 'Cedar Cloud', 'Dune Data', 'Elm Energy', 'Heath Health'].sort(),
    );
    expect(mine.renewals?.windows).toEqual([
      { days: 30, accounts: 1, arr: 100_000 },
      { days: 60, accounts: 2, arr: 300_000 },
      { days: 90, accounts: 2, arr: 300_000 },
      { days: 180, accounts: 4, arr: 650_000 },
    ]);
    expect(mine.renewals?.accounts.map((x) => [x.name, x.daysLeft])).toEqual([
      ['Alder Analytics', 20],
      ['Birch Bank', 50],
      ['Cedar Cloud', 100],
      ['Dune Data', 170],
    ]);
    // Alder renews in 20 days: its renewal review and conversation are owed already.
    expect(mine.renewals?.accounts[0]?.renewalObligations.map((o) => o.kind).sort()).toEqual([
      'renewal_conversation',
      'renewal_review',
    ]);
    expect(mine.pipeline?.byStage).toEqual([
      { stage: 'discovery', opportunities: 1, amount: 120_000 },
      { stage: 'proposal', opportunities: 1, amount: 40_000 },
    ]);
    expect(mine.pipeline?.byType.map((t) => [t.type, t.amount])).toEqual([
      ['growth', 40_000],
      ['new_business', 120_000],
    ]);
    expect(mine.pipeline?.open.map((o) => o.name)).toEqual(['Alder — more seats', 'Heath — platform']);
    // Not green: every account whose stored health is yellow or red, or that is at risk.
    const book = mine.myAccounts ?? [];
    const expected = book
      .filter((x) => x.health === 'yellow' || x.health === 'red' || x.atRisk)
      .map((x) => x.name)
      .sort();
    expect(expected).toContain('Cedar Cloud');
    expect(mine.notGreen?.map((x) => x.name).sort()).toEqual(expected);
    expect(mine.work?.map((item) => item.title)).toContain('Prepare the Alder renewal');
    expect(mine.book).toBeNull();
  });
});

describe('the SA home', () => {
  it('shows pre-sales accounts with their journey progress and the pipeline on them', async () => {
    const mine = await home(sa);
    expect(mine.view).toBe('sa');
    expect(mine.presales?.map((x) => [x.name, x.journey?.total, x.journey?.settled])).toEqual([
      ['Heath Health', 21, 0],
    ]);
    expect(mine.presales?.[0]?.journey?.current).toBeTruthy();
    expect(mine.pipeline?.open.map((o) => o.name)).toEqual(['Heath — platform']);
    expect(mine.handoffs).toEqual([]);
  });
});

describe('the TAM manager home', () => {
  it('reads the region: renewals, ARR by health and at risk, accounts needing a TAM', async () => {
    const mine = await home(manager);
    expect(mine).toMatchObject({ view: 'manager', region: 'noram' });
    expect(mine.renewals?.accounts.map((x) => x.name)).not.toContain('Fjord Freight'); // EMEA
    expect(mine.renewals?.windows.at(-1)).toEqual({ days: 180, accounts: 4, arr: 650_000 });
    const customers = [100_000, 200_000, 300_000, 50_000, 400_000, 600_000];
    expect(mine.arrAtRisk?.byHealth.reduce((sum, row) => sum + row.arr, 0)).toBe(
      customers.reduce((sum, arr) => sum + arr, 0),
    );
    expect(mine.arrAtRisk?.flagged.arr).toBeGreaterThanOrEqual(300_000); // Cedar is flagged
    expect(mine.needingTam?.map((x) => x.accountId)).toContain(uncovered.id);
  });

  it("opens a person's home read-only; others may not", async () => {
    const salsHome = await home(manager, `?userId=${sal.user.id}`);
    expect(salsHome).toMatchObject({ view: 'account_owner', readOnly: true, user: { name: 'Sally Leader' } });
    expect(salsHome.renewals).toEqual((await home(sal)).renewals);
    expect((await tam.get(`/api/v1/home?userId=${sal.user.id}`)).status).toBe(403);
  });
});

describe('the viewer home and the views a role allows', () => {
  it('gives viewers the book by tier, priority and health, and refuses views their role does not allow', async () => {
    const mine = await home(viewer);
    expect(mine.view).toBe('viewer');
    const all = (await ok('accounts', viewer.get('/api/v1/accounts?limit=100'))).items;
    expect(mine.book?.accounts).toBe(all.length);
    for (const group of [mine.book!.byTier, mine.book!.byPriority, mine.book!.byHealth])
      expect(group.reduce((sum, row) => sum + row.accounts, 0)).toBe(all.length);
    expect(mine.work).toBeNull();
    const refused = await viewer.get('/api/v1/home?view=manager');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await viewer.get('/api/v1/home?view=boss')).status).toBe(400);
    expect((await home(tam)).view).toBe('tam');
    expect((await home(sal, '?view=viewer')).book?.accounts).toBe(all.length);
  });
});
