import type { AccountTeam, Agenda, Task, TaskListItem, TeamMeeting } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

// The account team meeting (docs/meetings.md): teams grouped by owner and TAM, the agenda the
// rules select from the team's data, and a meeting recorded as activities and tasks.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

async function ok<T>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

const sal = await f.buildUser({ roles: ['sal'], name: 'Sally Leader' });
const otherSal = await f.buildUser({ roles: ['sal'], name: 'Simon Seller' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect' });
const tam = await f.buildUser({ roles: ['tam'], name: 'Tina Tam' });
const outsider = await f.buildUser({ roles: ['tam'], name: 'Olly Outsider' });
const viewer = await f.buildUser({ roles: ['viewer'] });

const customer = (name: string, owner = sal, extra: Record<string, unknown> = {}) =>
  f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr: 300_000,
    relationshipStage: 'customer',
    team: { sal: owner.user, tam: tam.user, sa: sa.user },
    teamStartsAt: '2026-01-05T00:00:00Z',
    ...extra,
  });

const alder = await customer('Alder Analytics', sal, { atRisk: true });
const birch = await customer('Birch Bank');
const cedar = await customer('Cedar Cloud', sal, { onboardingStartedAt: '2026-02-10T00:00:00Z' });
await customer('Dune Data', otherSal);
const growth = await ok<{ id: string }>(
  'growth',
  sal.post(`/api/v1/accounts/${birch.id}/opportunities`, {
    name: 'Birch — more seats',
    type: 'growth',
    stage: 'proposal',
    closeDate: '2026-04-30',
    amount: 60_000,
  }),
);
await ok(
  'won',
  sal.post(`/api/v1/accounts/${birch.id}/opportunities`, {
    name: 'Birch — last year',
    type: 'growth',
    stage: 'closed_won',
    closeDate: '2026-01-30',
    amount: 10_000,
  }),
);
const late = await ok<Task>(
  'late task',
  tam.post('/api/v1/tasks', { title: 'Send the HA guide', accountId: alder.id, dueOn: '2026-02-25' }),
);

async function teamOf(client: Client, ownerName: string): Promise<AccountTeam> {
  const teams = (await ok<{ items: AccountTeam[] }>('teams', client.get('/api/v1/account-teams'))).items;
  const team = teams.find((candidate) => candidate.owner?.name === ownerName);
  if (!team) throw new Error(`no team of ${ownerName}`);
  return team;
}

describe('account teams', () => {
  it('groups a TAM’s accounts by the SAL they share, with the SA and the cadence', async () => {
    const teams = (await ok<{ items: AccountTeam[] }>('teams', tam.get('/api/v1/account-teams'))).items;
    expect(teams.map((team) => [team.owner?.name, team.tam?.name, team.accounts.length]).sort()).toEqual([
      ['Sally Leader', 'Tina Tam', 3],
      ['Simon Seller', 'Tina Tam', 1],
    ]);
    const sally = teams.find((team) => team.owner?.name === 'Sally Leader')!;
    expect(sally.sas.map((member) => member.name)).toEqual(['Sam Architect']);
    expect(sally.cadence.intervalDays).toBe(14); // three accounts: fewer than six
    expect(sally).toMatchObject({ lastMeeting: null, nextOn: '2026-03-02' });
  });
});

describe('the agenda', () => {
  it('lists exactly what the rules select from the team’s data', async () => {
    const team = await teamOf(sal, 'Sally Leader');
    const agenda = await ok<Agenda>('agenda', sal.get(`/api/v1/account-teams/${team.key}/agenda`));
    const keys = (section: string) =>
      agenda.sections.find((candidate) => candidate.section === section)?.items.map((item) => item.key) ?? [];
    // Not green: each of the team's accounts whose stored assessment says yellow or red, or flagged.
    const expectedNotGreen: string[] = [];
    for (const account of [alder, birch, cedar]) {
      const assessment = (await sal.get(`/api/v1/accounts/${account.id}/assessment`)).body;
      const colour = assessment.health.colour;
      if (colour === 'yellow' || colour === 'red' || account.name === 'Alder Analytics')
        expectedNotGreen.push(`health:${account.id}`);
    }
    expect(keys('not_green').sort()).toEqual(expectedNotGreen.sort());
    expect(keys('growth')).toEqual([`opportunity:${growth.id}`]); // the won one is closed
    expect(keys('new_business')).toEqual([]);
    expect(keys('onboarding')).toEqual([`onboarding:${cedar.id}`]);
    expect(keys('overdue')).toContain(`task:${late.id}`);
    expect(
      agenda.sections.flatMap((section) => section.items).every((item) => item.accountName !== 'Dune Data'),
    ).toBe(true);
    expect(agenda.markdown).toMatch(
      /^# Account team meeting — 2026-03-02\n\nSAL Sally Leader · SA Sam Architect · TAM Tina Tam\n/,
    );
    expect(agenda.markdown).toContain(
      '## Growth, upgrade and renewal opportunities\n\n- **Birch Bank** — Birch — more seats: growth · proposal · $60,000 · closes 2026-04-30',
    );
  });

  it('is the team’s: others get 403, an unknown team 404', async () => {
    const team = await teamOf(sal, 'Sally Leader');
    expect((await outsider.get(`/api/v1/account-teams/${team.key}/agenda`)).status).toBe(403);
    expect((await viewer.get(`/api/v1/account-teams/${team.key}/agenda`)).status).toBe(403);
    expect((await sal.get(`/api/v1/account-teams/${outsider.user.id}~none/agenda`)).status).toBe(404);
    expect((await sal.get('/api/v1/account-teams/nonsense/agenda')).status).toBe(404);
  });
});

