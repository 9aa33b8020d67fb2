import type pg from 'pg';
import type { Executor } from '../../db/client.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { assessmentsStore } from '../assessments/assessments.store.ts';
import type { PlaybookProvider } from '../playbook/playbook.provider.ts';
import { ranksStore } from './ranks.store.ts';
import { addTouched, touchedCount, touchedIds, touchedPage } from './record-keys.store.ts';

const CHUNK = 500;

/**
 * Reassesses the accounts an import touched (`import_touched`), inside the import's transaction.
 * A small import goes through the same hook as an API write. A big one ranks the Commercial book
 * once (in SQL), adds the accounts whose rank moved or that entered the top N (as the hook does),
 * and assesses in chunks of 500 with each chunk's ranks: a few queries per chunk, never one per
 * account, and memory that does not grow with the book.
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
  const rankedCount = await ranksStore.create(executor, playbook, now);
  const top = await ranksStore.top(executor, topN);
  const previousRanks = await ranksStore.of(
    executor,
    previousTop.map((row) => row.accountId),
  );
  const moved = previousTop
    .filter((row) => (previousRanks.get(row.accountId) ?? null) !== row.commercialRank)
    .map((row) => row.accountId);
  const previous = new Set(previousTop.map((row) => row.accountId));
  const entered = [...top.keys()].filter((id) => !previous.has(id));
  await addTouched(client, [...moved, ...entered]);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await touchedPage(client, after, CHUNK);
    if (ids.length === 0) break;
    const commercialRanks = await ranksStore.of(executor, ids);
    await deps.assessments.assessAndStore(executor, ids, now, {
      at: now.getTime(),
      topN,
      commercialRanks,
      rankedCount,
    });
    done += ids.length;
    onProgress(done);
    after = ids[ids.length - 1]!;
  }
  return done;
}
