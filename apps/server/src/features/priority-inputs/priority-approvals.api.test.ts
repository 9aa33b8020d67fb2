import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-02-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

describe('EMEA priority proposal', () => {
  it('is proposed by the TAM, approved by a TAM manager, and a new proposal needs a new approval', async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    const account = await f.buildAccount({ name: 'Proposal GmbH', team: { tam: tam.user } });
    const url = `/api/v1/accounts/${account.id}/priority-proposal`;
    const manager = await f.buildUser({ roles: ['tam_manager'] });
    const viewer = await f.buildUser({ roles: ['viewer'] });
    expect((await admin.get(url)).status).toBe(404);
    expect((await admin.get(url)).body.error.message).toBe(`Account ${account.id} has no priority proposal`);

    const invalid = await tam.put(url, { priority: 'pr3' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details[0].path).toBe('body.priority');
    expect((await viewer.put(url, { priority: 'pr1' })).status).toBe(403);
    const proposed = await tam.put(url, { priority: 'pr1', reason: 'Organisational change at the customer' });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      priority: 'pr1',
      proposedBy: tam.user.id,
      proposedAt: '2026-02-01T00:00:00.000Z',
      approvedBy: null,
      approvedAt: null,
      version: 1,
    });

    app.setNow('2026-02-03T00:00:00.000Z');
    const byTam = await tam.post(`${url}/approve`);
    expect(byTam.status).toBe(403);
    expect(byTam.body.error.message).toContain('TAM managers');
    expect((await admin.post(`${url}/approve`)).status).toBe(403);
    expect((await manager.post(`${url}/approve`, { version: 2 })).status).toBe(409);
    const approved = await manager.post(`${url}/approve`, { version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      approvedBy: manager.user.id,
      approvedAt: '2026-02-03T00:00:00.000Z',
      version: 2,
    });
    const twice = await manager.send('POST', `${url}/approve`);
    expect(twice.status).toBe(422);
    expect(twice.body.error.code).toBe('INVALID_STATE');

    app.setNow('2026-02-10T00:00:00.000Z');
    expect((await tam.put(url, { priority: 'pr2', version: 1 })).status).toBe(409);
    const replaced = await tam.put(url, { priority: 'pr2' }, { 'if-match': '2' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      priority: 'pr2',
      reason: null,
      approvedBy: null,
      approvedAt: null,
      version: 3,
    });
    expect((await admin.get(url)).body.priority).toBe('pr2');

    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=priority_proposal`))
      .body.items;
    expect(history.map((e: { operation: string }) => e.operation)).toEqual(['update', 'update', 'create']);
    expect(history[1].changes).toEqual([
      { field: 'approvedBy', before: null, after: manager.user.id },
      { field: 'approvedAt', before: null, after: '2026-02-03T00:00:00.000Z' },
    ]);
    expect(history[0].changes).toContainEqual({ field: 'priority', before: 'pr1', after: 'pr2' });
    expect(history[0].changes).toContainEqual({ field: 'approvedBy', before: manager.user.id, after: null });
  });
});

describe('priority exceptions', () => {
  it('are requested by the team and decided by a TAM manager or the SAL/AE on the team', async () => {
    app.setNow('2026-02-01T00:00:00.000Z');
    const tam = await f.buildUser({ roles: ['tam'] });
    const sal = await f.buildUser({ roles: ['sal'] });
    const strangerSal = await f.buildUser({ roles: ['sal'] });
    const aeAsSa = await f.buildUser({ roles: ['ae'] });
    const managerSal = await f.buildUser({ roles: ['tam_manager', 'sal'] });
    const account = await f.buildAccount({
      name: 'Exception SE',
      team: { tam: tam.user, sal: sal.user, sa: aeAsSa.user },
    });
    await f.assign(account, managerSal.user, 'sal');
    const list = `/api/v1/accounts/${account.id}/priority-exceptions`;

    const invalid = await tam.post(list, { kind: 'p3', reason: '  ', expiresAt: 'next week' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.expiresAt',
      'body.kind',
      'body.reason',
    ]);
    const p1 = await tam.post(list, { kind: 'p1', reason: 'Executive escalation' });
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({
      kind: 'p1',
      status: 'requested',
      requestedBy: tam.user.id,
      requestedAt: '2026-02-01T00:00:00.000Z',
      approvedBy: null,
      approvedByRole: null,
      expiresAt: null,
      version: 1,
    });
    const decide = `/api/v1/priority-exceptions/${p1.body.id}/decision`;

    app.setNow('2026-02-02T00:00:00.000Z');
    const byTam = await tam.post(decide, { decision: 'approve', version: 1 });
    expect(byTam.status).toBe(403);
    expect(byTam.body.error.message).toContain('TAM manager, or the SAL or AE');
    expect((await strangerSal.post(decide, { decision: 'approve', version: 1 })).status).toBe(403);
    expect((await aeAsSa.post(decide, { decision: 'approve', version: 1 })).status).toBe(403);
    expect((await sal.post(decide, { decision: 'maybe', version: 1 })).body.error.details[0].path).toBe(
      'body.decision',
    );
    expect((await sal.post(decide, { decision: 'approve' })).status).toBe(428);
    expect((await sal.post(decide, { decision: 'approve', version: 2 })).status).toBe(409);
    const approved = await sal.post(decide, { decision: 'approve', version: 1 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      approvedBy: sal.user.id,
      approvedByRole: 'sal',
      approvedAt: '2026-02-02T00:00:00.000Z',
      version: 2,
    });
    const again = await managerSal.post(decide, { decision: 'reject', version: 2 });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('INVALID_STATE');

    const p2 = await tam.post(list, {
      kind: 'p2',
      reason: 'Quiet quarter',
      expiresAt: '2026-03-15T00:00:00Z',
    });
    expect(p2.body.expiresAt).toBe('2026-03-15T00:00:00.000Z');
    const byManager = await managerSal.post(`/api/v1/priority-exceptions/${p2.body.id}/decision`, {
      decision: 'approve',
      version: 1,
    });
    expect(byManager.body).toMatchObject({
      approvedByRole: 'tam_manager',
      expiresAt: '2026-03-15T00:00:00.000Z',
    });
    app.setNow('2026-02-03T00:00:00.000Z');
    const doomed = await tam.post(list, { kind: 'p1', reason: 'Wishful thinking' });
    const rejected = await managerSal.post(`/api/v1/priority-exceptions/${doomed.body.id}/decision`, {
      decision: 'reject',
      version: 1,
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', approvedBy: null, approvedByRole: null });

    const all = (await admin.get(list)).body.items;
    expect(all.map((e: { reason: string; status: string }) => `${e.reason}:${e.status}`)).toEqual([
      'Wishful thinking:rejected',
      'Quiet quarter:approved',
      'Executive escalation:approved',
    ]);
    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=priority_exception`))
      .body.items;
    expect(history).toHaveLength(6);
    const decision = history.find(
      (e: { entityId: string; operation: string }) => e.entityId === p1.body.id && e.operation === 'update',
    );
    expect(decision.actor).toMatchObject({ type: 'api_token', id: sal.user.id });
    expect(decision.changes).toContainEqual({ field: 'status', before: 'requested', after: 'approved' });
  });

  it('refuses viewers, outsiders and unknown ids', async () => {
    const account = await f.buildAccount({ name: 'Closed Shop AB' });
    const list = `/api/v1/accounts/${account.id}/priority-exceptions`;
    const viewer = await f.buildUser({ roles: ['viewer'] });
    const outsiderTam = await f.buildUser({ roles: ['tam'] });
    expect((await viewer.get(list)).status).toBe(200);
    expect((await viewer.post(list, { kind: 'p1', reason: 'Please' })).status).toBe(403);
    expect((await outsiderTam.post(list, { kind: 'p1', reason: 'Please' })).status).toBe(403);
    const requested = await admin.post(list, { kind: 'p1', reason: 'Board-level visibility' });
    expect(requested.status).toBe(201);
    const decide = `/api/v1/priority-exceptions/${requested.body.id}/decision`;
    expect((await viewer.post(decide, { decision: 'approve', version: 1 })).status).toBe(403);
    // An admin may edit the record but is not an exception approver.
    expect((await admin.post(decide, { decision: 'approve', version: 1 })).status).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (
        await admin.post(`/api/v1/priority-exceptions/${unknown}/decision`, {
          decision: 'approve',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect((await admin.get(`/api/v1/accounts/${unknown}/priority-exceptions`)).status).toBe(404);
    expect((await f.anonymous.get(list)).status).toBe(401);
  });
});
