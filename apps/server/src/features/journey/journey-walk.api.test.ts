import type { Workflow } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { ok, step } from './journey.test-helpers.ts';

// The walk: a lead created by an AE goes through all 21 steps of the responsibility
// matrix, each step's responsible person resolved from the team; closed-won starts the
// handoff and the Welcome call; the TAM accepts (docs/journey.md).

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

describe('the customer journey, walked from lead to closed-won', async () => {
  const ae = await f.buildUser({ roles: ['ae'], name: 'Ada Exec' });
  const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect' });
  const pse = await f.buildUser({ roles: ['pse'], name: 'Pat Engineer' });
  const tam = await f.buildUser({ roles: ['tam'], name: 'Tia Tam' });
  const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Max Manager', region: 'noram' });

  it('walks all 21 steps, resolving who is responsible from the team, then hands the account to the TAM', async () => {
    // A lead the AE creates; the manager puts the AE, the SA and the PSE on its team.
    const account = await ok(
      'create lead',
      ae.post('/api/v1/accounts', {
        name: 'Lumen Freight',
        segment: 'mid_market',
        region: 'noram',
        relationshipStage: 'lead',
        plan: 'premium',
        arr: 240_000,
      }),
    );
    for (const [user, role] of [
      [ae, 'ae'],
      [sa, 'sa'],
      [pse, 'pse'],
    ] as const)
      await ok('team', manager.post(`/api/v1/accounts/${account.id}/team`, { userId: user.user.id, role }));
    const contact = await ok(
      'contact',
      ae.post(`/api/v1/accounts/${account.id}/contacts`, { name: 'Cleo Customer' }),
    );
    const opportunity = await ok(
      'opportunity',
      ae.post(`/api/v1/accounts/${account.id}/opportunities`, {
        name: 'Lumen Freight — platform',
        type: 'new_business',
        stage: 'discovery',
        closeDate: '2026-06-30',
        amount: 240_000,
      }),
    );

    let workflow = await ok(
      'start',
      ae.post<Workflow>(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }),
    );
    expect(workflow.steps).toHaveLength(21);
    expect(step(workflow, '1')).toMatchObject({
      open: true,
      responsible: { role: 'account_owner', person: { name: 'Ada Exec' } },
    });
    expect(step(workflow, '2').open).toBe(false);

    const by: Record<string, Client> = { account_owner: ae, account_team: ae, sa, pse, tam };
    const done = async (id: string, extra: Record<string, unknown> = {}) => {
      const current = step(workflow, id);
      expect(current.open, `step ${id} is open`).toBe(true);
      const client = by[current.responsible.role]!;
      workflow = await ok(
        `step ${id}`,
        client.patch<Workflow>(`/api/v1/workflow-steps/${current.id}`, {
          state: 'done',
          version: current.version,
          ...extra,
        }),
      );
      expect(step(workflow, id).state).toBe('done');
    };
    const responsibleName = (id: string) => step(workflow, id).responsible.person?.name;

    for (const id of ['1', '2', '3', '4']) {
      expect(responsibleName(id)).toBe('Ada Exec');
      await done(id);
    }
    // The AE names the TAM engaged before the sale on the journey.
    const five = step(workflow, '5');
    workflow = await ok(
      'name tam',
      ae.patch<Workflow>(`/api/v1/workflow-steps/${five.id}`, {
        data: { tam_user_id: tam.user.id },
        version: five.version,
      }),
    );
    expect(workflow.context.tam).toEqual({ userId: tam.user.id, name: 'Tia Tam' });
    await done('5');
    expect(responsibleName('6')).toBe('Sam Architect');
    await done('6');
    await done('7');
    await done('8');

    // The blueprint is step 9's required output: done refuses without it.
    const nine = step(workflow, '9');
    const refused = await sa.patch(`/api/v1/workflow-steps/${nine.id}`, {
      state: 'done',
      version: nine.version,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('INVALID_STATE');
    // The gate: moving the opportunity to proposal leaves the blueprint behind.
    const gate = await ae.patch(`/api/v1/opportunities/${opportunity.id}`, {
      stage: 'proposal',
      version: opportunity.version,
    });
    expect(gate.status).toBe(422);
    expect(gate.body.error.code).toBe('GATE_BLOCKED');
    expect(gate.body.error.details).toEqual([
      { path: 'body.gateReason', message: 'step 9: Blueprint solution design diagram is missing' },
    ]);
    expect((await ae.get(`/api/v1/opportunities/${opportunity.id}`)).body.stage).toBe('discovery');

    await ok(
      'blueprint',
      sa.post(`/api/v1/accounts/${account.id}/artefacts`, {
        title: 'Lumen Freight solution blueprint',
        kind: 'blueprint',
        stepId: nine.id,
        file: {
          name: 'blueprint.txt',
          contentType: 'text/plain',
          base64: Buffer.from('HA pair, Geo secondary').toString('base64'),
        },
      }),
    );
    workflow = await ok('reload', ae.get<Workflow>(`/api/v1/workflows/${workflow.id}`));
    expect(step(workflow, '9').output).toMatchObject({ kind: 'blueprint', required: true, present: true });
    await done('9');
    await done('10');

    // Step 11: approval / sign-off by IE (PSE) and TAM; a sign-off by someone without the role is refused.
    const eleven = step(workflow, '11');
    expect(eleven.responsible.person?.name).toBe('Tia Tam');
    const wrongSigner = await sa.post(`/api/v1/workflow-steps/${eleven.id}/sign-offs`, { role: 'tam' });
    expect(wrongSigner.status).toBe(403);
    expect(wrongSigner.body.error.code).toBe('FORBIDDEN');
    await ok('pse signs', pse.post(`/api/v1/workflow-steps/${eleven.id}/sign-offs`, { role: 'pse' }));
    await ok('tam signs', tam.post(`/api/v1/workflow-steps/${eleven.id}/sign-offs`, { role: 'tam' }));
    workflow = await ok('reload', ae.get<Workflow>(`/api/v1/workflows/${workflow.id}`));
    expect(step(workflow, '11').signOff.complete).toBe(true);
    await done('11');
    expect(responsibleName('12')).toBe('Pat Engineer');
    await done('12');
    await done('13');
    await done('14');

    // Success criteria: a document signed by an accountable person on each side.
    const fifteen = step(workflow, '15');
    await ok(
      'criteria',
      ae.post(`/api/v1/accounts/${account.id}/artefacts`, {
        title: 'Success criteria',
        kind: 'success_criteria',
        stepId: fifteen.id,
        url: 'https://docs.example.com/lumen/criteria',
      }),
    );
    await ok(
      'ae signs',
      ae.post(`/api/v1/workflow-steps/${fifteen.id}/sign-offs`, { role: 'account_owner' }),
    );
    await ok(
      'customer signs',
      ae.post(`/api/v1/workflow-steps/${fifteen.id}/sign-offs`, { role: 'customer', contactId: contact.id }),
    );
    workflow = await ok('reload', ae.get<Workflow>(`/api/v1/workflows/${workflow.id}`));
    await done('15');
    await ok(
      'contract',
      ae.post(`/api/v1/accounts/${account.id}/artefacts`, {
        title: 'MSA and order form',
        kind: 'contract',
        stepId: step(workflow, '16').id,
        url: 'https://docs.example.com/lumen/msa',
      }),
    );
    workflow = await ok('reload', ae.get<Workflow>(`/api/v1/workflows/${workflow.id}`));
    await done('16');
    await done('17');
    expect(['18', '19', '20'].map((id) => step(workflow, id).open)).toEqual([false, false, false]);

    // Closed-won: the gate passes (every required output is there), steps 18–21 start, and the
    // Welcome call and the SA→TAM handoff start with the TAM engaged before the sale.
    const current = (await ae.get(`/api/v1/opportunities/${opportunity.id}`)).body;
    await ok(
      'won',
      ae.patch(`/api/v1/opportunities/${opportunity.id}`, { stage: 'closed_won', version: current.version }),
    );
    workflow = await ok('reload', ae.get<Workflow>(`/api/v1/workflows/${workflow.id}`));
    expect(['18', '19', '20'].map((id) => step(workflow, id).open)).toEqual([true, true, true]);
    expect(responsibleName('18')).toBe('Tia Tam');
    await done('18');
    await done('19');
    await done('20');
    await done('21');
    expect(workflow.status).toBe('completed');
    expect(workflow.progress).toMatchObject({ settled: 21, total: 21 });

    const journey = await ok('journey', ae.get(`/api/v1/accounts/${account.id}/journey`));
    const kinds = journey.workflows
      .filter((w: Workflow) => w.status === 'active')
      .map((w: Workflow) => w.kind)
      .sort();
    expect(kinds).toEqual(['sa_tam_handoff', 'welcome_call']);
    let handoff: Workflow = journey.workflows.find((w: Workflow) => w.kind === 'sa_tam_handoff');
    expect(step(handoff, 'align_tam').state).toBe('done');
    const review = step(handoff, 'general_account_review');
    expect(review.responsible.person?.name).toBe('Sam Architect');
    expect(review.form.find((field) => field.id === 'account_name')?.suggested).toBe('Lumen Freight');
    const act = async (client: Client, id: string, body: Record<string, unknown>) => {
      const row = step(handoff, id);
      handoff = await ok(
        id,
        client.patch<Workflow>(`/api/v1/workflow-steps/${row.id}`, { ...body, version: row.version }),
      );
    };
    await act(sa, 'general_account_review', {
      state: 'done',
      data: { account_name: 'Lumen Freight', why_they_bought: 'One platform for 40 teams' },
    });
    await act(sa, 'technical_handoff', {
      state: 'done',
      data: { pov_outcome: 'Successful', open_questions: ['Runner autoscaling'] },
    });
    const intro = await ok(
      'intro call',
      ae.post(`/api/v1/accounts/${account.id}/activities`, { kind: 'meeting', summary: 'TAM introduction' }),
    );
    await act(ae, 'tam_introduction', { state: 'done', activityId: intro.id });
    // Only the named TAM (or a manager) accepts; acceptance makes the TAM assignment effective.
    const acceptRow = step(handoff, 'accept');
    expect(
      (
        await sa.patch(`/api/v1/workflow-steps/${acceptRow.id}`, {
          state: 'done',
          version: acceptRow.version,
        })
      ).status,
    ).toBe(403);
    expect(
      (await ae.get(`/api/v1/accounts/${account.id}/team`)).body.items.some(
        (a: { role: string }) => a.role === 'tam',
      ),
    ).toBe(false);
    await act(tam, 'accept', { state: 'done' });
    expect(handoff.status).toBe('completed');
    const team = (await ae.get(`/api/v1/accounts/${account.id}/team`)).body.items;
    expect(team.map((a: { role: string; userName: string }) => `${a.role}:${a.userName}`).sort()).toEqual([
      'ae:Ada Exec',
      'pse:Pat Engineer',
      'sa:Sam Architect',
      'tam:Tia Tam',
    ]);
    const assessment = (await ae.get(`/api/v1/accounts/${account.id}/assessment`)).body;
    expect(assessment.tamAlignment.hasTam).toBe(true);
    // Everything is in the history, with its actor.
    const history = (
      await ae.get(`/api/v1/accounts/${account.id}/history?entityType=workflow_step&limit=100`)
    ).body.items;
    expect(history.length).toBeGreaterThan(21);
    expect(history.some((entry: { actor: { name: string } }) => entry.actor.name.startsWith('Tia Tam'))).toBe(
      true,
    );
  });
});
