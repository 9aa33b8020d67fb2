import type { CreateAccountRequest } from '@liaison/contracts';
import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

const tam = await f.buildUser({
  name: 'Tara Tam',
  email: 'tara@example.com',
  roles: ['tam'],
  region: 'noram',
});

/** A premium Enterprise customer with Tara as its TAM since 5 January. */
async function managedAccount(name: string, arr: number, extra: Partial<CreateAccountRequest> = {}) {
  return f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr,
    relationshipStage: 'customer',
    ...extra,
    team: { tam: tam.user },
    teamStartsAt: '2026-01-05T00:00:00Z',
  });
}

const cadenceOf = (assessment: { obligations: { kind: string; dueDate: string; status: string }[] }) =>
  assessment.obligations.find((obligation) => obligation.kind === 'cadence')!;

describe('assessments, always fresh and explained', () => {
  it('computes tier, priority, health and obligations, each with an explanation', async () => {
    const account = await managedAccount('Explained Corp', 500_000);
    const response = await admin.get(`/api/v1/accounts/${account.id}/assessment`);
    expect(response.status).toBe(200);
    const assessment = response.body;
    expect(assessment.engagementTier).toMatchObject({ tier: 'tier1', accountsPerTam: 5 });
    expect(assessment.engagementTier.explanation.path.length).toBeGreaterThan(0);
    expect(assessment.tamAlignment).toMatchObject({ eligible: true, hasTam: true, needsTam: false });
    expect(assessment.gemstone.gemstone).toBe('pearl'); // > $250k, not > $500k: strict (docs/playbook.md)
    expect(assessment.priority.priority).toBe('pr1'); // no sentiment, nothing logged, no plan: health red → at risk
    expect(assessment.priority.model).toBe('us_enterprise');
    for (const value of [
      assessment.priority,
      assessment.health,
      assessment.gemstone,
      ...assessment.obligations,
    ]) {
      expect(value.explanation).toMatchObject({
        ruleId: expect.any(String),
        path: expect.any(Array),
        inputs: expect.any(Object),
      });
    }
  });

  it('moves the cadence due date and the worklist in the same response cycle when a call is logged', async () => {
    const account = await managedAccount('Cadence Inc', 300_000, { sentiment: 'green' });
    const before = cadenceOf((await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body);
    // Pr2: every 60 days from the TAM's assignment on 5 January.
    expect(before).toMatchObject({ dueDate: '2026-03-06', status: 'due_soon' });
    const worklistBefore = (await admin.get(`/api/v1/worklist?owner=${tam.user.id}`)).body.items;
    expect(worklistBefore).toContainEqual(
      expect.objectContaining({ accountId: account.id, kind: 'cadence', status: 'due_soon' }),
    );

    const logged = await admin.post(`/api/v1/accounts/${account.id}/activities`, {
      kind: 'cadence_call',
      summary: 'Monthly cadence call',
      occurredAt: '2026-03-02T08:00:00Z',
    });
    expect(logged.status).toBe(201);
    const after = cadenceOf((await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body);
    expect(after).toMatchObject({ dueDate: '2026-05-01', status: 'ok' });
    const worklistAfter = (await admin.get(`/api/v1/worklist?owner=${tam.user.id}`)).body.items;
    expect(
      worklistAfter.filter(
        (item: { accountId: string; kind: string }) =>
          item.accountId === account.id && item.kind === 'cadence',
      ),
    ).toEqual([]);
    const portfolio = (await admin.get(`/api/v1/portfolio?owner=${tam.user.id}`)).body;
    expect(
      portfolio.items.find((item: { accountId: string }) => item.accountId === account.id),
    ).toMatchObject({
      tier: 'tier2',
      priority: 'pr2',
    });
  });

  it('shows a red sentiment in health, priority and a triage obligation at once', async () => {
    const account = await managedAccount('Red Flag Ltd', 260_000, { sentiment: 'green' });
    const before = (await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(before.priority.priority).toBe('pr2');
    expect(before.triage).toBeNull();
    const updated = await admin.patch(`/api/v1/accounts/${account.id}`, {
      sentiment: 'red',
      sentimentReason: 'Champion left; evaluating a competitor',
      version: 1,
    });
    expect(updated.status).toBe(200);
    const after = (await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(after.health.colour).toBe('red');
    expect(after.health.explanation.path.join(' ')).toMatch(/red/i);
    expect(after.priority).toMatchObject({ priority: 'pr1', atRisk: true });
    expect(after.priority.explanation.path.join(' ')).toMatch(/risk/i);
    expect(after.triage).toMatchObject({ kind: 'triage_update' });
    const portfolio = (await admin.get(`/api/v1/portfolio?owner=${tam.user.id}`)).body;
    expect(
      portfolio.items.find((item: { accountId: string }) => item.accountId === account.id),
    ).toMatchObject({
      healthColour: 'red',
      priority: 'pr1',
    });
  });

  it('explains the past: the assessment of the record as it was at an earlier instant', async () => {
    const account = await managedAccount('Time Travel AG', 120_000);
    app.setNow('2026-03-20T09:00:00.000Z');
    await admin.patch(`/api/v1/accounts/${account.id}`, { arr: 520_000, version: 1 });
    const then = (await admin.get(`/api/v1/accounts/${account.id}/assessment?at=2026-03-10T00:00:00Z`)).body;
    expect(then.engagementTier.tier).toBe('tier3');
    expect(then.evaluatedAt).toBe('2026-03-10T00:00:00.000Z');
    const now = (await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(now.engagementTier.tier).toBe('tier1');
    app.setNow('2026-03-02T09:00:00.000Z');
  });

  it('sums capacity load from the tiers of a TAM’s accounts', async () => {
    const portfolio = (await admin.get(`/api/v1/portfolio?owner=${tam.user.id}`)).body;
    const expected = portfolio.items.reduce(
      (sum: number, item: { capacityShare: number }) => sum + item.capacityShare,
      0,
    );
    expect(portfolio.capacity.load).toBeCloseTo(expected, 4);
    expect(portfolio.capacity.accounts).toBe(portfolio.items.length);
  });
});

describe('the playbook', () => {
  it('dry-runs a candidate that raises tier 1 to $600k and lists exactly the accounts that move', async () => {
    await managedAccount('Just Under Six', 599_999);
    await managedAccount('Exactly Six', 600_000);
    const candidate = structuredClone(defaultPlaybook) as typeof defaultPlaybook & {
      tiers: { minArr: number }[];
    };
    candidate.tiers[0]!.minArr = 600_000;
    const response = await admin.post('/api/v1/playbook/dry-run', { playbook: candidate });
    expect(response.status).toBe(200);
    const moved = response.body.changes
      .filter((change: { changes: { field: string }[] }) =>
        change.changes.some((c) => c.field === 'engagementTier'),
      )
      .map((change: { accountName: string }) => change.accountName)
      .sort();
    // Tier 1 accounts between $500k and $600k drop to tier 2; everything else stays.
    const accounts = (await admin.get('/api/v1/accounts?limit=100')).body.items as {
      name: string;
      arr: number;
    }[];
    const expected = accounts
      .filter((a) => a.arr >= 500_000 && a.arr < 600_000)
      .map((a) => a.name)
      .sort();
    expect(moved).toEqual(expected);
    expect(moved).toContain('Just Under Six');
    expect(moved).not.toContain('Exactly Six');
    expect((await admin.get('/api/v1/playbook')).body.version).toBe(0);
  });

  it('refuses an invalid playbook with precise messages, and a non-admin with 403', async () => {
    const candidate = structuredClone(defaultPlaybook) as typeof defaultPlaybook & {
      tiers: { minArr: number }[];
    };
    candidate.tiers[1]!.minArr = 900_000;
    const invalid = await admin.put('/api/v1/playbook', { playbook: candidate, version: 0 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toMatch(/^body\.playbook\.tiers/);
    const validation = (await admin.post('/api/v1/playbook/validate', { playbook: candidate })).body;
    expect(validation.valid).toBe(false);

    // A valid change an admin could apply: the viewer is refused for who they are, not for what they send.
    const raised = structuredClone(defaultPlaybook) as typeof candidate;
    raised.tiers[0]!.minArr = 600_000;
    expect((await admin.post('/api/v1/playbook/validate', { playbook: raised })).body.valid).toBe(true);
    const versionsBefore = (await admin.get('/api/v1/playbook/versions')).body.items;
    const viewer = await f.buildUser({ roles: ['viewer'], password: 'long enough pw' });
    const refused = await f.anonymous.put(
      '/api/v1/playbook',
      { playbook: raised, version: 0 },
      { cookie: viewer.cookie! },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    const current = (await admin.get('/api/v1/playbook')).body;
    expect(current.version).toBe(0);
    expect(current.playbook.tiers[0].minArr).toBe(defaultPlaybook.tiers[0]!.minArr);
    expect((await admin.get('/api/v1/playbook/versions')).body.items).toEqual(versionsBefore);
  });

  it('applies a new version that changes the stored assessments', async () => {
    const account = await managedAccount('Applied Co', 550_000);
    expect(
      (await admin.get(`/api/v1/portfolio?owner=${tam.user.id}`)).body.items.find(
        (i: { accountId: string }) => i.accountId === account.id,
      ).tier,
    ).toBe('tier1');
    const candidate = structuredClone(defaultPlaybook) as typeof defaultPlaybook & {
      tiers: { minArr: number }[];
    };
    candidate.tiers[0]!.minArr = 600_000;
    const applied = await admin.put('/api/v1/playbook', {
      playbook: candidate,
      note: 'Raise tier 1',
      version: 0,
    });
    expect(applied.status).toBe(200);
    expect(applied.body.version).toBe(1);
    const stale = await admin.put('/api/v1/playbook', { playbook: candidate, version: 0 });
    expect(stale.status).toBe(409);
    const portfolio = (await admin.get(`/api/v1/portfolio?owner=${tam.user.id}`)).body;
    expect(portfolio.items.find((i: { accountId: string }) => i.accountId === account.id).tier).toBe('tier2');
  });
});

describe('whole-book reassessment', () => {
  it('walks the book in slices until the cursor runs out, for managers only', async () => {
    let cursor: string | null = null;
    let seen = 0;
    let total = 0;
    do {
      const response: { status: number; body: any } = await admin.post('/api/v1/assessments/reassess', {
        cursor,
        limit: 3,
      });
      expect(response.status).toBe(200);
      seen += response.body.accounts;
      total = response.body.total;
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toBe(total);
    expect(total).toBeGreaterThan(3);
    const asTam = await tam.post('/api/v1/assessments/reassess', {});
    expect(asTam.status).toBe(403);
  });
});
