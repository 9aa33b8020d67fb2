import type { Activity, Task, TaskListItem } from '@liaison/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { derivedUuid } from '../../demo/demo-random.ts';
import { tasksStore } from './tasks.store.ts';

// One task list (docs/tasks.md): action items are tasks kept in step with their activity both
// ways; a person's list joins the journey steps and obligations they owe, in one order, paged.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);

async function ok<T = any>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}

async function list(client: Client, query: string): Promise<TaskListItem[]> {
  return (await ok<{ items: TaskListItem[] }>('list', client.get(`/api/v1/tasks?${query}`))).items;
}

const tam = await f.buildUser({ roles: ['tam'], name: 'Tove Tam' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Saul Architect' });
const other = await f.buildUser({ roles: ['tam'], name: 'Olga Tam' });
const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mona Manager' });
const viewer = await f.buildUser({ roles: ['viewer'], name: 'Vic Viewer' });

/** A premium customer with Tove as TAM since January and Saul as SA; one customer contact. */
async function customer(name: string) {
  const account = await f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr: 300_000,
    relationshipStage: 'customer',
    team: { tam: tam.user, sa: sa.user },
    teamStartsAt: '2026-01-05T00:00:00Z',
  });
  const contact = await f.buildContact(account, { name: 'Cora Customer' });
  return { account, contact };
}

describe('action items are tasks', () => {
  it('turns a call’s three action items into three tasks, and a tick on the list into a tick on the activity', async () => {
    const { account, contact } = await customer('Action Items Inc');
    const activity = await ok<Activity>(
      'log',
      tam.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Monthly cadence call',
        occurredAt: '2026-03-02T08:00:00Z',
        actionItems: [
          { text: 'Send the runner sizing guide', ownerUserId: tam.user.id, dueDate: '2026-03-06' },
          { text: 'Review the HA architecture', ownerUserId: sa.user.id, dueDate: '2026-03-12' },
          { text: 'Share the upgrade window', ownerContactId: contact.id, dueDate: '2026-03-09' },
        ],
      }),
    );
    expect(activity.actionItems.every((item) => typeof item.id === 'string')).toBe(true);

    const onAccount = await list(tam, `accountId=${account.id}&source=action_item`);
    expect(onAccount.map((item) => [item.title, item.owner?.kind, item.owner?.name, item.dueOn])).toEqual([
      ['Send the runner sizing guide', 'staff', 'Tove Tam', '2026-03-06'],
      ['Share the upgrade window', 'contact', 'Cora Customer', '2026-03-09'],
      ['Review the HA architecture', 'staff', 'Saul Architect', '2026-03-12'],
    ]);
    expect((await list(sa, 'owner=me&source=action_item')).map((item) => item.title)).toEqual([
      'Review the HA architecture',
    ]);
    expect((await list(tam, `contactId=${contact.id}`)).map((item) => item.title)).toEqual([
      'Share the upgrade window',
    ]);

    // The SA ticks theirs off on the list: the activity says so too, and both are in the history.
    const review = onAccount.find((item) => item.title.startsWith('Review'))!.task!;
    const done = await ok<Task>(
      'done',
      sa.patch(`/api/v1/tasks/${review.id}`, { status: 'done', version: review.version }),
    );
    expect(done).toMatchObject({ status: 'done', completedBy: 'Saul Architect', source: 'action_item' });
    const after = await ok<Activity>('activity', tam.get(`/api/v1/activities/${activity.id}`));
    expect(after.actionItems.find((item) => item.id === review.actionItemId)?.done).toBe(true);
    expect(after.version).toBe(activity.version + 1);
    expect((await list(sa, 'owner=me&source=action_item')).length).toBe(0);
    expect((await list(sa, 'owner=me&source=action_item&status=done')).map((item) => item.title)).toEqual([
      'Review the HA architecture',
    ]);
    const history = (await ok('history', tam.get(`/api/v1/accounts/${account.id}/history?limit=20`))).items;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityType: 'task',
          entityId: review.id,
          operation: 'update',
          actor: expect.objectContaining({ name: expect.stringContaining('Saul Architect') }),
        }),
        expect.objectContaining({ entityType: 'activity', entityId: activity.id, operation: 'update' }),
      ]),
    );
  });

  it('keeps the tasks in step when the activity is edited or deleted', async () => {
    const { account } = await customer('Edited Calls Ltd');
    const activity = await ok<Activity>(
      'log',
      tam.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Cadence call',
        actionItems: [
          { text: 'First', ownerUserId: tam.user.id },
          { text: 'Second', ownerUserId: tam.user.id },
        ],
      }),
    );
    const [first, second] = activity.actionItems;
    const tasksBefore = await list(tam, `accountId=${account.id}`);
    const firstTask = tasksBefore.find((item) => item.title === 'First')!.task!;

    const edited = await ok<Activity>(
      'edit',
      tam.patch(`/api/v1/activities/${activity.id}`, {
        version: activity.version,
        actionItems: [
          { ...first, text: 'First, reworded', dueDate: '2026-03-20', done: true },
          { text: 'Third', ownerUserId: other.user.id },
        ],
      }),
    );
    expect(edited.actionItems[0]!.id).toBe(first!.id);
    const all = (await list(tam, `accountId=${account.id}&status=done`)).concat(
      await list(tam, `accountId=${account.id}&status=cancelled`),
      await list(tam, `accountId=${account.id}`),
    );
    expect(all.map((item) => [item.title, item.status, item.owner?.name])).toEqual([
      ['First, reworded', 'done', 'Tove Tam'],
      ['Second', 'cancelled', 'Tove Tam'],
      ['Third', 'open', 'Olga Tam'],
    ]);
    expect(all[0]!.task!.id).toBe(firstTask.id);
    expect(all[1]!.task!.actionItemId).toBe(second!.id);

    const deleted = await tam.delete(`/api/v1/activities/${activity.id}`, {
      'if-match': String(edited.version),
    });
    expect(deleted.status).toBe(204);
    expect(await list(tam, `accountId=${account.id}`)).toEqual([]);
  });
});

