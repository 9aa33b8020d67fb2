import type { Workflow } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { ok, step } from './journey.test-helpers.ts';

// What the journey refuses and records (docs/journey.md, Gates and As of): bad input changes
// nothing, blocking gates, gates passed with a reason, the as-of view, the managers' overview,
// and a template change in the playbook's dry run.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

describe('what the journey refuses and records', async () => {
  const ae = await f.buildUser({ roles: ['ae'], name: 'Abe Exec', email: 'abe@vendor.example' });
  const tam = await f.buildUser({ roles: ['tam'], name: 'Tess Tam' });
  const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mia Manager', region: 'emea' });
  const viewer = await f.buildUser({ roles: ['viewer'] });

  it('refuses bad input with a coded error and changes nothing', async () => {
    const account = await f.buildAccount({ name: 'Strict Inc', team: { tam: tam.user } });
    const workflow = await ok<Workflow>(
      'start',
      tam.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }),
    );
    const one = step(workflow, '1');
    const unknownStep = await tam.patch('/api/v1/workflow-steps/00000000-0000-4000-8000-000000000000', {
      state: 'done',
      version: 1,
    });
    expect([unknownStep.status, unknownStep.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const stale = await tam.patch(`/api/v1/workflow-steps/${one.id}`, {
      state: 'done',
      version: one.version - 1,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'VERSION_CONFLICT']);
    const notYet = await tam.patch(`/api/v1/workflow-steps/${step(workflow, '2').id}`, {
      state: 'done',
      version: step(workflow, '2').version,
    });
    expect([notYet.status, notYet.body.error.code]).toEqual([422, 'INVALID_STATE']);
    const noReason = await tam.patch(`/api/v1/workflow-steps/${one.id}`, {
      state: 'skipped',
      version: one.version,
    });
    expect(noReason.body.error.details[0].path).toBe('body.skipReason');
    const unknownField = await tam.patch(`/api/v1/workflow-steps/${one.id}`, {
      data: { nonsense: 'x' },
      version: one.version,
    });
    expect([unknownField.status, unknownField.body.error.details[0].path]).toEqual([
      400,
      'body.data.nonsense',
    ]);
    const foreignActivity = await f.buildActivity(await f.buildAccount());
    const foreign = await tam.patch(`/api/v1/workflow-steps/${one.id}`, {
      activityId: foreignActivity.id,
      version: one.version,
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([422, 'INVALID_REFERENCE']);
    const signAsTam = await tam.post(`/api/v1/workflow-steps/${one.id}/sign-offs`, { role: 'tam' });
    expect([signAsTam.status, signAsTam.body.error.details[0].path]).toEqual([400, 'body.role']);
    const byViewer = await viewer.patch(`/api/v1/workflow-steps/${one.id}`, {
      state: 'in_progress',
      version: one.version,
    });
    expect(byViewer.status).toBe(403);
    const bothSources = await tam.post(`/api/v1/accounts/${account.id}/artefacts`, {
      title: 'x',
      kind: 'other',
      url: 'https://a.example/x',
      file: { name: 'a', contentType: 'text/plain', base64: 'eA==' },
    });
    expect(bothSources.status).toBe(400);
    const unchanged = await ok<Workflow>('reload', tam.get(`/api/v1/workflows/${workflow.id}`));
    expect(unchanged).toEqual(workflow);
  });

  it('blocks a stage jump past missing outputs when the playbook says so', async () => {
    const current = (await manager.get('/api/v1/playbook')).body;
    const playbook = { ...current.playbook, journey: { ...current.playbook.journey, gates: 'block' } };
    const admin = f.admin;
    await ok(
      'apply',
      admin.put('/api/v1/playbook', { playbook, note: 'Gates block', version: current.version }),
    );
    try {
      const account = await f.buildAccount({
        name: 'Gated SA',
        relationshipStage: 'opportunity',
        team: { ae: ae.user },
      });
      await ok('journey', ae.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }));
      const opportunity = await ok(
        'opp',
        ae.post(`/api/v1/accounts/${account.id}/opportunities`, {
          name: 'New',
          type: 'new_business',
          stage: 'scoping',
          closeDate: '2026-08-01',
        }),
      );
      const jump = await ae.patch(`/api/v1/opportunities/${opportunity.id}`, {
        stage: 'negotiating',
        gateReason: 'Customer in a hurry',
        version: opportunity.version,
      });
      expect([jump.status, jump.body.error.code]).toEqual([422, 'GATE_BLOCKED']);
      expect(jump.body.error.details.map((d: { message: string }) => d.message)).toEqual([
        'step 9: Blueprint solution design diagram is missing',
        'step 11: Approval / signoff by IE and TAM is missing',
      ]);
      expect((await ae.get(`/api/v1/opportunities/${opportunity.id}`)).body.stage).toBe('scoping');
    } finally {
      const latest = (await admin.get('/api/v1/playbook')).body;
      await ok(
        'restore',
        admin.put('/api/v1/playbook', { playbook: current.playbook, note: 'Back', version: latest.version }),
      );
    }
  });

  it('passes a gate with a reason, recorded on the journey; shows the journey as of an earlier instant; counts steps for managers', async () => {
    const account = await f.buildAccount({
      name: 'Reasoned BV',
      region: 'emea',
      relationshipStage: 'opportunity',
      team: { ae: ae.user },
    });
    const started = await ok<Workflow>(
      'journey',
      ae.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }),
    );
    app.setNow('2026-03-03T09:00:00.000Z');
    const opportunity = await ok(
      'opp',
      ae.post(`/api/v1/accounts/${account.id}/opportunities`, {
        name: 'New',
        type: 'new_business',
        stage: 'proposal',
        closeDate: '2026-08-01',
        gateReason: 'Imported mid-cycle from the CRM',
      }),
    );
    expect(opportunity.stage).toBe('proposal');
    const journey = (await ae.get(`/api/v1/accounts/${account.id}/journey`)).body;
    const workflow: Workflow = journey.workflows[0];
    expect(workflow.gateOverrides).toEqual([
      {
        stage: 'proposal',
        reason: 'Imported mid-cycle from the CRM',
        steps: ['9'],
        at: '2026-03-03T09:00:00.000Z',
        by: expect.stringContaining('Abe Exec'),
      },
    ]);
    // Reaching proposal opens what the stage starts (steps 5–7 by their stage).
    expect(['5', '6', '7'].map((id) => step(workflow, id).open)).toEqual([true, true, true]);
    const asOf = (await ae.get(`/api/v1/accounts/${account.id}/journey?asOf=2026-03-02T12:00:00.000Z`)).body;
    expect(asOf.asOf).toBe('2026-03-02T12:00:00.000Z');
    expect(asOf.workflows[0].gateOverrides).toEqual([]);
    expect(['1', '5'].map((id) => step(asOf.workflows[0], id).open)).toEqual([true, false]);
    expect(step(asOf.workflows[0], '1').version).toBe(step(started, '1').version);

    app.setNow('2026-03-20T09:00:00.000Z');
    const overview = (await manager.get('/api/v1/journey/overview?region=emea')).body;
    const journeyRow = overview.workflows.find((w: { kind: string }) => w.kind === 'journey');
    expect(journeyRow.running).toBeGreaterThanOrEqual(1);
    expect(journeyRow.steps.find((s: { stepId: string }) => s.stepId === '1')).toMatchObject({
      open: expect.any(Number),
      overdue: expect.any(Number),
    });
    expect(
      overview.overdueSteps.some(
        (s: { accountName: string; stepId: string }) => s.accountName === 'Reasoned BV' && s.stepId === '1',
      ),
    ).toBe(true);
    expect((await ae.get('/api/v1/journey/overview')).status).toBe(403);
  });
});

