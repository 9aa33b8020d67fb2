import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity, TaskListItem } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { factories } from '../../server/test/factories.ts';
import { createTestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// `liaison tasks` and `liaison users`, as a child process against the real app (harness.ts):
// the task list of docs/tasks.md typed by a person, people by e-mail.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const url = await listen(app);
const f = factories(app);
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-tasks-cli-'));
afterAll(() => fs.rmSync(configHome, { recursive: true, force: true }));

const as = (token: string) => ({
  env: { LIAISON_URL: url, LIAISON_TOKEN: token, XDG_CONFIG_HOME: configHome },
});

const tam = await f.buildUser({ roles: ['tam'], name: 'Tia Tam', email: 'tia@vendor.example' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect', email: 'sam@vendor.example' });

describe('liaison tasks', () => {
  it('lists my tasks soonest first, adds one for someone by e-mail, and ticks an action item off', async () => {
    const account = await f.buildAccount({ name: 'Lumen Freight', team: { tam: tam.user, sa: sa.user } });
    const activity = (
      await tam.post<Activity>(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Cadence call',
        actionItems: [
          { text: 'Send the sizing guide', ownerUserId: tam.user.id, dueDate: '2026-02-27' },
          { text: 'Book the HA review', ownerUserId: tam.user.id, dueDate: '2026-03-10' },
        ],
      })
    ).body;

    const added = await liaison(
      [
        'tasks',
        'add',
        'Review the runner fleet',
        '--account',
        'lumen',
        '--owner',
        'sam@vendor.example',
        '--due',
        '2026-03-05',
      ],
      as(tam.token),
    );
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toMatch(
      /^Added "Review the runner fleet" \(.+\) for Sam Architect, due 2026-03-05\.$/m,
    );

    const mine = await liaison(['tasks', 'list', '--source', 'action_item'], as(tam.token));
    expect(mine.code).toBe(0);
    const lines = mine.stdout.split('\n').filter((line) => line.includes('Lumen Freight'));
    expect(lines[0]).toMatch(
      /^2026-02-27 OVERDUE\s+Send the sizing guide\s+Lumen Freight\s+Tia Tam\s+action item/,
    );
    expect(lines[1]).toMatch(/^2026-03-10\s+Book the HA review/);

    const samsJson = await liaison(
      ['tasks', 'list', '--owner', 'sam@vendor.example', '--json'],
      as(tam.token),
    );
    const sams = JSON.parse(samsJson.stdout) as TaskListItem[];
    expect(sams.map((item) => item.title)).toContain('Review the runner fleet');

    const json = JSON.parse(
      (await liaison(['tasks', 'list', '--json'], as(tam.token))).stdout,
    ) as TaskListItem[];
    const sizing = json.find((item) => item.title === 'Send the sizing guide')!;
    const done = await liaison(['tasks', 'done', sizing.task!.id], as(tam.token));
    expect(done).toMatchObject({ code: 0, stdout: '"Send the sizing guide": done.\n' });
    const after = (await tam.get<Activity>(`/api/v1/activities/${activity.id}`)).body;
    expect(after.actionItems.map((item) => item.done)).toEqual([true, false]);
    const doneList = await liaison(['tasks', 'list', '--status', 'done'], as(tam.token));
    expect(doneList.stdout).toContain('Send the sizing guide');
  });

  it('refuses what it cannot resolve, with a clear message and a non-zero exit', async () => {
    const [badId, nobody, badDay] = await Promise.all([
      liaison(['tasks', 'done', 'not-an-id'], as(tam.token)),
      liaison(['tasks', 'add', 'Anything', '--owner', 'nobody@vendor.example'], as(tam.token)),
      liaison(['tasks', 'add', 'Anything', '--due', 'next week'], as(tam.token)),
    ]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('is not an id');
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('no user has the e-mail address nobody@vendor.example');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('expected a date');
  });
});

describe('liaison users list', () => {
  it('shows each person with the e-mail the other commands accept', async () => {
    const listed = await liaison(['users', 'list', '--role', 'tam'], as(sa.token));
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/Tia Tam\s+tia@vendor\.example\s+TAM\s/);
    expect(listed.stdout).not.toContain('sam@vendor.example');
  });
});