describe('one list for one person', () => {
  it('puts the journey steps and the obligations a person owes beside their tasks, overdue first, in pages', async () => {
    const { account } = await customer('Whole Week GmbH');
    await ok(
      'overdue task',
      tam.post('/api/v1/tasks', { title: 'Chase the PO', accountId: account.id, dueOn: '2026-02-20' }),
    );
    await ok(
      'undated task',
      tam.post('/api/v1/tasks', { title: 'Read the release notes', accountId: account.id }),
    );
    await ok(
      'later task',
      tam.post('/api/v1/tasks', { title: 'Plan the EBR deck', accountId: account.id, dueOn: '2026-03-25' }),
    );
    await ok(
      'call',
      tam.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Call',
        occurredAt: '2026-02-02T10:00:00Z',
        actionItems: [{ text: 'Send the notes', ownerUserId: tam.user.id, dueDate: '2026-03-03' }],
      }),
    );
    await ok(
      'overlap',
      tam.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'sa_overlap', reason: 'new_evaluation' }),
    );

    const mine = await list(tam, `owner=me&accountId=${account.id}&limit=100`);
    expect(mine.map((item) => item.title)).toEqual(
      expect.arrayContaining([
        'Chase the PO',
        'Send the notes',
        'Plan the EBR deck',
        'Read the release notes',
      ]),
    );
    // Soonest first, so the overdue ones lead; the undated task is last.
    const days = mine.map((item) => item.dueOn ?? '9999-12-31');
    expect(days).toEqual([...days].sort());
    const current = mine.findIndex((item) => !item.overdue);
    expect(mine.slice(0, current).every((item) => item.overdue)).toBe(true);
    expect(mine.slice(current).some((item) => item.overdue)).toBe(false);
    expect(mine.at(-1)?.title).toBe('Read the release notes');
    expect(mine.some((item) => item.source === 'obligation')).toBe(true);
    // The SA's overlap step is on the SA's list, read from the journey, not copied.
    const saList = await list(sa, 'owner=me&limit=100');
    expect(saList).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'workflow_step', accountName: 'Whole Week GmbH', task: null }),
      ]),
    );

    // Pages of two stitch into the whole list.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: TaskListItem[]; nextCursor: string | null } = await ok(
        'page',
        tam.get(`/api/v1/tasks?owner=me&accountId=${account.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`),
      );
      paged.push(...page.items.map((item) => item.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(mine.map((item) => item.key));

    const dueSoon = await list(tam, 'owner=me&dueAfter=2026-03-01&dueBefore=2026-03-31&source=manual');
    expect(dueSoon.map((item) => item.title)).toEqual(['Plan the EBR deck']);
  });

  it('snoozes a task off the overdue list until the day it comes back', async () => {
    // Two overdue tasks of this test's own: snoozed, the older one goes after the other.
    await ok('reference', tam.post('/api/v1/tasks', { title: 'Still overdue', dueOn: '2026-02-28' }));
    const task = await ok<Task>(
      'task',
      tam.post('/api/v1/tasks', { title: 'Call back Cora', dueOn: '2026-02-27' }),
    );
    expect(task.overdue).toBe(true);
    const before = (await list(tam, 'owner=me&source=manual&limit=100')).map((item) => item.title);
    expect(before.indexOf('Call back Cora')).toBeLessThan(before.indexOf('Still overdue'));
    const snoozed = await ok<Task>(
      'snooze',
      tam.patch(`/api/v1/tasks/${task.id}`, { snoozedUntil: '2026-03-04', version: task.version }),
    );
    expect(snoozed).toMatchObject({ overdue: false, snoozedUntil: '2026-03-04' });
    const order = (await list(tam, 'owner=me&source=manual&limit=100')).map((item) => item.title);
    expect(order.indexOf('Still overdue')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('Call back Cora')).toBeGreaterThan(order.indexOf('Still overdue'));
  });
});

