import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-app.ts';
import * as schema from '../../db/schema.ts';
import { seedDemo } from '../../demo/demo-seed.ts';
import { createPlaybookProvider } from '../playbook/playbook.provider.ts';
import { createAssessmentsService } from './assessments.service.ts';
import { bulkSources } from './assessments.store.ts';
import { loadBookContext } from './book-context.loader.ts';
import { assessInBulk } from './bulk-assessor.ts';

// The demo book has every input the rules read: team changes, opportunities, activities,
// success plans, tickets, initiatives, EMEA parameters, proposals and exceptions.
const NOW = new Date('2026-03-01T09:00:00.000Z');
const database = await createTestDatabase();
const { pool } = database;
const provider = createPlaybookProvider();
const service = createAssessmentsService(database.db, provider);
afterAll(() => database.close());
beforeAll(async () => {
  await seedDemo(database, { now: NOW });
});

type Row = Record<string, unknown> & { account_id: string };
const stored = async (): Promise<Map<string, Row>> => {
  const result = await pool.query<Row>('SELECT * FROM account_assessments ORDER BY account_id');
  return new Map(result.rows.map((row) => [row.account_id, row]));
};

describe('bulk assessment', () => {
  it('stores, chunk by chunk, exactly what one account assessed alone stores', async () => {
    await pool.query('TRUNCATE account_assessments');
    const client = await pool.connect();
    try {
      const executor = drizzle(client, { schema });
      const { version, playbook } = await provider.active(executor);
      const book = await loadBookContext(executor, playbook, NOW);
      const progress: number[] = [];
      // Chunks of 7 and id pages of 20: many pages, a short last chunk, the pipeline exercised.
      const done = await assessInBulk(executor, bulkSources.all, {
        now: NOW,
        playbook,
        playbookVersion: version,
        book,
        chunkSize: 7,
        idPageSize: 20,
        onProgress: (count) => progress.push(count),
      });
      const accounts = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts')).rows[0]!
        .n;
      expect(done).toBe(accounts);
      expect(progress.at(-1)).toBe(accounts);
      expect(progress.every((count, index) => index === 0 || count > progress[index - 1]!)).toBe(true);
    } finally {
      client.release();
    }
    const bulk = await stored();
    expect(bulk.size).toBeGreaterThan(300);
    const sample = [...bulk.keys()].filter((_, index) => index % 5 === 0);
    for (const id of sample) await service.assess(id, NOW);
    const single = await stored();
    for (const id of sample) expect(bulk.get(id), id).toEqual(single.get(id));
  });

  it('ranks the Commercial top N once and keeps only their ranks', async () => {
    await service.reassessAll(NOW);
    const ranks = await pool.query<{ commercial_rank: number }>(
      'SELECT commercial_rank FROM account_assessments WHERE commercial_rank IS NOT NULL ORDER BY 1',
    );
    const { playbook } = await provider.active(database.db);
    expect(ranks.rows.map((row) => row.commercial_rank)).toEqual(
      Array.from({ length: Math.min(playbook.priority.commercial.topN, ranks.rows.length) }, (_, i) => i + 1),
    );
    expect(ranks.rows.length).toBeGreaterThan(0);
  });

  it('keeps an assessment a write stored meanwhile (a later instant) instead of overwriting it', async () => {
    const [kept] = [...(await stored()).keys()];
    const later = new Date(NOW.getTime() + 3_600_000).toISOString();
    await pool.query(
      `UPDATE account_assessments SET assessed_at = $2, tier = 'marker' WHERE account_id = $1`,
      [kept, later],
    );
    await service.reassessAll(NOW);
    const after = await stored();
    expect(after.get(kept!)).toMatchObject({ tier: 'marker' });
    expect([...after.values()].filter((row) => row.tier === 'marker')).toHaveLength(1);
  });

  it('refreshes what a new day made stale, then knows the book is fresh without asking again', async () => {
    const nextDay = new Date(NOW.getTime() + 86_400_000);
    expect(await service.refreshStale(nextDay)).toBeGreaterThan(300);
    const days = await pool.query<{ day: string; n: number }>(
      'SELECT assessed_day AS day, count(*)::int AS n FROM account_assessments GROUP BY 1',
    );
    expect(days.rows).toEqual([{ day: nextDay.toISOString().slice(0, 10), n: expect.any(Number) }]);
    // Stale again behind its back: the service trusts that writes keep the book fresh today.
    await pool.query(`UPDATE account_assessments SET assessed_day = '2020-01-01'`);
    expect(await service.refreshStale(nextDay)).toBe(0);
    // A new day is a new question; the background refresh does it all however many.
    const dayAfter = new Date(nextDay.getTime() + 86_400_000);
    expect(await service.refreshAllStale(dayAfter)).toBeGreaterThan(300);
    expect(await service.refreshStale(dayAfter)).toBe(0);
  });

  it('does not make a reader wait for a big stale book: refreshes it in the background', async () => {
    const impatient = createAssessmentsService(database.db, provider, { refreshOnReadLimit: 10 });
    const later = new Date(NOW.getTime() + 5 * 86_400_000);
    const day = later.toISOString().slice(0, 10);
    expect(await impatient.refreshStale(later)).toBe(0);
    const fresh = async () =>
      (
        await pool.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM account_assessments WHERE assessed_day = $1',
          [day],
        )
      ).rows[0]!.n;
    const accounts = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts')).rows[0]!.n;
    for (let attempt = 0; attempt < 200 && (await fresh()) < accounts; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await fresh()).toBe(accounts);
  });

  it('walks slices with a cursor as the CLI does, through the same bulk path', async () => {
    const total = (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts')).rows[0]!.n;
    let cursor: string | null = null;
    let seen = 0;
    let slices = 0;
    do {
      const slice: { accounts: number; total: number; nextCursor: string | null } =
        await service.reassessBatch(NOW, cursor, 100);
      expect(slice.total).toBe(total);
      seen += slice.accounts;
      cursor = slice.nextCursor;
      slices += 1;
    } while (cursor);
    expect(seen).toBe(total);
    expect(slices).toBe(Math.ceil(total / 100) + (total % 100 === 0 ? 1 : 0));
  });
});
