import { assessAccount, diffAssessments, type Playbook } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import { bulkSources } from './assessments.store.ts';
import { loadBookContext } from './book-context.loader.ts';
import { bundlesInChunks } from './bulk-assessor.ts';
import { ChangesShown, type ShownChange } from './changes-shown.ts';
import { factsFromBundle } from './record-bundle.ts';

export interface PlaybookComparison {
  accountsAssessed: number;
  accountsChanged: number;
  /** The first `shown` changes by account name. */
  changes: ShownChange[];
}

/**
 * What `next` would change across the whole book compared with `current`, without changing
 * anything: both playbooks assess the same facts at the same instant, read as one snapshot chunk
 * by chunk (bulk-assessor.ts), so memory stays flat whatever the size of the book.
 */
export async function comparePlaybooks(
  db: Database,
  current: Playbook,
  next: Playbook,
  now: Date,
  shown: number,
): Promise<PlaybookComparison> {
  return db.transaction(
    async (tx) => {
      const bookBefore = await loadBookContext(tx, current, now);
      const bookAfter = await loadBookContext(tx, next, now);
      const kept = new ChangesShown(shown);
      let assessed = 0;
      // The wider ticket window of the two, so each playbook finds every ticket it counts.
      const ticketWindowDays = Math.max(
        current.health.supportTicketWindowDays,
        next.health.supportTicketWindowDays,
      );
      for await (const { bundles } of bundlesInChunks(tx, bulkSources.all, now, { ticketWindowDays })) {
        for (const bundle of bundles) {
          const facts = factsFromBundle(bundle);
          const diff = diffAssessments(
            assessAccount(facts, current, bookBefore, now),
            assessAccount(facts, next, bookAfter, now),
          );
          if (diff.changes.length > 0) kept.add({ ...diff, accountName: bundle.account.name });
        }
        assessed += bundles.length;
      }
      return { accountsAssessed: assessed, accountsChanged: kept.total, changes: kept.list() };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
