import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { createSuccessPlansService } from './success-plans.service.ts';

const app = await createTestApp({ now: '2026-02-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

describe('success plans', () => {
  it('creates the plan once, then updates it with the version it was read at', async () => {
    const account = await f.buildAccount({ name: 'Planful AG' });
    const missing = await admin.get(`/api/v1/accounts/${account.id}/success-plan`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'NOT_FOUND',
      message: `Account ${account.id} has no success plan`,
    });

    const created = await admin.put(`/api/v1/accounts/${account.id}/success-plan`, { status: 'draft' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      accountId: account.id,
      version: 1,
      status: 'draft',
      strategy: null,
    });
    expect(created.body.objectives).toEqual([]);

    const blind = await admin.put(`/api/v1/accounts/${account.id}/success-plan`, { status: 'active' });
    expect(blind.status).toBe(428);
    const updated = await admin.put(`/api/v1/accounts/${account.id}/success-plan`, {
      status: 'active',
      strategy: 'Consolidate CI onto one platform',
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      version: 2,
      status: 'active',
      strategy: 'Consolidate CI onto one platform',
    });
    const stale = await admin.put(
      `/api/v1/accounts/${account.id}/success-plan`,
      { status: 'closed' },
      { 'if-match': '1' },
    );
    expect(stale.status).toBe(409);
    expect((await admin.get(`/api/v1/accounts/${account.id}/success-plan`)).body.status).toBe('active');

    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=success_plan`)).body
      .items;
    expect(history.map((entry: { operation: string }) => entry.operation)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual([
      { field: 'status', before: 'draft', after: 'active' },
      { field: 'strategy', before: null, after: 'Consolidate CI onto one platform' },
    ]);
  });

  it('keeps objectives with status and due dates, each change in the history', async () => {
    const account = await f.buildAccount({ name: 'Objective Oy' });
    const early = await admin.post(`/api/v1/accounts/${account.id}/success-plan/objectives`, {
      title: 'Migrate from Jenkins',
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('INVALID_STATE');
    expect(early.body.error.message).toContain('has no success plan');

    await f.buildSuccessPlan(account);
    app.setNow('2026-02-10T00:00:00.000Z');
    const later = await admin.post(`/api/v1/accounts/${account.id}/success-plan/objectives`, {
      title: 'Adopt security scanning',
      status: 'yellow',
      dueDate: '2026-09-30',
    });
    const sooner = await admin.post(`/api/v1/accounts/${account.id}/success-plan/objectives`, {
      title: 'Migrate from Jenkins',
      description: 'All 40 pipelines',
      dueDate: '2026-06-30',
    });
    expect(later.status).toBe(201);
    expect(sooner.body).toMatchObject({ status: 'green', version: 1, accountId: account.id });
    const plan = (await admin.get(`/api/v1/accounts/${account.id}/success-plan`)).body;
    expect(plan.objectives.map((o: { title: string }) => o.title)).toEqual([
      'Migrate from Jenkins',
      'Adopt security scanning',
    ]);

    app.setNow('2026-03-01T00:00:00.000Z');
    const red = await admin.patch(`/api/v1/objectives/${later.body.id}`, { status: 'red', version: 1 });
    expect(red.status).toBe(200);
    expect(red.body).toMatchObject({ status: 'red', version: 2 });
    const stale = await admin.patch(`/api/v1/objectives/${later.body.id}`, { status: 'green', version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin.delete(`/api/v1/objectives/${sooner.body.id}`)).status).toBe(428);
    expect((await admin.delete(`/api/v1/objectives/${sooner.body.id}?version=1`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/objectives/${sooner.body.id}?version=1`)).status).toBe(404);

    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=objective`)).body
      .items;
    expect(
      history.map((e: { operation: string; entityId: string }) => `${e.operation}:${e.entityId}`),
    ).toEqual([
      `delete:${sooner.body.id}`,
      `update:${later.body.id}`,
      `create:${sooner.body.id}`,
      `create:${later.body.id}`,
    ]);
    expect(history[1].changes).toEqual([{ field: 'status', before: 'yellow', after: 'red' }]);
    // The objective existed on Feb 20 and not any more: the diff rebuilt from the history says so.
    const diff = await admin.get(
      `/api/v1/accounts/${account.id}/diff?from=2026-02-20T00:00:00Z&to=2026-03-02T00:00:00Z`,
    );
    expect(
      diff.body.entities.map((e: { label: string; change: string }) => `${e.label}:${e.change}`),
    ).toEqual(['Objective: Adopt security scanning:changed', 'Objective: Migrate from Jenkins:removed']);
  });

  it('validates with field paths and leaves the plan to the account team', async () => {
    const account = await f.buildAccount({ name: 'Rules GmbH' });
    const badPlan = await admin.put(`/api/v1/accounts/${account.id}/success-plan`, { status: 'paused' });
    expect(badPlan.status).toBe(400);
    expect(badPlan.body.error.details[0].path).toBe('body.status');
    await f.buildSuccessPlan(account, { status: 'draft' });
    const badObjective = await admin.post(`/api/v1/accounts/${account.id}/success-plan/objectives`, {
      title: ' ',
      status: 'blue',
      dueDate: '30/06/2026',
    });
    expect(badObjective.status).toBe(400);
    expect(badObjective.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.dueDate',
      'body.status',
      'body.title',
    ]);

    const viewer = await f.buildUser({ roles: ['viewer'] });
    expect((await viewer.get(`/api/v1/accounts/${account.id}/success-plan`)).status).toBe(200);
    const viewerPut = await viewer.put(`/api/v1/accounts/${account.id}/success-plan`, {
      status: 'active',
      version: 1,
    });
    expect(viewerPut.status).toBe(403);
    const add = await viewer.post(`/api/v1/accounts/${account.id}/success-plan/objectives`, {
      title: 'Nope',
    });
    expect(add.status).toBe(403);
    const outsider = await f.buildUser({ roles: ['tam'] });
    expect(
      (await outsider.post(`/api/v1/accounts/${account.id}/success-plan/objectives`, { title: 'No' })).status,
    ).toBe(403);
    expect((await f.anonymous.get(`/api/v1/accounts/${account.id}/success-plan`)).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/v1/accounts/${unknown}/success-plan`)).body.error.message).toContain(
      'does not exist',
    );
    expect((await admin.patch(`/api/v1/objectives/${unknown}`, { status: 'red', version: 1 })).status).toBe(
      404,
    );
  });

  it('tells the assessment every account it changed, inside the transaction', async () => {
    const account = await f.buildAccount({ name: 'Hooked Ltd' });
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    const changed: string[][] = [];
    const service = createSuccessPlansService(app.database.db, {
      onAccountChanged: async (_executor, accountIds) => {
        changed.push(accountIds);
      },
    });
    const context: RequestContext = {
      user: me,
      actor: { type: 'api_token', id: me.id, name: me.name },
      now: new Date('2026-03-05T00:00:00.000Z'),
      requestId: 'hook-test',
    };
    const { plan } = await service.put(context, account.id, { status: 'active' }, undefined);
    const objective = await service.addObjective(context, account.id, { title: 'Go live' });
    await service.updateObjective(context, objective.id, { status: 'red' }, 1);
    await service.deleteObjective(context, objective.id, 2);
    await service.put(context, account.id, { status: 'closed' }, plan.version);
    expect(changed).toEqual(Array.from({ length: 5 }, () => [account.id]));
  });
});
