import { LiaisonEvent } from '@liaison/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { loadDocumentedVerifier, startReceiver } from '../../../test/webhook-receiver.ts';
import { recordEvent } from '../../kernel/events.ts';
import { DELIVER_JOB, deliveryJob } from './index.ts';

// Deliveries for real: an event recorded and dispatched, the job run by the queue (pg-boss on
// this test's database, a 1 s retry delay), POSTed to a real HTTP receiver that checks the
// signature with the snippet of docs/webhooks.md. The receiver fails the first request (500).

const app = await createTestApp();
const admin = httpClient(app.http, app.adminToken);
const verify = await loadDocumentedVerifier();
const secrets = { main: '', slack: '' };
const receiver = await startReceiver({ statuses: [500, 200], secret: () => secrets.main, verify });
const slackReceiver = await startReceiver({ statuses: [200], secret: () => secrets.slack, verify });
const job = deliveryJob(app.database.db, {
  publicUrl: () => 'https://liaison.example.com',
  retryDelaySeconds: 1,
});
afterAll(async () => {
  await app.services.queue.stop();
  await receiver.close();
  await slackReceiver.close();
});

async function register(url: string, fields: Record<string, unknown> = {}) {
  const response = await admin.post('/api/v1/webhooks/endpoints', {
    name: 'Receiver',
    url,
    eventTypes: ['health.red'],
    ...fields,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; version: number; secret: string };
}

const deliveries = async (endpointId: string) =>
  (await admin.get(`/api/v1/webhooks/endpoints/${endpointId}/deliveries`)).body.items as {
    id: string;
    status: string;
    attemptCount: number;
    replayOf: string | null;
  }[];

const readDelivery = async (deliveryId: string) =>
  (await admin.get(`/api/v1/webhooks/deliveries/${deliveryId}`)).body;

async function settled(deliveryId: string) {
  for (let waited = 0; waited < 25_000; waited += 250) {
    const detail = (await admin.get(`/api/v1/webhooks/deliveries/${deliveryId}`)).body;
    if (detail.status === 'succeeded' || detail.status === 'failed') return detail;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`delivery ${deliveryId} did not settle`);
}

describe('a job run by hand (no worker yet)', () => {
  it('records a refused connection, and fails the delivery on the last attempt', async () => {
    const closed = await startReceiver({ statuses: [200], secret: () => '', verify });
    await closed.close();
    const endpoint = await register(closed.url);
    const test = (await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`)).body;
    await expect(job.run({ deliveryId: test.id }, { id: 'a', attempt: 1, last: false })).rejects.toThrow(
      /ECONNREFUSED/,
    );
    expect(await readDelivery(test.id)).toMatchObject({ status: 'retrying', attemptCount: 1 });
    await expect(job.run({ deliveryId: test.id }, { id: 'a', attempt: 7, last: false })).rejects.toThrow();
    const detail = (await admin.get(`/api/v1/webhooks/deliveries/${test.id}`)).body;
    expect(detail).toMatchObject({
      status: 'failed',
      attemptCount: 2,
      nextAttemptAt: null,
      lastHttpStatus: null,
    });
    expect(detail.attempts[0]).toMatchObject({ attemptNo: 1, httpStatus: null, error: 'ECONNREFUSED' });
  });

  it('stops quietly when the endpoint was disabled meanwhile', async () => {
    const endpoint = await register('https://receiver.invalid/hook');
    const test = (await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`)).body;
    await admin.patch(`/api/v1/webhooks/endpoints/${endpoint.id}`, {
      isActive: false,
      version: endpoint.version,
    });
    expect(await job.run({ deliveryId: test.id }, { id: 'b', attempt: 1, last: false })).toEqual({
      skipped: 'endpoint disabled',
    });
    expect(await readDelivery(test.id)).toMatchObject({ status: 'failed', attemptCount: 0 });
    expect(
      await job.run(
        { deliveryId: '00000000-0000-4000-8000-000000000000' },
        { id: 'c', attempt: 1, last: false },
      ),
    ).toEqual({
      skipped: 'no delivery',
    });
  });
});

