import type { Notification, NotificationPreferences } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { type Client, factories, type Staff } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { recordEvent } from '../../kernel/events.ts';
import type { MailQueue, OutgoingMail } from './mail.ts';

// Notifications (docs/notifications.md): who is told of an event, on which channel, once; the
// e-mail waits for the end of quiet hours; the centre is each person's own.

/** A mail queue that records what it was given and honours dedupe keys, as the real one does. */
function recordingMail() {
  const sent: OutgoingMail[] = [];
  const seen = new Set<string>();
  const mail: MailQueue = {
    async queue(_executor, message) {
      if (message.dedupeKey) {
        if (seen.has(message.dedupeKey)) return null;
        seen.add(message.dedupeKey);
      }
      sent.push(message);
      return `mail-${sent.length}`;
    },
  };
  return { mail, sent };
}

const outbox = recordingMail();
// 09:00 UTC on a Monday: 04:00 in New York (quiet), 10:00 in Berlin.
const NOW = '2026-03-02T09:00:00.000Z';
const app = await createTestApp({ now: NOW, mailQueue: outbox.mail });
const f = factories(app);
const dispatch = () => app.services.events.dispatchPending(app.clock());

const tam = await f.buildUser({ roles: ['tam'], name: 'Tove Tam', region: 'noram' });
const sal = await f.buildUser({ roles: ['sal'], name: 'Sal Owner', region: 'noram' });
const sa = await f.buildUser({ roles: ['sa'], name: 'Gone Architect', region: 'noram' });
const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Nora Manager', region: 'noram' });
const emeaManager = await f.buildUser({ roles: ['tam_manager'], name: 'Emil Manager', region: 'emea' });
const viewer = await f.buildUser({ roles: ['viewer'], name: 'Vic Viewer', region: 'emea' });

async function ok<T = any>(what: string, response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
}
const mine = async (client: Client, query = '') =>
  await ok<{ items: Notification[]; nextCursor: string | null }>(
    'list',
    client.get(`/api/v1/notifications?${query}`),
  );
const unread = async (client: Client) =>
  (await ok<{ count: number }>('count', client.get('/api/v1/notifications/unread-count'))).count;
const prefer = (client: Client, body: unknown) =>
  ok<NotificationPreferences>('prefer', client.put('/api/v1/me/notification-preferences', body));

/** A managed noram customer with Tove as TAM, Sal as SAL and the SA; green to begin with. */
async function customer(
  name: string,
  team: Record<string, { id: string }> = { tam: tam.user, sal: sal.user, sa: sa.user },
) {
  const account = await f.buildAccount({
    name,
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr: 300_000,
    relationshipStage: 'customer',
    sentiment: 'green',
    sentimentSetAt: NOW,
    team,
    teamStartsAt: '2026-01-05T00:00:00Z',
  });
  await dispatch(); // what building it caused is not this test's
  return account;
}

async function setSentiment(account: { id: string }, sentiment: 'green' | 'yellow' | 'red') {
  const current = await ok<{ version: number }>('get', f.admin.get(`/api/v1/accounts/${account.id}`));
  await ok(
    'sentiment',
    f.admin.patch(`/api/v1/accounts/${account.id}`, {
      sentiment,
      sentimentSetAt: app.clock().toISOString(),
      sentimentReason: 'Test',
      version: current.version,
    }),
  );
}

describe('health turning red (the trigger on assessments)', async () => {
  // Sal hears nothing of red; the region's manager wants it by e-mail, in UTC, with no quiet hours.
  await prefer(sal, { channels: { 'health.red': 'off' } });
  await prefer(manager, { timeZone: 'UTC', quietHours: null });
  const account = await customer('Red Turn Corp');
  await ok(
    'deactivate',
    f.admin.patch(`/api/v1/users/${sa.user.id}`, { isActive: false, version: sa.user.version }),
  );
  await setSentiment(account, 'red');
  const mailsBefore = outbox.sent.length;
  await dispatch();
  const mails = outbox.sent.slice(mailsBefore);

  it('tells the account team and the region’s TAM manager, per their preferences', async () => {
    const told = async (person: Staff) =>
      (await mine(person)).items.filter(
        (item) => item.account?.id === account.id && item.type === 'health.red',
      );
    expect(await told(tam)).toMatchObject([
      {
        title: 'Health turned red: Red Turn Corp',
        channel: 'email',
        link: `/accounts/${account.id}`,
        readAt: null,
      },
    ]);
    expect(await told(manager)).toMatchObject([{ channel: 'email' }]);
    expect(await told(sal)).toEqual([]); // off
    expect(await told(emeaManager)).toEqual([]); // another region
    expect(await told(viewer)).toEqual([]); // not in any audience
  });

  it('a deactivated team member gets nothing', async () => {
    expect(mails.map((mail) => mail.toUserId)).not.toContain(sa.user.id);
  });

  it('mails at once, but not in the person’s quiet hours: then at their end, in their zone', async () => {
    const byUser = new Map(mails.map((mail) => [mail.toUserId, mail]));
    // Tove: the defaults for noram (New York, quiet 20:00–07:00): 04:00 there, so at 07:00 EST.
    expect(byUser.get(tam.user.id)).toMatchObject({
      to: tam.user.email,
      subject: 'Health turned red: Red Turn Corp',
      kind: 'notification-health-red',
      sendAfter: new Date('2026-03-02T12:00:00.000Z'),
    });
    expect(byUser.get(tam.user.id)?.dedupeKey).toMatch(
      new RegExp(`^notification:[0-9a-f-]{36}:${tam.user.id}$`),
    );
    expect(byUser.get(tam.user.id)?.text).toContain(`http://localhost:3000/accounts/${account.id}`);
    expect(byUser.get(manager.user.id)?.sendAfter).toBeNull();
    expect(mails).toHaveLength(2);
  });

  it('never twice: dispatching again, or the same event handed over again, adds nothing', async () => {
    const count = await unread(tam);
    await dispatch();
    const [event] = (await app.services.events.recent(5)).filter((row) => row.account?.id === account.id);
    expect(event).toBeDefined();
    const consumer = app.services.consumers.find((one) => one.name === 'notifications')!;
    await app.database.db.transaction((tx) => consumer.consume(tx, [event!], app.clock()));
    expect(await unread(tam)).toBe(count);
    expect(outbox.sent.length).toBe(mailsBefore + 2);
  });
});

