import type { TaskListItem } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { factories } from './factories.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';
import { createTestApp } from './test-app.ts';

// The daily digest, end to end (docs/notifications.md, docs/mail.md): built from a TAM's book,
// queued in the outbox, delivered by the mail job to a real SMTP server in-process, parsed on
// arrival — and what arrives is the TAM's own week: their overdue and due-soon work, what
// changed in their book, nothing of another TAM's.

const smtp = await startSmtpReceiver();
const { received } = smtp;

// 09:00 in New York (the default zone of a NORAM person), outside the default quiet hours.
const NOW = '2026-05-04T13:00:00.000Z';
const app = await createTestApp({
  now: '2026-03-02T09:00:00.000Z',
  mail: {
    smtpUrl: smtp.url,
    from: 'Liaison <liaison@example.com>',
    publicUrl: 'https://liaison.example.com',
  },
});
const f = factories(app);
await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });
afterAll(async () => {
  await app.services.queue.stop();
});

const tam = await f.buildUser({ roles: ['tam'], name: 'Dora Digest', region: 'noram' });
const otherTam = await f.buildUser({ roles: ['tam'], name: 'Otto Other', region: 'noram' });
const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mia Manager', region: 'noram' });
const customer = (name: string, owner: typeof tam) =>
  f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr: 300_000,
    relationshipStage: 'customer',
    team: { tam: owner.user },
  });
const mine = await customer('Digestible Dynamics', tam);
const theirs = await customer('Elsewhere Enterprises', otherTam);

describe('the daily digest over SMTP', () => {
  it('arrives with the recipient’s week and nothing of anyone else’s', async () => {
    // Dora hears of tasks given to her in her digest, not by an e-mail at once.
    const preferences = await tam.put('/api/v1/me/notification-preferences', {
      channels: { 'task.assigned': 'digest' },
    });
    expect(preferences.status).toBe(200);
    // A task the manager gives the TAM, due in two days: news, and work due soon.
    app.setNow('2026-05-04T12:00:00.000Z');
    const task = await manager.post('/api/v1/tasks', {
      title: 'Prepare the expansion review',
      accountId: mine.id,
      ownerUserId: tam.user.id,
      dueOn: '2026-05-06',
    });
    expect(task.status).toBe(201);
    await otherTam.post('/api/v1/tasks', {
      title: 'Not Dora’s task',
      accountId: theirs.id,
      dueOn: '2026-05-05',
    });
    await app.services.events.dispatchPending(new Date(NOW));

    // What Dora's own list says she owes this week (the digest must say the same).
    app.setNow(NOW);
    const week = (
      await tam.get<{ items: TaskListItem[] }>(
        `/api/v1/tasks?owner=${tam.user.id}&status=open&dueBefore=2026-05-11&limit=100`,
      )
    ).body.items.filter((item) => item.dueOn !== null);
    expect(week.length).toBeGreaterThanOrEqual(2); // the task and at least one overdue obligation

    const content = await app.services.digest.sendToUser(tam.user.id, new Date(NOW));
    expect(content).not.toBeNull();
    const digest = () => received.filter((parsed) => parsed.subject === content!.subject);
    const deadline = Date.now() + 30_000;
    while (digest().length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    expect(digest()).toHaveLength(1);
    // Her preference held: the assignment came in the digest, no e-mail of its own.
    expect(received).toHaveLength(1);
    const mail = digest()[0]!;
    expect(mail.to && 'value' in mail.to ? mail.to.value[0]?.address : null).toBe(tam.user.email);
    const text = mail.text ?? '';
    for (const item of week) expect(text, item.title).toContain(item.title);
    expect(text).toContain('Digestible Dynamics');
    expect(text).toContain('Mia Manager gave you a task: Prepare the expansion review');
    expect(text).toContain('https://liaison.example.com/');
    expect(text).not.toContain('Elsewhere Enterprises');
    expect(text).not.toContain('Not Dora’s task');
    expect(mail.html).toBeTruthy();

    // Once a day: asking again the same day sends nothing more.
    expect(await app.services.digest.sendToUser(tam.user.id, new Date(NOW))).toBeNull();
  });
});