describe('refusals change nothing', () => {
  it('answers bad input with coded errors and leaves the task as it was', async () => {
    const { account, contact } = await customer('Refusals BV');
    const task = await ok<Task>(
      'task',
      tam.post('/api/v1/tasks', { title: 'Prepare the QBR', accountId: account.id }),
    );
    const cases: [Client, string, unknown, number, string][] = [
      [tam, 'PATCH', { snoozedUntil: '2026-03-01', version: task.version }, 400, 'VALIDATION_FAILED'],
      [tam, 'PATCH', { status: 'finished', version: task.version }, 400, 'VALIDATION_FAILED'],
      [
        tam,
        'PATCH',
        { ownerUserId: '00000000-0000-4000-8000-000000000000', version: task.version },
        422,
        'INVALID_REFERENCE',
      ],
      [tam, 'PATCH', { title: 'Late', version: task.version + 1 }, 409, 'VERSION_CONFLICT'],
      [viewer, 'PATCH', { status: 'done', version: task.version }, 403, 'FORBIDDEN'],
      [other, 'PATCH', { status: 'done', version: task.version }, 403, 'FORBIDDEN'],
    ];
    for (const [client, , body, status, code] of cases) {
      const response = await client.patch(`/api/v1/tasks/${task.id}`, body);
      expect([response.status, response.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await ok<Task>('unchanged', tam.get(`/api/v1/tasks/${task.id}`))).toEqual(task);

    const refusedCreates: [Client, unknown, number][] = [
      [viewer, { title: 'Anything' }, 403],
      [tam, { title: 'For Cora', ownerContactId: contact.id }, 422], // a contact owns a task on their account only
      [
        tam,
        { title: 'Both', accountId: account.id, ownerUserId: tam.user.id, ownerContactId: contact.id },
        422,
      ],
      [tam, { title: 'x'.repeat(201) }, 400],
      [tam, { title: 'Bad day', dueOn: '2026-02-30' }, 400],
    ];
    const countBefore = (await list(tam, `accountId=${account.id}&limit=100`)).length;
    for (const [client, body, status] of refusedCreates)
      expect((await client.post('/api/v1/tasks', body)).status, JSON.stringify(body)).toBe(status);
    expect((await list(tam, `accountId=${account.id}&limit=100`)).length).toBe(countBefore);

    // An action item's task is dropped by removing the item from its activity, not cancelled.
    await ok(
      'log',
      tam.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Call',
        actionItems: [{ text: 'Follow up', ownerUserId: tam.user.id }],
      }),
    );
    const item = (await list(tam, `accountId=${account.id}&source=action_item`))[0]!.task!;
    const cancel = await tam.patch(`/api/v1/tasks/${item.id}`, {
      status: 'cancelled',
      version: item.version,
    });
    expect([cancel.status, cancel.body.error.code]).toEqual([422, 'INVALID_STATE']);
  });
});

