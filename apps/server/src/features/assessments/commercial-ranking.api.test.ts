import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

/** A TAM-aligned Commercial account that the Commercial model would put at Pr2 unless it is top 30. */
async function commercialAccount(name: string, arr: number) {
  const account = await f.buildAccount({
    name,
    segment: 'smb',
    region: 'noram',
    plan: 'premium',
    arr,
    relationshipStage: 'customer',
    sentiment: 'green',
    stagesAdopted: ['plan', 'create', 'verify'],
  });
  await f.buildSuccessPlan(account, { objectives: ['Adopt CI'] });
  return account.id;
}

const priorityOf = async (id: string) => (await admin.get(`/api/v1/accounts/${id}/assessment`)).body.priority;

describe('Commercial top 30 by ARR', () => {
  it('makes the top 30 Pr1, and moves the boundary for the others in the same write', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 31; index++) {
      ids.push(
        await commercialAccount(`Commercial ${String(index).padStart(2, '0')}`, 200_000 - index * 1_000),
      );
    }
    const first = await priorityOf(ids[0]!);
    expect(first.priority).toBe('pr1');
    expect(first.explanation.path.join(' ')).toMatch(/top 30 by ARR\? yes \(rank 1\)/);
    const thirtieth = await priorityOf(ids[29]!);
    expect(thirtieth.priority).toBe('pr1');
    const last = await priorityOf(ids[30]!);
    expect(last.priority).toBe('pr2');
    expect(last.explanation.path.join(' ')).toMatch(/top 30 by ARR\? no \(not in the top 30\)/);

    // The 31st grows past everyone: it enters the top 30 and pushes the 30th out, in one write.
    const account = (await admin.get(`/api/v1/accounts/${ids[30]}`)).body;
    expect(
      (await admin.patch(`/api/v1/accounts/${ids[30]}`, { arr: 500_000, version: account.version })).status,
    ).toBe(200);
    const stored = await app.database.pool.query<{
      account_id: string;
      priority: string;
      commercial_rank: number;
    }>('SELECT account_id, priority, commercial_rank FROM account_assessments WHERE account_id = ANY($1)', [
      [ids[29], ids[30]],
    ]);
    const byId = new Map(stored.rows.map((row) => [row.account_id, row]));
    expect(byId.get(ids[30]!)).toMatchObject({ priority: 'pr1', commercial_rank: 1 });
    // Only the top N carry a rank (book-context.loader.ts): the 30th fell out of it.
    expect(byId.get(ids[29]!)).toMatchObject({ priority: 'pr2', commercial_rank: null });
  });
});

describe('the Commercial ranking as of an instant', () => {
  it('ranks the book as the history recorded it then, not as it is now', async () => {
    const ids: string[] = [];
    app.setNow('2026-04-01T09:00:00.000Z');
    for (let index = 0; index < 31; index++)
      ids.push(await commercialAccount(`Earlier ${String(index).padStart(2, '0')}`, 900_000 - index * 1_000));
    // On April 10 the leader's ARR falls to the bottom of the managed book, and the 31st enters.
    app.setNow('2026-04-10T09:00:00.000Z');
    const leader = (await admin.get(`/api/v1/accounts/${ids[0]}`)).body;
    await admin.patch(`/api/v1/accounts/${ids[0]}`, { arr: 100_000, version: leader.version });
    // An account its plan alone would not have managed, with a TAM from April 20 (set on April 10).
    const tamLed = await f.buildAccount({
      name: 'Earlier TAM-led',
      segment: 'smb',
      region: 'noram',
      plan: 'free',
      arr: 950_000,
    });
    const tam = await f.buildUser({
      name: 'Tim Tam',
      email: 'tim@example.com',
      roles: ['tam'],
      region: 'noram',
    });
    const assigned = await f.assign(tamLed, tam.user, 'tam', { startsAt: '2026-04-20T00:00:00Z' });
    expect(assigned).toMatchObject({ role: 'tam' });

    const then = (at: string, id: string) =>
      admin.get(`/api/v1/accounts/${id}/assessment?at=${at}`).then((response) => response.body.priority);
    const onApril5 = await then('2026-04-05T00:00:00Z', ids[0]!);
    expect(onApril5.priority).toBe('pr1');
    expect(onApril5.explanation.path.join(' ')).toMatch(/top 30 by ARR\? yes \(rank 1\)/);
    expect((await then('2026-04-05T00:00:00Z', ids[30]!)).explanation.path.join(' ')).toMatch(
      /not in the top 30/,
    );
    const now = await priorityOf(ids[0]!);
    expect(now.explanation.path.join(' ')).toMatch(/not in the top 30/);
    expect((await priorityOf(ids[30]!)).explanation.path.join(' ')).toMatch(/rank 30\)/);
    // Before its TAM started it was not ranked; after, it leads (its own priority comes from
    // its missing objectives, so the ranking shows on the runner-up).
    const runnerUp = (at: string) =>
      then(at, ids[1]!).then((priority) => priority.explanation.path.join(' '));
    expect(await runnerUp('2026-04-05T00:00:00Z')).toMatch(/rank 2\)/);
    expect(await runnerUp('2026-04-15T00:00:00Z')).toMatch(/rank 1\)/);
    expect(await runnerUp('2026-04-25T00:00:00Z')).toMatch(/rank 2\)/);
  });
});