describe('a template change in the dry run', () => {
  it('serves the templates in force, the 21-step journey among them', async () => {
    const served = await ok('templates', f.admin.get('/api/v1/workflow-templates'));
    expect(served.templates.map((t: { kind: string }) => t.kind).sort()).toEqual([
      'disengagement',
      'journey',
      'sa_overlap',
      'sa_tam_handoff',
      'tam_handover',
      'welcome_call',
    ]);
    const journey = served.templates.find((t: { kind: string }) => t.kind === 'journey');
    expect(journey.steps).toHaveLength(21);
    expect(served).toMatchObject({ gates: 'ask_reason', playbookVersion: expect.any(Number) });
  });

  it('lists the steps it changes and the accounts running the workflow, which keep their template', async () => {
    const account = await f.buildAccount({ name: 'Dry Run Corp' });
    await ok('journey', f.admin.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }));
    const current = (await f.admin.get('/api/v1/playbook')).body.playbook;
    const journey = current.journey.templates.find((t: { kind: string }) => t.kind === 'journey');
    const changed = {
      ...current,
      journey: {
        ...current.journey,
        templates: current.journey.templates.map((t: { kind: string }) =>
          t.kind === 'journey'
            ? {
                ...journey,
                steps: journey.steps.map((s: { id: string; dueDays: number }) =>
                  s.id === '9' ? { ...s, dueDays: 21 } : s,
                ),
              }
            : t,
        ),
      },
    };
    const dryRun = await ok('dry run', f.admin.post('/api/v1/playbook/dry-run', { playbook: changed }));
    expect(dryRun.workflows).toHaveLength(1);
    expect(dryRun.workflows[0]).toMatchObject({
      kind: 'journey',
      stepsAdded: [],
      stepsRemoved: [],
      stepsChanged: ['9'],
    });
    expect(dryRun.workflows[0].accounts.map((a: { accountName: string }) => a.accountName)).toContain(
      'Dry Run Corp',
    );
    expect(dryRun.workflows[0].running).toBeGreaterThanOrEqual(1);
  });
});
