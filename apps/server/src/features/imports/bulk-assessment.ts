import type pg from 'pg';
import type { Executor } from '../../db/client.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { assessmentsStore } from '../assessments/assessments.store.ts';
import { loadBookContext } from '../assessments/book-context.loader.ts';
import type { PlaybookProvider } from '../playbook/playbook.provider.ts';
import { addTouched, touchedCount, touchedIds, touchedPage } from './record-keys.store.ts';

const CHUNK = 1_000;

/**
 * Reassesses the accounts an import touched (`import_touched`), inside the import's transaction.
 * A small import goes through the same hook as an API write. A big one ranks the Commercial book
 * once, adds the accounts whose rank moved or that entered the top N (as the hook does), and
 * assesses in chunks of 1,000: a few queries per chunk, never one per account.
 */
export async function assessTouched(
  client: pg.PoolClient,
  executor: Executor,
  now: Date,
  deps: { assessments: AssessmentsService; provider: PlaybookProvider },
  onProgress: (done: number) => void,
): Promise<number> {
  const total = await touchedCount(client);
  if (total === 0) return 0;
  if (total <= CHUNK) {
    const ids = await touchedIds(client);
    await deps.assessments.onAccountChanged(executor, ids, now);
    onProgress(ids.length);
    return ids.length;
  }
  const { playbook } = await deps.provider.active(executor);
  const { topN } = playbook.priority.commercial;
  const previousTop = await assessmentsStore.topRanked(executor, topN);
  const book = await loadBookContext(executor, playbook, now, 'all');
  const previousRank = new Map(previousTop.map((row) => [row.accountId, row.commercialRank]));
  const moved = previousTop
    .filter((row) => (book.commercialRanks.get(row.accountId) ?? null) !== row.commercialRank)
    .map((row) => row.accountId);
  const entered = [...book.commercialRanks.entries()]
    .filter(([id, rank]) => rank <= topN && !previousRank.has(id))
    .map(([id]) => id);
  await addTouched(client, [...moved, ...entered]);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await touchedPage(client, after, CHUNK);
    if (ids.length === 0) break;
    await deps.assessments.assessAndStore(executor, ids, now, book);
    done += ids.length;
    onProgress(done);
    after = ids[ids.length - 1]!;
  }
  return done;
}
