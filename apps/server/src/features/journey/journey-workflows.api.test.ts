import type { Workflow } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { act, ok, step } from './journey.test-helpers.ts';

// The other workflows (docs/journey.md): disengagement with its generated summary and the end of
// the TAM's assignment in the same write; the TAM-to-TAM handover; the SA/TAM overlap triggers.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

describe('workflows beyond the journey', async () => {
  const ae = await f.buildUser({ roles: ['ae'], name: 'Abe Exec', email: 'abe@vendor.example' });
  const tam = await f.buildUser({ roles: ['tam'], name: 'Tess Tam' });
  const other = await f.buildUser({ roles: ['tam'], name: 'Otto Tam' });
  const sa = await f.buildUser({ roles: ['sa'], name: 'Sia Architect' });
  const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mia Manager', region: 'emea' });

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
});
