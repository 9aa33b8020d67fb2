import {
  type Assessment,
  assessAccount,
  type BookContext,
  notFound,
  OBLIGATION_LABELS,
  type Playbook,
} from '@liaison/domain';
import { type Database, type Executor, onOwnConnection } from '../../db/client.ts';
import type { AccountChangedHook } from '../../kernel/account-access.ts';
import {
  type BackgroundWork,
  consoleBackgroundLog,
  createBackgroundWork,
} from '../../kernel/background-work.ts';
import type { JobQueue } from '../../kernel/job-queue.ts';
import type { ActivePlaybook, PlaybookProvider } from '../playbook/index.ts';
import { assessmentsStore, type BulkSource, bulkSources, toRow } from './assessments.store.ts';
import { loadBookContext, loadBookContextAsOf } from './book-context.loader.ts';
import { bookWatchStore } from './book-watch.store.ts';
import { assessInBulk } from './bulk-assessor.ts';
import { loadBundles } from './facts.loader.ts';
import { loadBundleAsOf } from './facts-as-of.ts';
import { comparePlaybooks } from './playbook-comparison.ts';
import { factsFromBundle } from './record-bundle.ts';

/** Up to this many accounts, a bulk writer's set is reassessed like an API write. */
const SMALL_SET = 500;

/** Accounts a bulk writer touched, kept where it keeps them (the import: a temporary table). */
export interface AccountSet {
  count(): Promise<number>;
  ids(): Promise<string[]>;
  add(ids: readonly string[]): Promise<void>;
  source: BulkSource;
}

export const REASSESS_ALL_JOB = 'assessments-reassess-all';

/** Above this many stale accounts a read does not wait for the refresh (the background job does it). */
export const REFRESH_ON_READ_LIMIT = 20_000;

