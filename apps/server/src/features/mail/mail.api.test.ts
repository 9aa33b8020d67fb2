import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { HELD_NOTE } from './index.ts';

// E-mail without an SMTP server (docs/mail.md): every message is held in the outbox, listed for
// admins, never dropped. The SMTP path has its own file with a real SMTP server.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);
const f = factories(app);
const mail = app.services.mail;

/** Queues a message as another feature would: in a transaction of its own. */
const queueMessage = (message: Partial<Parameters<typeof mail.queue>[1]> = {}) =>
  app.database.db.transaction((tx) =>
    mail.queue(tx, {
      to: 'pat@example.com',
      subject: 'A notification',
      text: 'Something happened.',
      kind: 'notification',
      ...message,
    }),
  );

describe('the outbox without an SMTP server', () => {
  it('is for admins only', async () => {
    const message = (await admin.post('/api/v1/mail/test')).body;
    for (const roles of [['tam_manager'], ['tam'], ['viewer']] as const) {
      const user = await f.buildUser({ roles: [...roles] });
      for (const [method, url] of [
        ['GET', '/api/v1/mail/status'],
        ['GET', '/api/v1/mail/outbox'],
        ['GET', `/api/v1/mail/outbox/${message.id}`],
        ['POST', `/api/v1/mail/outbox/${message.id}/resend`],
        ['POST', '/api/v1/mail/test'],
      ] as const) {
        const response = await user.send(method, url, method === 'POST' ? {} : undefined);
        expect(response.status, `${roles} ${method} ${url}`).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('holds a test message, with a note saying why, and lists it', async () => {
    const sent = await admin.post('/api/v1/mail/test');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      kind: 'test',
      status: 'queued',
      attempts: 0,
      subject: 'Liaison test message',
    });
    expect(sent.body.text).toContain('http://localhost:3000/admin/outbox');
    expect(await mail.deliver(sent.body.id, 1)).toEqual({ status: 'held', messageId: sent.body.id });

    const held = await admin.get(`/api/v1/mail/outbox/${sent.body.id}`);
    expect(held.body).toMatchObject({ status: 'held', attempts: 0, lastError: HELD_NOTE, sentAt: null });
    expect(held.body.html).toContain('<strong>test message</strong>');
    const list = await admin.get('/api/v1/mail/outbox?status=held&kind=test');
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(sent.body.id);
    expect(list.body.items[0]).not.toHaveProperty('text');

    const status = await admin.get('/api/v1/mail/status');
    expect(status.body).toMatchObject({
      smtpConfigured: false,
      smtpServer: null,
      from: 'Liaison <liaison@localhost>',
      publicUrl: 'http://localhost:3000',
    });
    expect(status.body.counts.held).toBeGreaterThanOrEqual(1);
  });

  it('runs delivery as a job: the queued message is held by the worker', async () => {
    await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });
    try {
      const id = await queueMessage({ subject: 'Through the job' });
      await expect
        .poll(async () => (await admin.get(`/api/v1/mail/outbox/${id}`)).body.status, { timeout: 15_000 })
        .toBe('held');
    } finally {
      await app.services.queue.stop();
    }
  });

  it('never queues the same message twice', async () => {
    const key = `digest:${randomUUID()}`;
    const first = await queueMessage({ kind: 'digest', dedupeKey: key });
    expect(first).toEqual(expect.any(String));
    expect(await queueMessage({ kind: 'digest', dedupeKey: key })).toBeNull();
    const list = await admin.get('/api/v1/mail/outbox?kind=digest');
    expect(list.body.items.filter((item: { id: string }) => item.id === first)).toHaveLength(1);
  });

  it('queues nothing when the caller’s transaction rolls back', async () => {
    const to = `rollback-${randomUUID().slice(0, 8)}@example.com`;
    await expect(
      app.database.db.transaction(async (tx) => {
        await mail.queue(tx, { to, subject: 'Never', text: 'x', kind: 'notification' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await admin.get(`/api/v1/mail/outbox?to=${to}`)).body.items).toEqual([]);
  });

  it('refuses a message a caller built wrong', async () => {
    await expect(queueMessage({ to: 'not an address' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(queueMessage({ subject: 'Two\nlines' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(queueMessage({ kind: 'Not A Kind' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps quiet hours: the job waits until sendAfter', async () => {
    const sendAfter = new Date(Date.now() + 6 * 3_600_000);
    const id = await queueMessage({ sendAfter });
    const message = (await admin.get(`/api/v1/mail/outbox/${id}`)).body;
    expect(message.sendAfter).toBe(sendAfter.toISOString());
    const jobs = await app.database.pool.query(
      `SELECT start_after FROM pgboss.job WHERE name = 'mail-deliver' AND data->>'messageId' = $1`,
      [id],
    );
    expect(jobs.rows).toEqual([{ start_after: sendAfter }]);
  });

  it('re-sends a held message, and refuses to re-send one that is queued', async () => {
    const id = (await queueMessage({ subject: 'Resend me' }))!;
    const queued = await admin.post(`/api/v1/mail/outbox/${id}/resend`);
    expect(queued.status).toBe(422);
    expect(queued.body.error.code).toBe('INVALID_STATE');
    await mail.deliver(id, 1);
    const resent = await admin.post(`/api/v1/mail/outbox/${id}/resend`);
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ status: 'queued', lastError: null });
    // Its job runs again and, with still no SMTP server, holds it again.
    expect(await mail.deliver(id, 1)).toMatchObject({ status: 'held' });
    // A job that runs twice does nothing the second time.
    expect(await mail.deliver(id, 1)).toEqual({ skipped: 'held', messageId: id });
  });

  it('pages the outbox newest first with a cursor', async () => {
    const to = `pages-${randomUUID().slice(0, 8)}@example.com`;
    const ids: string[] = [];
    for (let index = 0; index < 5; index++) {
      app.setNow(new Date(Date.parse('2026-03-03T09:00:00.000Z') + index * 60_000));
      ids.push((await queueMessage({ to, subject: `Message ${index}` }))!);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `to=${to.toUpperCase()}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await admin.get(`/api/v1/mail/outbox?${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('answers bad ids, filters and cursors with 4xx', async () => {
    expect((await admin.get('/api/v1/mail/outbox/not-a-uuid')).status).toBe(400);
    expect((await admin.get(`/api/v1/mail/outbox/${randomUUID()}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/mail/outbox/${randomUUID()}/resend`)).status).toBe(404);
    expect((await admin.post('/api/v1/mail/outbox/1/resend')).status).toBe(400);
    expect((await admin.get('/api/v1/mail/outbox?status=lost')).status).toBe(400);
    expect((await admin.get('/api/v1/mail/outbox?kind=%00')).status).toBe(400);
    expect((await admin.get('/api/v1/mail/outbox?cursor=garbage')).status).toBe(400);
    expect(await mail.deliver('not-a-uuid', 1)).toEqual({ skipped: 'invalid', messageId: 'not-a-uuid' });
    expect(await mail.deliver(randomUUID(), 1)).toMatchObject({ skipped: 'missing' });
  });
});
