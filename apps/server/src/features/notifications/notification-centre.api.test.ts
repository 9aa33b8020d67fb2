import type { Notification, NotificationPreferences, Task } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { type Client, factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { recordEvent } from '../../kernel/events.ts';
import type { MailQueue, OutgoingMail } from './mail.ts';

// The notification centre is each person's own; preferences change what is sent; the daily
// digest is "your week" once a local day (docs/notifications.md).

const sent: OutgoingMail[] = [];
const seen = new Set<string>();
const mail: MailQueue = {
  async queue(_executor, message) {
    if (message.dedupeKey && seen.has(message.dedupeKey)) return null;
    if (message.dedupeKey) seen.add(message.dedupeKey);
    sent.push(message);
    return String(sent.length);
  },
};
const NOW = '2026-03-02T07:00:00.000Z';
const app = await createTestApp({ now: NOW, mailQueue: mail });
const f = factories(app);

const tam = await f.buildUser({ roles: ['tam'], name: 'Tove Tam', region: 'emea' });
const other = await f.buildUser({ roles: ['tam'], name: 'Olga Other', region: 'emea' });

async function ok<T = any>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}
type NotificationPage = { items: Notification[]; nextCursor: string | null };
const list = (client: Client, query = '') =>
  ok<NotificationPage>('list', client.get(`/api/v1/notifications?${query}`));
const unread = async (client: Client) =>
  (await ok<{ count: number }>('count', client.get('/api/v1/notifications/unread-count'))).count;

/** `count` events naming `userId`, a minute apart, handed over. */
async function tell(
  userId: string,
  count: number,
  type: 'task.assigned' | 'handoff.accepted' = 'task.assigned',
) {
  const start = app.clock().getTime();
  for (let n = 0; n < count; n++) {
    await recordEvent(app.database.db, {
      type,
      now: new Date(start - (count - n) * 60_000),
      account: null,
      actor: null,
      title: `${type} ${n + 1}`,
      summary: `Number ${n + 1}.`,
      link: `/week?n=${n + 1}`,
      recipientIds: [userId],
    });
  }
  await app.services.events.dispatchPending(app.clock());
}

