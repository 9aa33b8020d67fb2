import { describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-02-01T00:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);

async function newAccount(name: string) {
  const response = await admin.post('/api/v1/accounts', { name, segment: 'enterprise', region: 'emea' });
  expect(response.status).toBe(201);
  return response.body as { id: string };
}

/** A user with these roles, optionally on the account team in `teamRole`, and an API client for them. */
async function staff(roles: string[], email: string, team?: { accountId: string; role: string }) {
  const user = (await admin.post('/api/v1/users', { name: email.split('@')[0], email, roles })).body;
  if (team) {
    const assigned = await admin.post(`/api/v1/accounts/${team.accountId}/team`, {
      userId: user.id,
      role: team.role,
    });
    expect(assigned.status).toBe(201);
  }
  const { token } = await app.services.auth.createToken(user.id, 'test', null, new Date());
  const client = httpClient(app.http, token);
  /** Any method, with or without a body (the shared client always sends one and has no PUT). */
  const raw = async (
    method: 'PUT' | 'POST',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.http.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    return { status: response.statusCode, body: response.json() };
  };
  const put = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    raw('PUT', url, body, headers);
  return { id: user.id as string, ...client, put, raw };
}

describe('EMEA priority proposal', () => {
  it('is proposed by the TAM, approved by a TAM manager, and a new proposal needs a new approval', async () => {
    const account = await newAccount('Proposal GmbH');
    const url = `/api/v1/accounts/${account.id}/priority-proposal`;
    const tam = await staff(['tam'], 'tam1@example.com', { accountId: account.id, role: 'tam' });
    const manager = await staff(['tam_manager'], 'mgr1@example.com');
    const viewer = await staff(['viewer'], 'view1@example.com');
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
      proposedBy: tam.id,
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
      approvedBy: manager.id,
      approvedAt: '2026-02-03T00:00:00.000Z',
      version: 2,
    });
    const twice = await manager.raw('POST', `${url}/approve`);
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
      { field: 'approvedBy', before: null, after: manager.id },
      { field: 'approvedAt', before: null, after: '2026-02-03T00:00:00.000Z' },
    ]);
    expect(history[0].changes).toContainEqual({ field: 'priority', before: 'pr1', after: 'pr2' });
    expect(history[0].changes).toContainEqual({ field: 'approvedBy', before: manager.id, after: null });
  });
});

describe('priority exceptions', () => {
  it('are requested by the team and decided by a TAM manager or the SAL/AE on the team', async () => {
    app.setNow('2026-02-01T00:00:00.000Z');
    const account = await newAccount('Exception SE');
    const list = `/api/v1/accounts/${account.id}/priority-exceptions`;
    const tam = await staff(['tam'], 'tam2@example.com', { accountId: account.id, role: 'tam' });
    const sal = await staff(['sal'], 'sal2@example.com', { accountId: account.id, role: 'sal' });
    const strangerSal = await staff(['sal'], 'sal3@example.com');
    const aeAsSa = await staff(['ae'], 'ae2@example.com', { accountId: account.id, role: 'sa' });
    const managerSal = await staff(['tam_manager', 'sal'], 'mgr2@example.com', {
      accountId: account.id,
      role: 'sal',
    });

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
      requestedBy: tam.id,
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
      approvedBy: sal.id,
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
    expect(decision.actor).toMatchObject({ type: 'api_token', id: sal.id });
    expect(decision.changes).toContainEqual({ field: 'status', before: 'requested', after: 'approved' });
  });

  it('refuses viewers, outsiders and unknown ids', async () => {
    const account = await newAccount('Closed Shop AB');
    const list = `/api/v1/accounts/${account.id}/priority-exceptions`;
    const viewer = await staff(['viewer'], 'view3@example.com');
    const outsiderTam = await staff(['tam'], 'tam3@example.com');
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
    expect((await httpClient(app.http).get(list)).status).toBe(401);
  });
});
