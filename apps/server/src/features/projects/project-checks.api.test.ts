import type { TaskListItem, Workflow } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { act, ok } from '../journey/journey.test-helpers.ts';

// Seed 000: "somewhere between step 3 and step 7 of the customer journey sequence, a Solutions
// Architect should create a project for the customer". Once step 3 is behind the journey, the
// SA's task list asks for the project, due with step 7; the project clears it (docs/projects.md).

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);
const ae = await f.buildUser({ roles: ['ae'], name: 'Ada Exec' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect' });
const manager = await f.buildUser({ roles: ['tam_manager'], region: 'noram' });

const presales = async () =>
  (await ok<{ items: TaskListItem[] }>('tasks', sa.get('/api/v1/tasks?owner=me'))).items.filter((item) =>
    item.title.startsWith('Create the collaboration project'),
  );

describe('the SA’s pre-sales project', () => {
  it('is asked for once journey step 3 is done, due with step 7, and cleared by the project', async () => {
    const account = await ok(
      'lead',
      ae.post('/api/v1/accounts', {
        name: 'Lumen Freight',
        segment: 'mid_market',
        region: 'noram',
        relationshipStage: 'lead',
        plan: 'premium',
        arr: 240_000,
      }),
    );
    await ok('sa', manager.post(`/api/v1/accounts/${account.id}/team`, { userId: sa.user.id, role: 'sa' }));
    let journey = await ok<Workflow>(
      'start',
      ae.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }),
    );
    for (const id of ['1', '2']) journey = await act(ae, journey, id, { state: 'done' });
    expect(await presales()).toEqual([]);

    journey = await act(ae, journey, '3', { state: 'done' });
    const [item] = await presales();
    expect(item).toMatchObject({
      source: 'project_check',
      title: 'Create the collaboration project of Lumen Freight (journey steps 3–7)',
      accountId: account.id,
      owner: { userId: sa.user.id },
      // Step 7 has no due date yet (it opens at technical evaluation): 14 days after step 3.
      dueOn: '2026-03-16',
      overdue: false,
    });

    await ok('project', sa.post(`/api/v1/accounts/${account.id}/projects`, {}));
    expect(await presales()).toEqual([]);
  });
});