describe('someone leaves', () => {
  it('gives their open tasks to another person in one write, action items included', async () => {
    const { account } = await customer('Handover Partners');
    const leaving = await f.buildUser({ roles: ['tam'], name: 'Lea Leaving' });
    await ok(
      'task',
      manager.post('/api/v1/tasks', {
        title: 'Renewal prep',
        accountId: account.id,
        ownerUserId: leaving.user.id,
      }),
    );
    const activity = await ok<Activity>(
      'log',
      tam.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: 'Call',
        actionItems: [{ text: 'Send the deck', ownerUserId: leaving.user.id }],
      }),
    );
    expect(
      (await tam.post('/api/v1/tasks/reassign', { fromUserId: leaving.user.id, toUserId: other.user.id }))
        .status,
    ).toBe(403);
    const result = await ok(
      'reassign',
      manager.post('/api/v1/tasks/reassign', { fromUserId: leaving.user.id, toUserId: other.user.id }),
    );
    expect(result).toEqual({ reassigned: 2 });
    expect((await list(other, `owner=me&accountId=${account.id}`)).map((item) => item.title).sort()).toEqual([
      'Renewal prep',
      'Send the deck',
    ]);
    const after = await ok<Activity>('activity', tam.get(`/api/v1/activities/${activity.id}`));
    expect(after.actionItems[0]!.ownerUserId).toBe(other.user.id);
  });
});

describe('action items written as rows', () => {
  it('get ids and tasks the API reads, and a second derivation changes nothing', async () => {
    const { account } = await customer('Imported Calls Co');
    const logged = await ok<Activity>(
      'log',
      tam.post(`/api/v1/accounts/${account.id}/activities`, { kind: 'note', summary: 'Imported' }),
    );
    // As the demo's rows or data from before tasks existed hold them: no ids, no contact owners.
    await app.database.db.execute(
      sql`UPDATE activities SET action_items = ${JSON.stringify([
        { text: 'Old follow-up', ownerUserId: tam.user.id, dueDate: '2026-03-10', done: false },
        { text: 'Old and done', ownerUserId: null, dueDate: null, done: true },
      ])}::jsonb WHERE id = ${logged.id}`,
    );
    expect(await tasksStore.deriveActionItemTasks(app.database.db)).toBe(2);
    expect(await tasksStore.deriveActionItemTasks(app.database.db)).toBe(0);
    const activity = await ok<Activity>('activity', tam.get(`/api/v1/activities/${logged.id}`));
    expect(activity.actionItems.map((item) => item.id)).toEqual([
      expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/),
      expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/),
    ]);
    expect(activity.actionItems[0]!.id).toBe(derivedUuid(`${logged.id}:1`));
    const tasks = [
      ...(await list(tam, `accountId=${account.id}`)),
      ...(await list(tam, `accountId=${account.id}&status=done`)),
    ];
    expect(tasks.map((item) => [item.title, item.status, item.owner?.name ?? null])).toEqual([
      ['Old follow-up', 'open', 'Tove Tam'],
      ['Old and done', 'done', null],
    ]);
  });
});
