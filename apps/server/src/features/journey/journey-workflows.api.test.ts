import type { Workflow, WorkflowStep } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

// The other workflows (docs/journey.md): disengagement with its generated summary and the end of
// the TAM's assignment in the same write; the TAM-to-TAM handover; the SA/TAM overlap triggers;
// the as-of view, the overview and the list of steps a person owes.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

const step = (workflow: Workflow, id: string): WorkflowStep => workflow.steps.find((s) => s.stepId === id)!;

async function ok<T = any>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function act(
  client: Client,
  workflow: Workflow,
  id: string,
  body: Record<string, unknown>,
): Promise<Workflow> {
  const row = step(workflow, id);
  return ok(
    `${workflow.kind} ${id}`,
    client.patch(`/api/v1/workflow-steps/${row.id}`, { ...body, version: row.version }),
  );
}

describe('workflows beyond the journey', async () => {
  const ae = await f.buildUser({ roles: ['ae'], name: 'Abe Exec', email: 'abe@vendor.example' });
  const tam = await f.buildUser({ roles: ['tam'], name: 'Tess Tam' });
  const other = await f.buildUser({ roles: ['tam'], name: 'Otto Tam' });
  const sa = await f.buildUser({ roles: ['sa'], name: 'Sia Architect' });
  const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mia Manager', region: 'emea' });
  const viewer = await f.buildUser({ roles: ['viewer'] });

  it('disengages: the summary is written from the account, and the last step ends the TAM’s assignment with priority and obligations following', async () => {
    // Premium at $60,000 with a TAM: below the $100,000 alignment threshold, a disengagement candidate.
    const account = await f.buildAccount({
      name: 'Dwindle Ltd',
      segment: 'mid_market',
      plan: 'premium',
      arr: 60_000,
      relationshipStage: 'customer',
      team: { tam: tam.user, ae: ae.user },
      teamStartsAt: '2025-06-01T00:00:00Z',
    });
    const before = (await tam.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(before.tamAlignment.disengagementCandidate).toBe(true);
    expect(before.obligations.length).toBeGreaterThan(0);

    const journey = (await tam.get(`/api/v1/accounts/${account.id}/journey`)).body;
    expect(journey.disengagementCandidate).toBe(true);
    expect(journey.canStart).toContain('disengagement');
    let workflow = await ok<Workflow>(
      'start',
      tam.post(`/api/v1/accounts/${account.id}/workflows`, {
        kind: 'disengagement',
        note: 'Downgraded at renewal.',
      }),
    );
    expect(workflow.context.reason).toBe('below_threshold_downgrade');
    expect(step(workflow, 'talk_with_manager').accountable?.person?.name).toBe('Mia Manager');

    workflow = await act(tam, workflow, 'talk_with_manager', { state: 'done' });
    // The conversation is a logged meeting: done without one is refused, and nothing changes.
    const refused = await tam.patch(`/api/v1/workflow-steps/${step(workflow, 'customer_conversation').id}`, {
      state: 'done',
      version: step(workflow, 'customer_conversation').version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      { path: 'body.activityId', message: 'link the logged meeting (activityId)' },
    ]);
    const meeting = await ok(
      'meeting',
      tam.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'meeting',
        summary: 'Disengagement conversation with Abe',
      }),
    );
    workflow = await act(tam, workflow, 'customer_conversation', { state: 'done', activityId: meeting.id });
    workflow = await act(tam, workflow, 'options_reviewed', {
      state: 'done',
      data: {
        features_lost: ['Dedicated TAM', 'Quarterly roadmap reviews'],
        support: 'support.vendor.example, 24×5',
      },
    });

    const summary = await ok<{ markdown: string }>(
      'summary',
      tam.get(`/api/v1/workflows/${workflow.id}/summary`),
    );
    expect(summary.markdown).toContain('# Dwindle Ltd: your engagement with us from here');
    expect(summary.markdown).toContain('After the recent downgrade');
    expect(summary.markdown).toContain('Downgraded at renewal.');
    expect(summary.markdown).toContain('Abe Exec, your Account Executive (abe@vendor.example)');
    expect(summary.markdown).toContain('- Dedicated TAM');
    expect(summary.markdown).toContain('support.vendor.example, 24×5');
    expect(summary.markdown).toContain('$60,000');

    workflow = await act(tam, workflow, 'follow_up_summary', { state: 'done' });
    workflow = await act(tam, workflow, 'end_engagement', { state: 'done' });
    expect(workflow.status).toBe('completed');
    const team = (await tam.get(`/api/v1/accounts/${account.id}/team`)).body.items;
    expect(team.map((a: { role: string }) => a.role)).toEqual(['ae']);
    const after = (await tam.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(after.tamAlignment).toMatchObject({ hasTam: false, disengagementCandidate: false });
    expect(after.obligations).toEqual([]);
    const history = (await tam.get(`/api/v1/accounts/${account.id}/history?entityType=team_assignment`)).body
      .items;
    expect(history[0]).toMatchObject({ operation: 'update', actor: { type: 'api_token' } });
  });

  it('hands the account from one TAM to another in the handover’s last step, which only a manager takes', async () => {
    const account = await f.buildAccount({
      name: 'Handy plc',
      team: { tam: tam.user },
      teamStartsAt: '2025-06-01T00:00:00Z',
    });
    const missing = await manager.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'tam_handover' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('body.tamUserId');
    const notTam = await manager.post(`/api/v1/accounts/${account.id}/workflows`, {
      kind: 'tam_handover',
      tamUserId: sa.user.id,
    });
    expect(notTam.status).toBe(422);
    let workflow = await ok<Workflow>(
      'start',
      manager.post(`/api/v1/accounts/${account.id}/workflows`, {
        kind: 'tam_handover',
        tamUserId: other.user.id,
      }),
    );
    const twice = await manager.post(`/api/v1/accounts/${account.id}/workflows`, {
      kind: 'tam_handover',
      tamUserId: other.user.id,
    });
    expect(twice.status).toBe(409);
    expect(step(workflow, 'review').responsible.person?.name).toBe('Tess Tam');
    const missingNotes = await tam.patch(`/api/v1/workflow-steps/${step(workflow, 'review').id}`, {
      state: 'done',
      version: step(workflow, 'review').version,
    });
    expect(missingNotes.status).toBe(422);
    expect(missingNotes.body.error.details[0].path).toBe('body.data.notes');
    workflow = await act(tam, workflow, 'review', {
      state: 'done',
      data: { notes: 'Champion is Dana; renewal in June.' },
    });
    workflow = await act(tam, workflow, 'introduction', {
      state: 'skipped',
      skipReason: 'Introduced by e-mail',
    });
    const byTam = await tam.patch(`/api/v1/workflow-steps/${step(workflow, 'handover').id}`, {
      state: 'done',
      version: step(workflow, 'handover').version,
    });
    expect(byTam.status).toBe(403);
    const skip = await manager.patch(`/api/v1/workflow-steps/${step(workflow, 'handover').id}`, {
      state: 'skipped',
      skipReason: 'x',
      version: step(workflow, 'handover').version,
    });
    expect(skip.status).toBe(422);
    workflow = await act(manager, workflow, 'handover', { state: 'done' });
    expect(workflow.status).toBe('completed');
    const team = (await manager.get(`/api/v1/accounts/${account.id}/team?all=true`)).body.items;
    const tams = team.filter((a: { role: string }) => a.role === 'tam');
    expect(tams.map((a: { userName: string; endsAt: string | null }) => [a.userName, a.endsAt])).toEqual([
      ['Tess Tam', '2026-03-02T09:00:00.000Z'],
      ['Otto Tam', null],
    ]);
  });

  it('brings the SA back in on a licence expansion of a customer, a step on the SA’s list visible to the TAM', async () => {
    const account = await f.buildAccount({
      name: 'Grower GmbH',
      relationshipStage: 'customer',
      team: { tam: tam.user, sa: sa.user },
    });
    await ok(
      'growth',
      tam.post(`/api/v1/accounts/${account.id}/opportunities`, {
        name: 'More seats',
        type: 'growth',
        stage: 'scoping',
        closeDate: '2026-09-30',
      }),
    );
    const journey = (await tam.get(`/api/v1/accounts/${account.id}/journey`)).body;
    const overlap: Workflow = journey.workflows.find((w: Workflow) => w.kind === 'sa_overlap');
    expect(overlap.context.reason).toBe('licence_expansion');
    expect(step(overlap, 'assist')).toMatchObject({
      open: true,
      responsible: { person: { name: 'Sia Architect' } },
    });
    expect(step(overlap, 'assist').consulted.map((c) => c.person?.name)).toContain('Tess Tam');
    const mine = (await sa.get('/api/v1/workflow-steps?responsible=me&open=true')).body.items;
    expect(
      mine.map((item: { accountName: string; stepId: string }) => `${item.accountName}:${item.stepId}`),
    ).toContain('Grower GmbH:assist');
  });

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
