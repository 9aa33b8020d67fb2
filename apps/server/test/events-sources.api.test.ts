import type { LiaisonEvent } from '@liaison/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { factories } from './factories.ts';
import { createTestApp } from './test-app.ts';

// Where events come from (docs/messages.md): each change records its event in its own
// transaction, the scans record what time makes, and nothing is recorded twice.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);
const { db } = app.database;

const tam = await f.buildUser({ roles: ['tam'], name: 'Tove Tam' });
const manager = await f.buildUser({ roles: ['tam_manager'], name: 'Mona Manager' });

async function eventsOf(type: string): Promise<LiaisonEvent[]> {
  const rows = await db.execute(sql`SELECT body FROM events WHERE type = ${type} ORDER BY seq`);
  return (rows.rows as { body: LiaisonEvent }[]).map((row) => row.body);
}

const account = await f.buildAccount({
  name: 'Evented Corp',
  segment: 'enterprise',
  region: 'noram',
  plan: 'premium',
  arr: 300_000,
  relationshipStage: 'customer',
  team: { tam: tam.user },
});

describe('events at their sources', () => {
  it('a task given to someone else is news to them; one taken by oneself is not', async () => {
    const given = await manager.post('/api/v1/tasks', {
      title: 'Send the upgrade plan',
      accountId: account.id,
      ownerUserId: tam.user.id,
      dueOn: '2026-03-06',
    });
    expect(given.status).toBe(201);
    await tam.post('/api/v1/tasks', { title: 'My own note', accountId: account.id });
    const events = await eventsOf('task.assigned');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      recipientIds: [tam.user.id],
      actor: { id: manager.user.id, name: 'Mona Manager' },
      account: { id: account.id, name: 'Evented Corp' },
      title: 'Mona Manager gave you a task: Send the upgrade plan',
      link: `/accounts/${account.id}?tab=tasks`,
    });
  });

  it('health turning red is an event whatever path wrote the assessment; staying red is not', async () => {
    const set = (colour: string) =>
      db.execute(
        sql`UPDATE account_assessments SET health_colour = ${colour} WHERE account_id = ${account.id}`,
      );
    await set('green');
    await set('red');
    await set('red');
    const events = await eventsOf('health.red');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      account: { id: account.id, name: 'Evented Corp' },
      data: { from: 'green', to: 'red' },
      title: 'Health turned red: Evented Corp',
    });
    // The body's id is the row's: a consumer refers to the event by it.
    const row = await db.execute(sql`SELECT id FROM events WHERE type = 'health.red'`);
    expect((row.rows[0] as { id: string }).id).toBe(events[0]!.id);
  });

  it('an obligation turning overdue is noticed once, by whichever scan comes first', async () => {
    // Two months on, the cadence call is overdue: find its due date, then stand the day after it.
    const storedCadence = async (at: Date) => {
      await app.services.assessments.refreshAllStale(at);
      const stored = await db.execute(
        sql`SELECT o FROM account_assessments, jsonb_array_elements(document->'obligations') o
            WHERE account_id = ${account.id} AND o->>'kind' = 'cadence'`,
      );
      return (stored.rows[0] as { o: { dueDate: string; status: string } }).o;
    };
    const dueDate = (await storedCadence(new Date('2026-05-02T12:00:00.000Z'))).dueDate;
    const dayAfter = new Date(`${dueDate}T12:00:00.000Z`);
    dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
    expect((await storedCadence(dayAfter)).status).toBe('overdue');
    const first = await app.services.assessments.watchBook(dayAfter);
    const second = await app.services.assessments.watchBook(dayAfter);
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(second.overdue).toBe(0);
    const events = await eventsOf('obligation.overdue');
    const cadence = events.find((event) => event.data.kind === 'cadence')!;
    expect(cadence).toMatchObject({
      recipientIds: [tam.user.id],
      account: { id: account.id },
      title: 'Overdue: Cadence call for Evented Corp',
      data: { dueDate },
    });
    // Long-overdue obligations are not news: two months later the scan adds nothing.
    expect((await app.services.assessments.watchBook(new Date('2026-07-01T12:00:00.000Z'))).overdue).toBe(0);
  });

  it('a sentiment older than the playbook allows goes stale once', async () => {
    const current = (await tam.get(`/api/v1/accounts/${account.id}`)).body as { version: number };
    const set = await tam.patch(`/api/v1/accounts/${account.id}`, {
      sentiment: 'green',
      version: current.version,
    });
    expect(set.status).toBe(200);
    const later = new Date('2026-06-01T10:00:00.000Z'); // 91 days after 2026-03-02
    await app.services.assessments.watchBook(later);
    await app.services.assessments.watchBook(new Date('2026-06-02T10:00:00.000Z'));
    const events = await eventsOf('sentiment.stale');
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toContain('set on 2026-03-02');
  });

  it('the dispatcher hands each event to each consumer once', async () => {
    const seen: string[] = [];
    app.services.consumers.push({
      name: 'test',
      consume: async (_executor, events) => {
        seen.push(...events.map((event) => event.id));
      },
    });
    const now = new Date('2026-06-02T10:00:00.000Z');
    const dispatched = await app.services.events.dispatchPending(now);
    expect(dispatched).toBe(seen.length);
    expect(await app.services.events.dispatchPending(now)).toBe(0);
    expect(new Set(seen).size).toBe(seen.length);
    app.services.consumers.pop();
  });
});