describe('a meeting held', () => {
  it('becomes a meeting on each account discussed with its action items as tasks; the next agenda carries what is open', async () => {
    const team = await teamOf(tam, 'Sally Leader');
    const agenda = await ok<Agenda>('agenda', tam.get(`/api/v1/account-teams/${team.key}/agenda`));
    const alderItem = agenda.sections
      .flatMap((s) => s.items)
      .find((item) => item.key === `health:${alder.id}`)!;
    const activitiesBefore = (await tam.get(`/api/v1/accounts/${birch.id}/activities`)).body.items.length;

    const refused = await tam.post(`/api/v1/account-teams/${team.key}/meetings`, {
      notes: [{ itemKey: 'health:not-on-the-agenda', text: 'x' }],
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await tam.get(`/api/v1/accounts/${birch.id}/activities`)).body.items.length).toBe(
      activitiesBefore,
    );

    const meeting = await ok<TeamMeeting>(
      'record',
      tam.post(`/api/v1/account-teams/${team.key}/meetings`, {
        notes: [
          { itemKey: alderItem.key, text: 'Exec sponsor left; Sally to meet the new VP.' },
          { itemKey: `opportunity:${growth.id}`, text: 'Pricing approved.' },
        ],
        decisions: ['Alder gets a weekly call until green'],
        actionItems: [
          {
            text: 'Meet the new VP at Alder',
            ownerUserId: sal.user.id,
            dueDate: '2026-03-09',
            accountId: alder.id,
          },
          {
            text: 'Send the Birch order form',
            ownerUserId: tam.user.id,
            dueDate: '2026-03-05',
            accountId: birch.id,
          },
          { text: 'Update the team territory sheet', ownerUserId: sa.user.id, dueDate: '2026-03-06' },
        ],
      }),
    );
    expect(meeting.activityIds).toHaveLength(2);
    expect(meeting.taskIds).toHaveLength(3);
    expect(meeting.markdown).toContain('  - Note: Exec sponsor left; Sally to meet the new VP.');
    expect(meeting.markdown).toContain('## Decisions\n\n- Alder gets a weekly call until green');

    const alderActivities = (await tam.get(`/api/v1/accounts/${alder.id}/activities`)).body.items;
    expect(alderActivities[0]).toMatchObject({
      kind: 'meeting',
      summary: 'Account team meeting',
      actionItems: [expect.objectContaining({ text: 'Meet the new VP at Alder', ownerUserId: sal.user.id })],
    });
    expect(alderActivities[0].notes).toContain('Exec sponsor left');
    const salTasks = (await ok<{ items: TaskListItem[] }>('tasks', sal.get('/api/v1/tasks?owner=me'))).items;
    expect(salTasks.map((item) => item.title)).toContain('Meet the new VP at Alder');
    const saTasks = (
      await ok<{ items: TaskListItem[] }>('tasks', sa.get('/api/v1/tasks?owner=me&source=meeting'))
    ).items;
    expect(saTasks.map((item) => [item.title, item.accountId])).toEqual([
      ['Update the team territory sheet', null],
    ]);

    // One is done before the next meeting; the other two carry over.
    const birchTask = (
      await ok<{ items: TaskListItem[] }>('tasks', tam.get(`/api/v1/tasks?accountId=${birch.id}`))
    ).items.find((item) => item.title === 'Send the Birch order form')!.task!;
    await ok(
      'done',
      tam.patch(`/api/v1/tasks/${birchTask.id}`, { status: 'done', version: birchTask.version }),
    );
    app.setNow('2026-03-09T09:00:00.000Z');
    const next = await ok<Agenda>('next agenda', tam.get(`/api/v1/account-teams/${team.key}/agenda`));
    expect(next.team.lastMeeting?.id).toBe(meeting.id);
    expect(next.since).toBe('2026-03-02T09:00:00.000Z');
    const carried = next.sections.find((s) => s.section === 'carried_over')?.items.map((item) => item.title);
    expect(carried?.sort()).toEqual(['Meet the new VP at Alder', 'Update the team territory sheet']);
    expect((await ok<TeamMeeting>('get', sal.get(`/api/v1/team-meetings/${meeting.id}`))).id).toBe(
      meeting.id,
    );
    expect((await outsider.get(`/api/v1/team-meetings/${meeting.id}`)).status).toBe(403);
    app.setNow('2026-03-02T09:00:00.000Z');
  });
});

describe('team keys that name no team', () => {
  it.each([
    '------------------------------------~none',
    'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz~none',
    'none~none',
    `${'a'.repeat(99)}`,
    '%00~none',
  ])('%s → 404, never a 500', async (key) => {
    const response = await sal.get(`/api/v1/account-teams/${encodeURIComponent(key)}/agenda`);
    expect([response.status, response.body.error?.code]).toEqual([404, 'NOT_FOUND']);
    const record = await sal.post(`/api/v1/account-teams/${encodeURIComponent(key)}/meetings`, {});
    expect(record.status).toBe(404);
  });
});