describe('health turned red by a person', () => {
  it('names who turned it, and does not tell her what she did; the others hear of it', async () => {
    // Built without the SA, whom the describe above deactivated.
    const account = await customer('Own Turn Corp', { tam: tam.user, sal: sal.user });
    const managerBefore = (await mine(manager)).items.length;
    // The TAM herself marks the sentiment red (her client signs with an API token).
    const current = await ok<{ version: number }>('get', tam.get(`/api/v1/accounts/${account.id}`));
    await ok(
      'sentiment',
      tam.patch(`/api/v1/accounts/${account.id}`, {
        sentiment: 'red',
        sentimentSetAt: app.clock().toISOString(),
        sentimentReason: 'Escalation',
        version: current.version,
      }),
    );
    await dispatch();
    const [event] = (await app.services.events.recent(20)).filter(
      (row) => row.account?.id === account.id && row.type === 'health.red',
    );
    expect(event?.actor).toMatchObject({ id: tam.user.id, name: expect.stringContaining('Tove Tam') });
    const told = (await mine(tam)).items.filter((item) => item.account?.id === account.id);
    expect(told).toEqual([]);
    expect((await mine(manager)).items.length).toBe(managerBefore + 1);
  });
});

describe('events recorded by their sources', () => {
  const event = (patch: Partial<Parameters<typeof recordEvent>[1]>) =>
    recordEvent(app.database.db, {
      type: 'task.assigned',
      now: app.clock(),
      account: null,
      actor: null,
      title: 'A task for you',
      summary: 'Send the sizing guide.',
      link: '/week',
      ...patch,
    });

  it('the person named is told; the actor of their own assignment is not', async () => {
    const before = await unread(viewer);
    await event({ recipientIds: [viewer.user.id], actor: { id: tam.user.id, name: 'Tove Tam' } });
    await event({ recipientIds: [tam.user.id], actor: { id: tam.user.id, name: 'Tove Tam' } });
    const tamBefore = await unread(tam);
    await dispatch();
    expect(await unread(viewer)).toBe(before + 1);
    expect(await unread(tam)).toBe(tamBefore);
  });

  it('the importer hears of their own import, which ran in the background', async () => {
    const before = await unread(manager);
    await event({
      type: 'import.failed',
      title: 'Import failed',
      recipientIds: [manager.user.id],
      actor: { id: manager.user.id, name: 'Nora Manager' },
    });
    await dispatch();
    expect(await unread(manager)).toBe(before + 1);
  });

  it('`off` sends nothing, `in_app` no e-mail', async () => {
    await prefer(viewer, { channels: { 'task.assigned': 'off', 'step.assigned': 'in_app' } });
    const before = await unread(viewer);
    const mails = outbox.sent.length;
    await event({ recipientIds: [viewer.user.id] });
    await event({ type: 'step.assigned', recipientIds: [viewer.user.id] });
    await dispatch();
    expect(await unread(viewer)).toBe(before + 1);
    expect(outbox.sent.length).toBe(mails);
    const items = (await mine(viewer)).items;
    expect(items.find((item) => item.type === 'step.assigned')).toMatchObject({ channel: 'in_app' });
    expect(items.filter((item) => item.type === 'task.assigned' && item.channel === 'email')).toHaveLength(1);
  });

  it('the same dedupe key twice is one event, so one notification', async () => {
    const before = await unread(viewer);
    await event({ type: 'step.assigned', recipientIds: [viewer.user.id], dedupeKey: 'step:once' });
    await event({ type: 'step.assigned', recipientIds: [viewer.user.id], dedupeKey: 'step:once' });
    await dispatch();
    expect(await unread(viewer)).toBe(before + 1);
  });
});