describe('through the queue', () => {
  beforeAll(async () => {
    const jobs = app.services.jobs.map((definition) => (definition.name === DELIVER_JOB ? job : definition));
    app.services.queue.define(jobs as typeof app.services.jobs);
    await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });
  });

  it('delivers a signed event, retried after its first 500; the log shows both attempts', async () => {
    const endpoint = await register(receiver.url);
    secrets.main = endpoint.secret;
    const slack = await register(slackReceiver.url, { format: 'slack', name: 'Slack #accounts' });
    secrets.slack = slack.secret;
    const quiet = await register(receiver.url, { eventTypes: ['task.assigned'] });
    const disabled = await register(receiver.url, { isActive: false });

    await app.database.db.transaction((tx) =>
      recordEvent(tx, {
        type: 'health.red',
        now: app.clock(),
        account: { id: '0b6c0f44-8a55-4a4b-a9a4-0a1f3c2f5d10', name: 'Acme <R&D>' },
        actor: null,
        title: 'Health turned red: Acme <R&D>',
        summary: 'Sentiment is red.',
        link: '/accounts/0b6c0f44-8a55-4a4b-a9a4-0a1f3c2f5d10',
      }),
    );
    expect(await app.services.events.dispatchPending(app.clock())).toBe(1);
    const [delivery] = await deliveries(endpoint.id);
    expect(await deliveries(quiet.id)).toEqual([]);
    expect(await deliveries(disabled.id)).toEqual([]);

    const detail = await settled(delivery!.id);
    expect(detail).toMatchObject({
      status: 'succeeded',
      attemptCount: 2,
      lastHttpStatus: 200,
      nextAttemptAt: null,
    });
    expect(detail.attempts).toMatchObject([
      { attemptNo: 1, httpStatus: 500, responseExcerpt: 'try againlater', error: null },
      { attemptNo: 2, httpStatus: 200, responseExcerpt: 'ok', error: null },
    ]);
    expect(receiver.received.map((request) => [request.status, request.verified])).toEqual([
      [500, true],
      [200, true],
    ]);
    const [first] = receiver.received;
    expect(first!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Liaison-Webhooks/1',
      'x-liaison-event': 'health.red',
      'x-liaison-delivery': delivery!.id,
    });
    const event = LiaisonEvent.parse(JSON.parse(first!.body));
    expect(event).toEqual(detail.payload);
    expect((await admin.get(`/api/v1/webhooks/endpoints/${endpoint.id}`)).body.lastDelivery).toMatchObject({
      status: 'succeeded',
      httpStatus: 200,
    });

    // Slack: a message, its link absolute on the public address, markup escaped.
    const [slackDelivery] = await deliveries(slack.id);
    expect(await settled(slackDelivery!.id)).toMatchObject({ status: 'succeeded', attemptCount: 1 });
    const message = JSON.parse(slackReceiver.received[0]!.body);
    expect(message.text).toBe('Health turned red: Acme &lt;R&amp;D&gt;: Sentiment is red.');
    expect(message.blocks[0].text.text).toContain(
      '<https://liaison.example.com/accounts/0b6c0f44-8a55-4a4b-a9a4-0a1f3c2f5d10|Health turned red: Acme &lt;R&amp;D&gt;>',
    );

    // A job run again after the success sends nothing.
    expect(await job.run({ deliveryId: delivery!.id }, { id: 'again', attempt: 3, last: false })).toEqual({
      skipped: 'succeeded',
    });
    expect(receiver.received).toHaveLength(2);

    // Replay: a new delivery of the same event, the log keeps both.
    const replay = await admin.post(`/api/v1/webhooks/deliveries/${delivery!.id}/replay`);
    expect(replay.status).toBe(201);
    expect(await settled(replay.body.id)).toMatchObject({
      status: 'succeeded',
      attemptCount: 1,
      replayOf: delivery!.id,
    });
    expect(receiver.received).toHaveLength(3);
    expect(receiver.received[2]!.verified).toBe(true);
    expect(JSON.parse(receiver.received[2]!.body).id).toBe(event.id);
    expect(receiver.received[2]!.headers['x-liaison-delivery']).toBe(replay.body.id);
    expect((await deliveries(endpoint.id)).map((item) => item.id).sort()).toEqual(
      [delivery!.id, replay.body.id].sort(),
    );
  });

  it('a rotated secret signs the next delivery; the old one no longer verifies', async () => {
    const endpoint = await register(receiver.url, { eventTypes: ['task.assigned'] });
    const rotated = (await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/rotate-secret`)).body;
    secrets.main = endpoint.secret;
    const test = (await admin.post(`/api/v1/webhooks/endpoints/${endpoint.id}/test`)).body;
    await settled(test.id);
    const last = receiver.received.at(-1)!;
    expect(last.headers['x-liaison-event']).toBe('webhook.test');
    expect(last.verified).toBe(false);
    expect(verify(rotated.secret, last.headers, last.body)).toBe(true);
  });
});
