import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workflow } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { factories } from '../../server/test/factories.ts';
import { createTestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// `liaison journey|handoff|disengage`, as a child process against the real app (see harness.ts):
// the flows of the journey API tests (apps/server/src/features/journey), typed by a person.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const url = await listen(app);
const f = factories(app);
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-journey-cli-'));
afterAll(() => fs.rmSync(configHome, { recursive: true, force: true }));

const as = (token: string) => ({
  env: { LIAISON_URL: url, LIAISON_TOKEN: token, XDG_CONFIG_HOME: configHome },
});

const ae = await f.buildUser({ roles: ['ae'], name: 'Ada Exec', email: 'ada@vendor.example' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect' });
const tam = await f.buildUser({ roles: ['tam'], name: 'Tia Tam', email: 'tia@vendor.example' });
await f.buildUser({ roles: ['tam_manager'], name: 'Max Manager', region: 'emea' });

describe('liaison journey', () => {
  it('starts the journey by account name, shows it as a table, advances the current step and skips one with a reason', async () => {
    const account = await f.buildAccount({
      name: 'Lumen Freight',
      segment: 'mid_market',
      relationshipStage: 'lead',
      team: { ae: ae.user, sa: sa.user },
    });
    const started = await liaison(['journey', 'start', 'lumen freight', 'journey'], as(ae.token));
    expect(started).toMatchObject({ code: 0, stderr: '' });
    expect(started.stdout).toContain('Started the ');
    expect(started.stdout).toMatch(/Current step: 1\. /);

    app.setNow('2026-03-03T09:00:00.000Z');
    const advanced = await liaison(['journey', 'advance', 'Lumen Freight'], as(ae.token));
    expect(advanced.code).toBe(0);
    expect(advanced.stdout).toMatch(/^Step 1 of the .*: done \(1\/21 settled; next: 2\. /);

    const skipped = await liaison(
      ['journey', 'skip', account.id, '2', '--reason', 'Met at a conference'],
      as(ae.token),
    );
    expect(skipped.stdout).toMatch(/^Step 2 of the .*: skipped \(2\/21 settled/);

    const [show, before, json] = await Promise.all([
      liaison(['journey', 'show', account.id], as(ae.token)),
      liaison(['journey', 'show', account.id, '--as-of', '2026-03-02T12:00:00Z', '--json'], as(ae.token)),
      liaison(['journey', 'show', 'Lumen Freight', '--workflow', 'journey', '--json'], as(ae.token)),
    ]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^Journey of Lumen Freight\n/);
    expect(show.stdout).toContain('step 2 skipped: Met at a conference');
    expect(show.stdout).toMatch(/STEP\s+ACTIVITY\s+STATE\s+RESPONSIBLE\s+DUE\s+OUTPUT/);
    expect(show.stdout).toMatch(/\n\s+1\s+.+\s+done\s+SAL\/AE: Ada Exec\s/);
    expect(show.stdout).toMatch(/\n\s+3\s+.+\s+open\s+SAL\/AE: Ada Exec\s+2026-03-\d\d/);
    expect(show.stdout).toMatch(/\n\s+9\s+.+\s+waiting\s+SA: Sam Architect\s+—\s+blueprint missing/);

    // As of the day before: step 1 was open, nothing settled.
    const then = JSON.parse(before.stdout);
    expect(then.asOf).toBe('2026-03-02T12:00:00.000Z');
    const stateOf = (workflow: Workflow, id: string) => workflow.steps.find((s) => s.stepId === id)?.state;
    expect([stateOf(then.workflows[0], '1'), stateOf(then.workflows[0], '2')]).toEqual([
      'not_started',
      'not_started',
    ]);
    const now = JSON.parse(json.stdout);
    expect(now.workflows.map((w: Workflow) => w.kind)).toEqual(['journey']);
    expect([stateOf(now.workflows[0], '1'), stateOf(now.workflows[0], '2')]).toEqual(['done', 'skipped']);
  });

  it('prints coded errors with a non-zero exit and changes nothing', async () => {
    await f.buildAccount({ name: 'Strict Inc', team: { ae: ae.user } });
    await liaison(['journey', 'start', 'Strict Inc', 'journey'], as(ae.token));
    const [notOpen, unknownStep, twice, noAccount, badKind, noHandoff, json] = await Promise.all([
      liaison(['journey', 'advance', 'Strict Inc', '9'], as(ae.token)),
      liaison(['journey', 'advance', 'Strict Inc', 'nope'], as(ae.token)),
      liaison(['journey', 'start', 'Strict Inc', 'journey'], as(ae.token)),
      liaison(['journey', 'show', 'No Such Account'], as(ae.token)),
      liaison(['journey', 'start', 'Strict Inc', 'onboarding'], as(ae.token)),
      liaison(['handoff', 'accept', 'Strict Inc'], as(ae.token)),
      liaison(['journey', 'advance', 'Strict Inc', '9', '--json'], as(ae.token)),
    ]);
    expect(notOpen.code).toBe(1);
    expect(notOpen.stderr).toMatch(/^error: INVALID_STATE: /);
    expect(unknownStep.code).toBe(2);
    expect(unknownStep.stderr).toMatch(/has no step "nope"; its steps: 1, 2, 3, .*, 21\n$/);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(
      /^error: ALREADY_EXISTS: A journey workflow is already running on Strict Inc/,
    );
    expect(noAccount).toMatchObject({
      code: 1,
      stderr: 'error: no account is named "No Such Account" (see "liaison accounts list")\n',
    });
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('expected one of journey, sa_tam_handoff');
    expect(noHandoff.code).toBe(1);
    expect(noHandoff.stderr).toMatch(/^error: no sa tam handoff workflow is running on Strict Inc/);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'INVALID_STATE', status: 422 });

    const shown = JSON.parse(
      (await liaison(['journey', 'show', 'Strict Inc', '--json'], as(ae.token))).stdout,
    );
    expect(shown.workflows).toHaveLength(1);
    expect(shown.workflows[0].progress.settled).toBe(0);
  });
});

describe('liaison handoff', () => {
  it('starts the SA→TAM handoff naming the TAM by e-mail; the TAM accepts and becomes the account’s TAM', async () => {
    const account = await f.buildAccount({
      name: 'Harbour Logistics',
      relationshipStage: 'customer',
      team: { ae: ae.user, sa: sa.user },
    });
    const started = await liaison(
      ['handoff', 'start', 'Harbour Logistics', '--tam', 'TIA@vendor.example'],
      as(sa.token),
    );
    expect(started).toMatchObject({ code: 0, stderr: '' });
    expect(started.stdout).toContain('TAM: Tia Tam.');

    const early = await liaison(['handoff', 'accept', 'Harbour Logistics'], as(tam.token));
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^error: INVALID_STATE: /);

    const handoff = ['--workflow', 'sa_tam_handoff'];
    const review = await liaison(
      [
        'journey',
        'advance',
        account.id,
        'general_account_review',
        ...handoff,
        '--data',
        'why_they_bought=One platform',
        '--confirm',
      ],
      as(sa.token),
    );
    expect(review.code, review.stderr).toBe(0);
    const technical = await liaison(
      [
        'journey',
        'advance',
        account.id,
        'technical_handoff',
        ...handoff,
        '--data',
        'pov_outcome=Successful',
        '--data',
        'open_questions=Runner autoscaling',
      ],
      as(sa.token),
    );
    expect(technical.code, technical.stderr).toBe(0);
    const meeting = await f.buildActivity(account, { kind: 'meeting', summary: 'TAM introduction' });
    const intro = await liaison(
      ['journey', 'advance', account.id, ...handoff, '--activity', meeting.id],
      as(ae.token),
    );
    expect(intro.stdout).toMatch(/^Step tam_introduction of the .*: done .*next: accept\. /);

    const accepted = await liaison(['handoff', 'accept', 'Harbour Logistics'], as(tam.token));
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toMatch(
      /^Step accept of the .*: done \(5\/5 settled; the .* is completed\)\.\n$/,
    );
    const team = (await ae.get(`/api/v1/accounts/${account.id}/team`)).body.items;
    expect(team.map((a: { role: string; userName: string }) => `${a.role}:${a.userName}`).sort()).toEqual([
      'ae:Ada Exec',
      'sa:Sam Architect',
      'tam:Tia Tam',
    ]);
    const steps = (await ae.get(`/api/v1/accounts/${account.id}/journey`)).body.workflows.find(
      (w: Workflow) => w.kind === 'sa_tam_handoff',
    ).steps;
    const field = (stepId: string, id: string) =>
      steps
        .find((s: { stepId: string }) => s.stepId === stepId)
        .form.find((candidate: { id: string }) => candidate.id === id).value;
    // --confirm took the meta-record's name as it was; --data set the rest, a list field as a list.
    expect(field('general_account_review', 'account_name')).toBe('Harbour Logistics');
    expect(field('general_account_review', 'why_they_bought')).toBe('One platform');
    expect(field('technical_handoff', 'open_questions')).toEqual(['Runner autoscaling']);
  });
});

describe('liaison disengage', () => {
  it('starts a disengagement, writes the generated summary to a file, and the last step ends the TAM’s assignment', async () => {
    const account = await f.buildAccount({
      name: 'Dwindle Ltd',
      segment: 'mid_market',
      plan: 'premium',
      arr: 60_000,
      relationshipStage: 'customer',
      team: { tam: tam.user, ae: ae.user },
      teamStartsAt: '2025-06-01T00:00:00Z',
    });
    const started = await liaison(
      ['disengage', 'start', 'Dwindle Ltd', '--note', 'Downgraded at renewal.'],
      as(tam.token),
    );
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toContain('Reason: below threshold downgrade.');
    const workflow = ['--workflow', 'disengagement'];
    expect((await liaison(['journey', 'advance', 'Dwindle Ltd', ...workflow], as(tam.token))).code).toBe(0);
    const meeting = await f.buildActivity(account, { kind: 'meeting', summary: 'The conversation' });
    const talk = await liaison(
      ['journey', 'advance', 'Dwindle Ltd', ...workflow, '--activity', meeting.id],
      as(tam.token),
    );
    expect(talk.code, talk.stderr).toBe(0);
    const options = await liaison(
      [
        'journey',
        'advance',
        'Dwindle Ltd',
        'options_reviewed',
        ...workflow,
        '--data',
        'features_lost=Dedicated TAM',
        '--data',
        'support=support.vendor.example, 24×5',
      ],
      as(tam.token),
    );
    expect(options.code, options.stderr).toBe(0);

    const out = path.join(configHome, 'summary.md');
    const [printed, written] = await Promise.all([
      liaison(['disengage', 'summary', 'Dwindle Ltd'], as(tam.token)),
      liaison(['disengage', 'summary', account.id, '--out', out], as(tam.token)),
    ]);
    expect(printed.stdout).toMatch(/^# Dwindle Ltd: your engagement with us from here\n/);
    expect(printed.stdout).toContain('- Dedicated TAM');
    expect(printed.stdout).toContain('Ada Exec, your Account Executive (ada@vendor.example)');
    expect(written).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `Wrote the follow-up summary to ${out}.\n`,
    });
    expect(fs.readFileSync(out, 'utf8')).toBe(printed.stdout);

    expect((await liaison(['journey', 'advance', 'Dwindle Ltd', ...workflow], as(tam.token))).code).toBe(0);
    const last = await liaison(['journey', 'advance', 'Dwindle Ltd', ...workflow, '--json'], as(tam.token));
    expect(JSON.parse(last.stdout)).toMatchObject({ kind: 'disengagement', status: 'completed' });
    const team = (await ae.get(`/api/v1/accounts/${account.id}/team`)).body.items;
    expect(team.map((a: { role: string }) => a.role)).toEqual(['ae']);
    // The summary of the finished disengagement is still there.
    expect((await liaison(['disengage', 'summary', 'Dwindle Ltd'], as(tam.token))).stdout).toContain(
      'Dwindle Ltd',
    );
  });
});
