import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from '../../db/client.ts';
import type { AssessmentsService } from '../assessments/assessments.service.ts';
import { loadBookContext } from '../assessments/book-context.loader.ts';
import { assessInBulk } from '../assessments/bulk-assessor.ts';
import type { PlaybookProvider } from '../playbook/playbook.provider.ts';
import { addTouched, touchedCount, touchedIds } from './record-keys.store.ts';

const SMALL = 500;

/**
 * Reassesses the accounts an import touched (`import_touched`), inside the import's transaction.
 * A small import goes through the same hook as an API write. A big one computes the Commercial
 * top N once, adds the accounts whose rank it changed, and runs the bulk assessor over the
 * touched set: a few queries per 2,000 accounts, memory flat whatever the size of the file.
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
  if (total <= SMALL) {
    const ids = await touchedIds(client);
    await deps.assessments.onAccountChanged(executor, ids, now);
    onProgress(ids.length);
    return ids.length;
  }
  const { version, playbook } = await deps.provider.active(executor);
  const book = await loadBookContext(executor, playbook, now);
  await addTouched(client, await deps.assessments.rankChanges(executor, book));
  return assessInBulk(executor, sql`SELECT account_id AS id FROM import_touched`, {
    now,
    playbook,
    playbookVersion: version,
    book,
    onProgress,
  });
}