describe('the notification centre', () => {
  it('lists mine newest first, in pages, and only mine', async () => {
    await tell(tam.user.id, 5);
    await tell(other.user.id, 1);
    const first = await list(tam, 'limit=3');
    expect(first.items.map((item) => item.title)).toEqual([
      'task.assigned 5',
      'task.assigned 4',
      'task.assigned 3',
    ]);
    const second = await list(tam, `limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.title)).toEqual(['task.assigned 2', 'task.assigned 1']);
    expect(second.nextCursor).toBeNull();
    expect((await list(other)).items.map((item) => item.title)).toEqual(['task.assigned 1']);
  });

  it('counts the unread; reading one lowers it, and the unread filter leaves it out', async () => {
    expect(await unread(tam)).toBe(5);
    const [newest] = (await list(tam, 'limit=1')).items;
    const read = await ok<Notification>('read', tam.post(`/api/v1/notifications/${newest!.id}/read`));
    expect(read.readAt).toBe(NOW);
    expect(await unread(tam)).toBe(4);
    expect((await list(tam, 'unread=true')).items.map((item) => item.id)).not.toContain(newest!.id);
    // Reading it again keeps the first reading.
    app.setNow('2026-03-02T07:05:00.000Z');
    expect(
      (await ok<Notification>('again', tam.post(`/api/v1/notifications/${newest!.id}/read`))).readAt,
    ).toBe(NOW);
    app.setNow(NOW);
  });

  it('someone else’s notification is not found, and stays unread', async () => {
    const [theirs] = (await list(other)).items;
    const response = await tam.post(`/api/v1/notifications/${theirs!.id}/read`);
    expect(response.status).toBe(404);
    expect(await unread(other)).toBe(1);
  });

  it('marks all read', async () => {
    expect(await ok('all', tam.post('/api/v1/notifications/read-all'))).toEqual({ marked: 4 });
    expect(await unread(tam)).toBe(0);
    expect(await unread(other)).toBe(1);
  });

  it.each([
    ['a cursor it never gave', '/api/v1/notifications?cursor=bm9wZQ', 400],
    ['a limit too large', '/api/v1/notifications?limit=1000', 400],
    ['an unread that is not a boolean', '/api/v1/notifications?unread=maybe', 400],
  ])('refuses %s with a 4xx', async (_name, url, status) => {
    expect((await tam.get(url)).status).toBe(status);
  });

  it('refuses a read of something that is not an id', async () => {
    expect((await tam.post('/api/v1/notifications/not-an-id/read')).status).toBe(400);
  });
});

describe('preferences', () => {
  const get = (client: Client) =>
    ok<NotificationPreferences>('get', client.get('/api/v1/me/notification-preferences'));

  it('start from the defaults: the region’s zone, quiet nights, the digest at 07:00', async () => {
    expect(await get(tam)).toMatchObject({
      custom: false,
      timeZone: 'Europe/London',
      quietHours: { start: '20:00', end: '07:00' },
      digestHour: 7,
      digest: true,
      channels: { 'health.red': 'email', 'task.assigned': 'email', 'health.yellow': 'digest' },
    });
  });

  it('change what is given and keep the rest', async () => {
    await ok('put', tam.put('/api/v1/me/notification-preferences', { channels: { 'health.yellow': 'off' } }));
    const after = await ok<NotificationPreferences>(
      'put',
      tam.put('/api/v1/me/notification-preferences', { timeZone: 'europe/berlin', digestHour: 8 }),
    );
    expect(after).toMatchObject({
      custom: true,
      timeZone: 'Europe/Berlin',
      digestHour: 8,
      quietHours: { start: '20:00', end: '07:00' },
      channels: { 'health.yellow': 'off', 'health.red': 'email' },
    });
    expect(await get(tam)).toEqual(after);
    expect((await get(other)).custom).toBe(false); // one person's, not everyone's
  });

  it.each([
    ['a zone that does not exist', { timeZone: 'Mars/Olympus' }, 'body.timeZone'],
    ['a time that is not one', { quietHours: { start: '25:00', end: '07:00' } }, 'body.quietHours.start'],
    ['an unknown channel', { channels: { 'health.red': 'pigeon' } }, 'body.channels.health.red'],
    ['an hour past 23', { digestHour: 24 }, 'body.digestHour'],
  ])('refuses %s (400, the field named)', async (_name, body, path) => {
    const response = await tam.put('/api/v1/me/notification-preferences', body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body.error.details)).toContain(path);
  });
});

describe('the daily digest: your week', async () => {
  const digestPerson = await f.buildUser({ roles: ['tam'], name: 'Dora Digest', region: 'emea' });
  const quiet = await f.buildUser({ roles: ['tam'], name: 'Quentin Quiet', region: 'emea' });
  const account = await f.buildAccount({ name: 'Digest & <Co>', team: { tam: digestPerson.user } });

  it('lists the overdue, the due soon and what changed since the last digest, with links', async () => {
    await ok<Task>(
      'task',
      digestPerson.post('/api/v1/tasks', {
        title: 'Overdue thing',
        accountId: account.id,
        dueOn: '2026-02-25',
      }),
    );
    await ok<Task>('task', digestPerson.post('/api/v1/tasks', { title: 'Soon thing', dueOn: '2026-03-05' }));
    await ok<Task>('task', digestPerson.post('/api/v1/tasks', { title: 'Far thing', dueOn: '2026-04-30' }));
    await tell(digestPerson.user.id, 2, 'handoff.accepted'); // the digest channel by default
    await tell(digestPerson.user.id, 1, 'task.assigned'); // e-mailed at once: not in the digest
    const content = await app.services.digest.sendToUser(digestPerson.user.id, app.clock());
    expect(content?.subject).toMatch(/^Your week in Liaison: \d+ overdue, 1 due soon, 2 changes$/);
    expect(content?.text).toContain(
      `- Overdue thing · Digest & <Co> · due 2026-02-25\n  http://localhost:3000/accounts/${account.id}?tab=tasks`,
    );
    expect(content?.text).toContain('- Soon thing · due 2026-03-05\n  http://localhost:3000/week');
    expect(content?.text).toContain('- handoff.accepted 1 — Number 1.\n  http://localhost:3000/week?n=1');
    expect(content?.text).not.toContain('Far thing');
    expect(content?.text).not.toContain('task.assigned 1');
    expect(content?.html).toContain('Digest &amp; &lt;Co&gt;');
    expect(sent.at(-1)).toMatchObject({
      to: digestPerson.user.email,
      kind: 'digest',
      dedupeKey: `digest:${digestPerson.user.id}:2026-03-02`,
      sendAfter: null, // 07:00 in London: quiet hours have just ended
    });
  });

  it('is sent once a local day, and the next says only what changed after', async () => {
    expect(await app.services.digest.sendToUser(digestPerson.user.id, app.clock())).toBeNull();
    app.setNow('2026-03-03T07:00:00.000Z');
    const next = await app.services.digest.sendToUser(digestPerson.user.id, app.clock());
    expect(next?.text).not.toContain('handoff.accepted');
    expect(next?.text).toContain('Overdue thing');
    app.setNow(NOW);
  });

  it('the hourly run sends to those whose local digest hour it is, and skips those with nothing to say', async () => {
    await ok(
      'pref',
      quiet.put('/api/v1/me/notification-preferences', { timeZone: 'Asia/Tokyo', digestHour: 16 }),
    );
    await tell(quiet.user.id, 1, 'handoff.accepted');
    // 07:00 UTC is 16:00 in Tokyo: Quentin's hour; Dora's in London too, but she had today's.
    const result = await app.services.digest.sendDue(new Date('2026-03-04T07:00:00.000Z'));
    expect(sent.filter((message) => message.toUserId === quiet.user.id)).toHaveLength(1);
    expect(result.considered).toBeGreaterThanOrEqual(2);
    // Nothing new and nothing due for Olga at her hour (she has only read, assigned items): no digest.
    expect(
      sent.filter((message) => message.toUserId === other.user.id && message.kind === 'digest'),
    ).toHaveLength(0);
  });

  it('who does not want it does not get it', async () => {
    await ok('pref', quiet.put('/api/v1/me/notification-preferences', { digest: false }));
    await tell(quiet.user.id, 1, 'handoff.accepted');
    const before = sent.length;
    await app.services.digest.sendDue(new Date('2026-03-05T07:00:00.000Z'));
    expect(sent.slice(before).filter((message) => message.toUserId === quiet.user.id)).toHaveLength(0);
  });
});
