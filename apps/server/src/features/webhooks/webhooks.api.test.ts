import { randomUUID } from 'node:crypto';
import { eventTypes } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// The admins' API of outbound webhooks (docs/webhooks.md): endpoints with a secret shown once,
// optimistic concurrency, the URL rules, the test event and replay, refusals that are never 500.

const app = await createTestApp();
const admin = httpClient(app.http, app.adminToken);
const f = factories(app);
const URL = 'https://receiver.invalid/liaison';

async function register(fields: Record<string, unknown> = {}) {
  const response = await admin.post('/api/v1/webhooks/endpoints', {
    name: 'CRM sync',
    url: URL,
    eventTypes: ['health.red', 'health.yellow'],
    ...fields,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('endpoints', () => {
  it('answers the signing secret once, on create, and never in a read', async () => {
    const created = await register();
    expect(created).toMatchObject({
      name: 'CRM sync',
      format: 'liaison',
      isActive: true,
      version: 1,
      lastDelivery: null,
      eventTypes: ['health.yellow', 'health.red'],
    });
    expect(created.secret).toMatch(/^whsec_[\w-]{43}$/);
    const read = await admin.get(`/api/v1/webhooks/endpoints/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(JSON.stringify((await admin.get('/api/v1/webhooks/endpoints')).body)).not.toContain(
      created.secret,
    );
  });

  it('changes with the version read, refuses a stale or missing one, and keeps the history without the secret', async () => {
    const created = await register();
    const url = `/api/v1/webhooks/endpoints/${created.id}`;
    expect((await admin.patch(url, { isActive: false })).status).toBe(428);
    const updated = await admin.patch(url, { isActive: false, name: 'CRM (paused)' }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ isActive: false, name: 'CRM (paused)', version: 2 });
    expect((await admin.patch(url, { name: 'Stale', version: 1 })).body.error.code).toBe('VERSION_CONFLICT');

    app.setNow('2026-03-02T09:00:00.000Z');
    const rotated = await admin.post(`${url}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(rotated.body).toMatchObject({ version: 3, secretRotatedAt: '2026-03-02T09:00:00.000Z' });

    const { rows } = await app.database.pool.query(
      `SELECT operation, snapshot::text AS snapshot FROM history WHERE entity_type = 'webhook_endpoint' AND entity_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(rows.map((row) => row.operation)).toEqual(['create', 'update', 'update']);
    for (const row of rows) {
      expect(row.snapshot).not.toContain(created.secret);
      expect(row.snapshot).not.toContain(rotated.body.secret);
    }

    expect((await admin.delete(url)).status).toBe(428);
    expect((await admin.delete(`${url}?version=3`)).status).toBe(204);
    expect((await admin.get(url)).status).toBe(404);
  });

  it.each([
    ['file:///etc/passwd', 'must use http or https'],
    ['javascript:alert(1)', 'must use http or https'],
    ['ftp://example.com/hook', 'must use http or https'],
    ['https://', 'must be an absolute http(s) URL'],
    ['example.com/hook', 'must be an absolute http(s) URL'],
    ['/relative/hook', 'must be an absolute http(s) URL'],
    ['https://user:secret@example.com/hook', 'must not hold a user name or password'],
  ])('refuses the URL %s (400)', async (url, message) => {
    const response = await admin.post('/api/v1/webhooks/endpoints', {
      name: 'Bad',
      url,
      eventTypes: ['task.assigned'],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toContainEqual({ path: 'body.url', message });
  });

  it('needs at least one known event type, each counted once', async () => {
    const none = await admin.post('/api/v1/webhooks/endpoints', { name: 'x', url: URL, eventTypes: [] });
    expect(none.status).toBe(400);
    const unknown = await admin.post('/api/v1/webhooks/endpoints', {
      name: 'x',
      url: URL,
      eventTypes: ['account.sold'],
    });
    expect(unknown.status).toBe(400);
    const twice = await register({ eventTypes: ['task.assigned', 'task.assigned'] });
    expect(twice.eventTypes).toEqual(['task.assigned']);
  });

  it('lists the event types with their labels', async () => {
    const response = await admin.get('/api/v1/webhooks/event-types');
    expect(response.body.items.map((item: { type: string }) => item.type)).toEqual([...eventTypes]);
    expect(response.body.items[0]).toEqual({ type: 'task.assigned', label: 'A task assigned to me' });
  });
});

describe('test event, the log and replay', () => {
  it('sends a webhook.test delivery to the endpoint alone, logged as pending, and replays it as a new delivery', async () => {
    const endpoint = await register();
    const other = await register();
    const test = await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`);
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({
      endpointId: endpoint.id,
      eventType: 'webhook.test',
      status: 'pending',
      attemptCount: 0,
    });
    const detail = await admin.get(`/api/v1/webhooks/deliveries/${test.body.id}`);
    expect(detail.body.payload).toMatchObject({ type: 'webhook.test', data: { test: true } });
    expect(detail.body.attempts).toEqual([]);

    const replay = await admin.post(`/api/v1/webhooks/deliveries/${test.body.id}/replay`);
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({
      eventId: test.body.eventId,
      replayOf: test.body.id,
      status: 'pending',
    });
    expect(replay.body.id).not.toBe(test.body.id);

    const log = await admin.get(`/api/v1/webhooks/endpoints/${endpoint.id}/deliveries?limit=1`);
    expect(log.body.items).toHaveLength(1);
    const next = await admin.get(
      `/api/v1/webhooks/endpoints/${endpoint.id}/deliveries?limit=1&cursor=${log.body.nextCursor}`,
    );
    expect([...log.body.items, ...next.body.items].map((item: { id: string }) => item.id).sort()).toEqual(
      [test.body.id, replay.body.id].sort(),
    );
    expect(next.body.nextCursor).toBeNull();
    expect((await admin.get(`/api/v1/webhooks/endpoints/${other.id}/deliveries`)).body.items).toEqual([]);
    expect((await admin.get(`/api/v1/webhooks/endpoints/${endpoint.id}`)).body.lastDelivery).toMatchObject({
      status: 'pending',
      httpStatus: null,
    });
  });

  it('refuses a test or a replay to a disabled endpoint (422)', async () => {
    const endpoint = await register();
    const test = await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`);
    await admin.patch(`/api/v1/webhooks/endpoints/${endpoint.id}`, { isActive: false, version: 1 });
    expect((await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`)).status).toBe(422);
    expect((await admin.post(`/api/v1/webhooks/deliveries/${test.body.id}/replay`)).status).toBe(422);
  });
});

describe('refusals', () => {
  it('is for admins only (403 to a TAM manager)', async () => {
    const manager = await f.buildUser({ roles: ['tam_manager'] });
    const endpoint = await register();
    for (const response of [
      await manager.get('/api/v1/webhooks/endpoints'),
      await manager.get(`/api/v1/webhooks/endpoints/${endpoint.id}`),
      await manager.post('/api/v1/webhooks/endpoints', { name: 'x', url: URL, eventTypes: ['health.red'] }),
      await manager.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`),
      await manager.post(`/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`),
    ])
      expect(response.status).toBe(403);
  });

  it('answers unknown and malformed ids and cursors with 404 and 400, never 500', async () => {
    const unknown = randomUUID();
    const endpoint = await register();
    const expectations: [Promise<{ status: number }>, number][] = [
      [admin.get(`/api/v1/webhooks/endpoints/${unknown}`), 404],
      [admin.get('/api/v1/webhooks/endpoints/not-an-id'), 400],
      [admin.patch(`/api/v1/webhooks/endpoints/${unknown}`, { name: 'x', version: 1 }), 404],
      [admin.delete(`/api/v1/webhooks/endpoints/${unknown}?version=1`), 404],
      [admin.post(`/api/v1/webhooks/endpoints/${unknown}/rotate-secret`), 404],
      [admin.post(`/api/v1/webhooks/endpoints/${unknown}/test`), 404],
      [admin.get(`/api/v1/webhooks/endpoints/${unknown}/deliveries`), 404],
      [admin.get(`/api/v1/webhooks/endpoints/${endpoint.id}/deliveries?cursor=nonsense`), 400],
      [admin.get(`/api/v1/webhooks/deliveries/${unknown}`), 404],
      [admin.get('/api/v1/webhooks/deliveries/0'), 400],
      [admin.post(`/api/v1/webhooks/deliveries/${unknown}/replay`), 404],
    ];
    for (const [call, status] of expectations) expect((await call).status).toBe(status);
  });
});