export function createAssessmentsService(
  db: Database,
  provider: PlaybookProvider,
  options: { refreshOnReadLimit?: number; background?: BackgroundWork; queue?: JobQueue } = {},
) {
  const refreshOnReadLimit = options.refreshOnReadLimit ?? REFRESH_ON_READ_LIMIT;
  const background = options.background ?? createBackgroundWork(consoleBackgroundLog);
  /** `day|playbook version` for which the whole book was last seen fresh. */
  let freshFor: string | null = null;
  /** A whole-book refresh a read started because too much was stale to wait for. */
  let backgroundRun: Promise<void> | null = null;

  /** Assesses the accounts and stores the results, inside the caller's transaction. */
  async function assessAndStore(
    executor: Executor,
    accountIds: string[],
    now: Date,
    knownBook?: BookContext,
    knownPlaybook?: ActivePlaybook,
  ): Promise<Assessment[]> {
    if (accountIds.length === 0) return [];
    const { version, playbook } = knownPlaybook ?? (await provider.active(executor));
    const book = knownBook ?? (await loadBookContext(executor, playbook, now));
    const bundles = await loadBundles(executor, accountIds, now, playbook.health.supportTicketWindowDays);
    const assessments = bundles.map((bundle) => assessAccount(factsFromBundle(bundle), playbook, book, now));
    await assessmentsStore.upsert(
      executor,
      assessments.map((assessment) => toRow(assessment, { playbookVersion: version, book, now })),
    );
    return assessments;
  }

  /** Accounts whose Commercial rank differs between what is stored and `book`. */
  async function rankChanges(executor: Executor, book: BookContext): Promise<string[]> {
    const stored = await assessmentsStore.topRanked(executor, book.topN);
    const before = new Map(stored.map((row) => [row.accountId, row.commercialRank]));
    const left = stored.filter((row) => book.commercialRanks.get(row.accountId) !== row.commercialRank);
    const moved = [...book.commercialRanks].filter(([id, rank]) => before.get(id) !== rank);
    return [...new Set([...left.map((row) => row.accountId), ...moved.map(([id]) => id)])];
  }

  /**
   * The write hook: reassess the changed accounts in the writer's transaction. A change can move
   * the Commercial top N, so the accounts whose rank changed are reassessed too: the stored top
   * N and the new one are both a few dozen rows read along an index.
   */
  const onAccountChanged: AccountChangedHook = async (executor, accountIds, now) => {
    const active = await provider.active(executor);
    const book = await loadBookContext(executor, active.playbook, now);
    const moved = await rankChanges(executor, book);
    await assessAndStore(executor, [...new Set([...accountIds, ...moved])], now, book, active);
  };

  /**
   * A whole-book (or stale-part) run on its own connection, outside any transaction: each chunk
   * commits by itself, so writers never wait for the run, and a stored assessment a write made
   * meanwhile is kept.
   */
  async function runInBulk(
    source: BulkSource,
    now: Date,
    onProgress?: (done: number) => void,
    onLastId?: (id: string) => void,
  ) {
    return onOwnConnection(db, async (executor) => {
      const { version, playbook } = await provider.active(executor);
      const book = await loadBookContext(executor, playbook, now);
      // Accounts that left or entered the top N are reassessed whether or not the source has them.
      const moved = await rankChanges(executor, book);
      if (moved.length > 0) await executor.transaction((tx) => assessAndStore(tx, moved, now, book));
      return await assessInBulk(executor, source, {
        now,
        playbook,
        playbookVersion: version,
        book,
        keepNewer: true,
        ...(onProgress ? { onProgress } : {}),
        ...(onLastId ? { onLastId } : {}),
      });
    });
  }

  return {
    onAccountChanged,

    /**
     * Reassesses a set of accounts a bulk writer (the CSV import) touched, inside its transaction.
     * A small set goes through the same hook as an API write. A big one computes the Commercial
     * top N once, adds the accounts whose rank it changed, and runs the bulk assessor over the
     * set: a few queries per 2,000 accounts, memory flat whatever the size of the file.
     */
    async assessSet(
      executor: Executor,
      set: AccountSet,
      now: Date,
      onProgress: (done: number) => void,
    ): Promise<number> {
      const total = await set.count();
      if (total === 0) return 0;
      if (total <= SMALL_SET) {
        const ids = await set.ids();
        await onAccountChanged(executor, ids, now);
        onProgress(ids.length);
        return ids.length;
      }
      const { version, playbook } = await provider.active(executor);
      const book = await loadBookContext(executor, playbook, now);
      await set.add(await rankChanges(executor, book));
      return assessInBulk(executor, set.source, {
        now,
        playbook,
        playbookVersion: version,
        book,
        onProgress,
      });
    },

    /** The playbook dry run: what `next` would change across the book, nothing stored. */
    comparePlaybooks: (current: Playbook, next: Playbook, now: Date, shown: number) =>
      comparePlaybooks(db, current, next, now, shown),

    /**
     * Brings stored assessments up to `now` (a new UTC day, a new playbook, or never assessed):
     * a TAM's accounts inline; the whole book set-based, unless so much of it is stale that the
     * read should not wait: it then starts the refresh in the background and reads what is stored.
     */
    async refreshStale(now: Date, accountIds?: string[]): Promise<number> {
      const { version } = await provider.active(db);
      const today = now.toISOString().slice(0, 10);
      if (accountIds) {
        const stale = await assessmentsStore.staleIds(db, today, version, accountIds);
        if (stale.length > 0) await db.transaction((tx) => assessAndStore(tx, stale, now));
        return stale.length;
      }
      // Writes store fresh assessments: once the book is fresh for (day, version) it stays so.
      const key = `${today}|${version}`;
      if (freshFor === key) return 0;
      const count = await assessmentsStore.countStale(db, today, version, refreshOnReadLimit + 1);
      if (count > refreshOnReadLimit) {
        // Too many to wait for (a new playbook on a big book): refresh in the background, once.
        // A failure is not lost for long: the next read finds the book stale and starts again.
        if (!backgroundRun) {
          backgroundRun = background
            .run(
              'assessments.refresh-stale',
              { day: today, playbookVersion: version, stale: count },
              async () => {
                await runInBulk(bulkSources.stale(today, version), now);
                freshFor = key;
              },
            )
            .then(() => {
              backgroundRun = null;
            });
        }
        return 0;
      }
      const refreshed = count === 0 ? 0 : await runInBulk(bulkSources.stale(today, version), now);
      freshFor = key;
      return refreshed;
    },

    /** The background refresh: every stale assessment, set-based, however many. */
    async refreshAllStale(now: Date, onProgress?: (done: number) => void): Promise<number> {
      const { version } = await provider.active(db);
      const today = now.toISOString().slice(0, 10);
      const refreshed = await runInBulk(bulkSources.stale(today, version), now, onProgress);
      freshFor = `${today}|${version}`;
      return refreshed;
    },

    /**
     * The whole book reassessed by a job (a new playbook made every stored assessment stale), at
     * the instant of the request that asked for it, queued in the caller's transaction: it runs
     * once, on whichever server takes it, and is retried if that server dies (decision 0009).
     * Reads refresh what they need meanwhile.
     */
    async reassessAllLater(executor: Executor, now: Date, reason: string): Promise<void> {
      if (!options.queue) return;
      await options.queue.send(REASSESS_ALL_JOB, { reason, at: now.toISOString() }, { executor });
    },

    /**
     * The events time makes (docs/messages.md): obligations that went overdue and sentiments
     * that went stale, each recorded once whichever server or retry notices it.
     */
    async watchBook(now: Date): Promise<{ overdue: number; staleSentiments: number }> {
      const { playbook } = await provider.active(db);
      const today = now.toISOString().slice(0, 10);
      const at = now.toISOString();
      return {
        overdue: await bookWatchStore.recordOverdueObligations(db, today, at, OBLIGATION_LABELS),
        staleSentiments: await bookWatchStore.recordStaleSentiments(
          db,
          today,
          at,
          playbook.health.staleSentimentDays,
        ),
      };
    },

    /** Reassesses the whole book set-based on one connection; reports progress. */
    async reassessAll(now: Date, onProgress?: (done: number, total: number) => void): Promise<number> {
      const total = await assessmentsStore.countAccounts(db);
      return runInBulk(bulkSources.all, now, onProgress ? (done) => onProgress(done, total) : undefined);
    },

    /**
     * One slice of a whole-book reassessment, in account-id order: clients drive it and show
     * progress. The slice goes through the bulk assessor like a whole-book run.
     */
    async reassessBatch(now: Date, after: string | null, limit: number) {
      const slice = bulkSources.slice(after, limit);
      let last: string | null = null;
      const accounts = await runInBulk(slice, now, undefined, (id) => {
        last = id;
      });
      const total = await assessmentsStore.countAccounts(db);
      return { accounts, total, nextCursor: accounts === limit ? last : null };
    },

    /** The account's assessment now, computed fresh (and stored). */
    async assess(accountId: string, now: Date): Promise<{ assessment: Assessment; playbookVersion: number }> {
      return db.transaction(async (tx) => {
        const [assessment] = await assessAndStore(tx, [accountId], now);
        if (!assessment) throw notFound('Account', accountId);
        return { assessment, playbookVersion: (await provider.active(tx)).version };
      });
    },

    /** The record as it was at `at`, evaluated at `at`, under today's playbook. Stores nothing. */
    async assessAt(
      accountId: string,
      at: Date,
    ): Promise<{ assessment: Assessment; playbookVersion: number }> {
      const { version, playbook } = await provider.active(db);
      const bundle = await loadBundleAsOf(db, accountId, at);
      const book = await loadBookContextAsOf(db, playbook, at);
      return {
        assessment: assessAccount(factsFromBundle(bundle), playbook, book, at),
        playbookVersion: version,
      };
    },
  };
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
