import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { DELIVER_JOB, DELIVERY_RETRY_LIMIT } from './mail-delivery.ts';

// E-mail over a real SMTP server, in-process (smtp-server): what arrives is parsed (mailparser)
// and compared with what was queued. The server can be told to refuse the next recipients, as a
// busy or broken server would.

interface Received {
  from: string;
  to: string[];
  parsed: ParsedMail;
}

const received: Received[] = [];
/** How many of the next RCPT TO commands the server refuses, and with what. */
let refuseNext = 0;
let refusal = { code: 451, message: 'Try again later' };

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(_address, _session, callback) {
    if (refuseNext > 0) {
      refuseNext--;
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      return callback(error);
    }
    callback();
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          parsed,
        });
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const { port } = smtp.server.address() as { port: number };

const app = await createTestApp({
  now: '2026-03-02T09:00:00.000Z',
  mail: {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: 'Liaison Test <liaison@example.com>',
    publicUrl: 'https://liaison.example.com',
  },
});
const admin = httpClient(app.http, app.adminToken);
const mail = app.services.mail;

// Retries a second apart instead of 30 s doubling: the queue's settings follow the definitions.
app.services.queue.define(
  app.services.jobs.map((job) =>
    job.name === DELIVER_JOB ? { ...job, retryDelaySeconds: 1, backoff: false } : job,
  ),
);
await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });

afterAll(async () => {
  await app.services.queue.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const messageFor = (subject: string) =>
  expect.poll(() => received.find((item) => item.parsed.subject === subject), { timeout: 20_000 });

const outbox = async (id: string) => (await admin.get(`/api/v1/mail/outbox/${id}`)).body;

describe('e-mail over SMTP', () => {
  it('says SMTP is configured, without the credentials', async () => {
    const status = await admin.get('/api/v1/mail/status');
    expect(status.body).toMatchObject({
      smtpConfigured: true,
      smtpServer: `smtp://127.0.0.1:${port}`,
      from: 'Liaison Test <liaison@example.com>',
      publicUrl: 'https://liaison.example.com',
    });
  });

  it('delivers a queued message: sender, recipient, subject, text and html arrive', async () => {
    const id = await app.database.db.transaction((tx) =>
      mail.queue(tx, {
        to: 'pat@example.com',
        subject: 'Acme turned red',
        text: 'Health went from yellow to red.\nhttps://liaison.example.com/accounts/1',
        html: '<p>Health went from yellow to <b>red</b>.</p>',
        kind: 'notification',
      }),
    );
    await messageFor('Acme turned red').toBeDefined();
    const arrived = received.find((item) => item.parsed.subject === 'Acme turned red')!;
    expect(arrived.from).toBe('liaison@example.com');
    expect(arrived.to).toEqual(['pat@example.com']);
    expect(arrived.parsed.from?.text).toBe('"Liaison Test" <liaison@example.com>');
    expect(arrived.parsed.text?.trim()).toBe(
      'Health went from yellow to red.\nhttps://liaison.example.com/accounts/1',
    );
    expect(arrived.parsed.html).toContain('<b>red</b>');
    expect(arrived.parsed.headers.get('x-liaison-kind')).toBe('notification');
    expect(arrived.parsed.messageId).toBe(`<${id}@example.com>`);

    await expect.poll(async () => (await outbox(id!)).status).toBe('sent');
    const sent = await outbox(id!);
    expect(sent).toMatchObject({ attempts: 1, lastError: null, smtpMessageId: `<${id}@example.com>` });
    expect(sent.smtpResponse).toMatch(/^250/);
    // The job running again sends nothing more.
    expect(await mail.deliver(id!, 1)).toEqual({ skipped: 'sent', messageId: id });
    expect(received.filter((item) => item.parsed.subject === 'Acme turned red')).toHaveLength(1);
  });

  it('retries after a refusal: the next attempt arrives, and the row counts both', async () => {
    refusal = { code: 451, message: 'Greylisted, try again later' };
    refuseNext = 1;
    const test = await admin.post('/api/v1/mail/test');
    expect(test.status).toBe(201);
    await messageFor('Liaison test message').toBeDefined();
    const arrived = received.find((item) => item.parsed.subject === 'Liaison test message')!;
    expect(arrived.to).toEqual([test.body.to]);
    expect(arrived.parsed.text).toContain('https://liaison.example.com/admin/outbox');
    await expect.poll(async () => (await outbox(test.body.id)).status).toBe('sent');
    expect(await outbox(test.body.id)).toMatchObject({ attempts: 2, lastError: null });
  });

  it('marks the message failed after the last attempt, for an admin to re-send', async () => {
    refusal = { code: 550, message: 'No such user here' };
    // Delivered by hand: a worker is running, so the row is locked against it while we try.
    await app.services.queue.stop();
    try {
      const id = (await app.database.db.transaction((tx) =>
        mail.queue(tx, { to: 'nobody@example.com', subject: 'Bounces', text: 'x', kind: 'notification' }),
      ))!;
      refuseNext = 2;
      await expect(mail.deliver(id, 1)).rejects.toThrow(/No such user here/);
      expect(await outbox(id)).toMatchObject({ status: 'queued', attempts: 1 });
      await expect(mail.deliver(id, DELIVERY_RETRY_LIMIT + 1)).rejects.toThrow(/550/);
      const failed = await outbox(id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 2 });
      expect(failed.lastError).toContain('No such user here');
      const deadLetters = await admin.get('/api/v1/mail/outbox?status=failed');
      expect(deadLetters.body.items.map((item: { id: string }) => item.id)).toEqual([id]);

      // The server recovered: an admin re-sends it and it arrives.
      expect((await admin.post(`/api/v1/mail/outbox/${id}/resend`)).body.status).toBe('queued');
      expect(await mail.deliver(id, 1)).toEqual({ status: 'sent', messageId: id });
      expect(received.some((item) => item.parsed.subject === 'Bounces')).toBe(true);
      expect(await outbox(id)).toMatchObject({ status: 'sent', attempts: 3 });
    } finally {
      await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });
    }
  });
});
