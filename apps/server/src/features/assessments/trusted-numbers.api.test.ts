import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { importCsv } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// docs/playbook.md (At risk; Health; Obligations; readings 33–38) over HTTP, on real PostgreSQL.
const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

const previousDefaults = (
  await import('../../../../../docs/playbook-previous-defaults.json', { with: { type: 'json' } })
).default;

describe('numbers a TAM can trust', () => {
  it('importing 1,000 accounts without TAMs yields no red health and no obligation', async () => {
    const header = 'Name,Segment__c,Region__c,Plan__c,ARR__c,Licensed_Users__c,TAM_Sentiment__c';
    const lines = Array.from(
      { length: 1_000 },
      (_, i) =>
        `Imported ${i},Enterprise,NORAM,premium,${100_000 + i * 1_000},${200 + i},${i % 3 === 0 ? 'Red' : ''}`,
    );
    const job = await importCsv(app, 'accounts', [header, ...lines].join('\n'), {
      query: { fileName: 'book.csv' },
    });
    expect(job.status).toBe('completed');
    expect(job.accountsAssessed).toBe(1_000);
    const { rows } = await app.database.pool.query<{ red: number; owed: number; unscored: number }>(
      `SELECT count(*) FILTER (WHERE s.health_colour = 'red')::int AS red,
              count(*) FILTER (WHERE jsonb_array_length(s.document -> 'obligations') > 0)::int AS owed,
              count(*) FILTER (WHERE s.health_colour IS NULL)::int AS unscored
       FROM account_assessments s JOIN accounts a ON a.id = s.account_id WHERE a.name LIKE 'Imported %'`,
    );
    expect(rows[0]).toEqual({ red: 0, owed: 0, unscored: 1_000 });
    const one = (await admin.get('/api/v1/accounts?q=Imported%2017&limit=1')).body.items[0];
    const assessment = (await admin.get(`/api/v1/accounts/${one.id}/assessment`)).body;
    expect(assessment.health).toMatchObject({ score: null, colour: null });
    expect(assessment.priority).toMatchObject({ provisional: true, atRisk: false });
    expect(assessment.obligations).toEqual([]);
  });

  it('requires triage: a yellow account is at risk only with it, set and cleared with history', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const account = await f.buildAccount({
      segment: 'enterprise',
      region: 'noram',
      plan: 'premium',
      arr: 300_000,
      sentiment: 'yellow',
      team: { tam: tam.user },
      // A TAM of ten days: recency and the success plan wait (TAM grace), the sentiment decides.
      teamStartsAt: '2026-02-20T00:00:00.000Z',
    });
    const before = (await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(before.health.colour).toBe('yellow');
    expect(before.priority.atRisk).toBe(false);
    const current = (await admin.get(`/api/v1/accounts/${account.id}`)).body;
    const flagged = await tam.patch(`/api/v1/accounts/${account.id}`, {
      requiresTriage: true,
      version: current.version,
    });
    expect(flagged.status).toBe(200);
    expect(flagged.body.requiresTriage).toBe(true);
    const after = (await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(after.priority).toMatchObject({ atRisk: true, priority: 'pr1' });
    expect(after.priority.explanation.path.join(' | ')).toContain(
      'at risk? yes (health yellow, requires triage)',
    );
    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=account`)).body.items;
    expect(history[0].changes).toContainEqual({ field: 'requiresTriage', before: false, after: true });
    expect(history[0].actor).toMatchObject({ id: tam.user.id });
  });

  it('an objective leaving green dates the success plan: due 30 days later, not from onboarding', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    app.setNow('2026-03-02T09:00:00.000Z');
    const account = await f.buildAccount({
      segment: 'enterprise',
      region: 'noram',
      plan: 'premium',
      arr: 300_000,
      sentiment: 'green',
      atRisk: true,
      onboardingStartedAt: '2022-01-10T00:00:00.000Z',
      onboardingCompletedAt: '2022-03-01T00:00:00.000Z',
      team: { tam: tam.user },
      teamStartsAt: '2023-01-01T00:00:00.000Z',
    });
    await f.buildSuccessPlan(account, { status: 'active' });
    const objectives = [];
    for (let i = 0; i < 3; i++) objectives.push(await f.buildObjective(account, { status: 'green' }));
    app.setNow('2026-04-01T09:00:00.000Z');
    const changed = await admin.patch(`/api/v1/objectives/${objectives[2]!.id}`, {
      status: 'yellow',
      version: objectives[2]!.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.statusChangedAt).toBe('2026-04-01T09:00:00.000Z');
    app.setNow('2026-05-10T09:00:00.000Z');
    const assessment = (await admin.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    const plan = assessment.obligations.find((o: { kind: string }) => o.kind === 'success_plan');
    expect(plan).toMatchObject({ dueDate: '2026-05-01', status: 'overdue', fulfilled: false });
    expect(plan.explanation.path.join(' | ')).toContain('objective');
  });

  it('a dry run of the previous defaults lists exactly the accounts whose values differ', async () => {
    app.setNow('2026-05-10T09:00:00.000Z');
    const ids: string[] = (await admin.get('/api/v1/accounts?limit=100&q=Account')).body.items.map(
      (item: { id: string }) => item.id,
    );
    const now = async () =>
      Object.fromEntries(
        await Promise.all(
          ids.map(async (id) => {
            const a = (await admin.get(`/api/v1/accounts/${id}/assessment`)).body;
            return [
              id,
              JSON.stringify([
                a.engagementTier.tier,
                a.priority.priority,
                a.health.colour,
                a.health.score,
                a.obligations.map(
                  (o: { kind: string; dueDate: string; status: string; fulfilled: boolean }) => [
                    o.kind,
                    o.dueDate,
                    o.status,
                    o.fulfilled,
                  ],
                ),
              ]),
            ];
          }),
        ),
      );
    const underNew = await now();
    const dry = (await admin.post('/api/v1/playbook/dry-run', { playbook: previousDefaults })).body;
    const version = (await admin.get('/api/v1/playbook')).body.version;
    expect((await admin.put('/api/v1/playbook', { playbook: previousDefaults, version })).status).toBe(200);
    const underOld = await now();
    const differ = ids.filter((id) => underNew[id] !== underOld[id]);
    const listed = dry.changes
      .map((change: { accountId: string }) => change.accountId)
      .filter((id: string) => ids.includes(id));
    expect(differ.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(differ.sort());
    // Back to the defaults for any later test.
    const back = (await admin.get('/api/v1/playbook')).body.version;
    await admin.put('/api/v1/playbook', { playbook: defaultPlaybook, version: back });
  });
});
