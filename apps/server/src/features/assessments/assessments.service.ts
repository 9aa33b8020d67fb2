import { type Assessment, assessAccount, type BookContext, notFound } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import type { AccountChangedHook } from '../accounts/account-access.ts';
import type { PlaybookProvider } from '../playbook/playbook.provider.ts';
import { assessmentsStore, toRow } from './assessments.store.ts';
import { loadBookContext } from './book-context.loader.ts';
import { loadBundles } from './facts.loader.ts';
import { loadBookContextAsOf, loadBundleAsOf } from './facts-as-of.ts';
import { factsFromBundle } from './record-bundle.ts';

const CHUNK = 1_000;

export function createAssessmentsService(db: Database, provider: PlaybookProvider) {
  /** Assesses the accounts and stores the results, inside the caller's transaction. */
  async function assessAndStore(
    executor: Executor,
    accountIds: string[],
    now: Date,
    knownBook?: BookContext,
  ): Promise<Assessment[]> {
    if (accountIds.length === 0) return [];
    const { version, playbook } = await provider.active(executor);
    const book = knownBook ?? (await loadBookContext(executor, playbook, now, accountIds));
    const bundles = await loadBundles(executor, accountIds, now);
    const assessments = bundles.map((bundle) =>
      assessAccount(factsFromBundle(bundle, now), playbook, book, now),
    );
    await assessmentsStore.upsert(
      executor,
      assessments.map((assessment) => toRow(assessment, { playbookVersion: version, book, now })),
    );
    return assessments;
  }

  /**
   * The write hook: reassess the changed accounts in the writer's transaction. A change can move
   * the Commercial top-N boundary, so accounts that entered or left it are reassessed too.
   */
  const onAccountChanged: AccountChangedHook = async (executor, accountIds, now) => {
    const { playbook } = await provider.active(executor);
    const { topN, topNSegments } = playbook.priority.commercial;
    const previousTop = await assessmentsStore.topRanked(executor, topN);
    const previousRank = new Map(previousTop.map((row) => [row.accountId, row.commercialRank]));
    // Only a Commercial account (now, or in the top N before) can move the Commercial ranking.
    const touchesRanking =
      accountIds.some((id) => previousRank.has(id)) ||
      (await assessmentsStore.anyInSegments(executor, accountIds, topNSegments));
    if (!touchesRanking) {
      // None of these accounts is ranked: the ranking need not be computed at all.
      const unranked: BookContext = { at: now.getTime(), topN, commercialRanks: new Map(), rankedCount: 0 };
      await assessAndStore(executor, accountIds, now, unranked);
      return;
    }
    const candidates = [...new Set([...accountIds, ...previousRank.keys()])];
    const book = await loadBookContext(executor, playbook, now, candidates);
    // Accounts whose rank changed, and accounts that entered the top N, are reassessed too.
    const moved = candidates.filter(
      (id) => (previousRank.get(id) ?? null) !== (book.commercialRanks.get(id) ?? null),
    );
    const entered = [...book.commercialRanks.entries()]
      .filter(([id, rank]) => rank <= book.topN && !previousRank.has(id))
      .map(([id]) => id);
    await assessAndStore(executor, [...new Set([...accountIds, ...moved, ...entered])], now, book);
  };

  return {
    onAccountChanged,
    /** Bulk writers (the CSV import) assess their accounts in chunks inside their own transaction. */
    assessAndStore,

    /** Brings stored assessments up to `now` (a new UTC day, a new playbook, or never assessed). */
    async refreshStale(now: Date, accountIds?: string[]): Promise<number> {
      const { version } = await provider.active(db);
      const stale = await assessmentsStore.staleIds(db, now.toISOString().slice(0, 10), version, accountIds);
      for (let start = 0; start < stale.length; start += CHUNK) {
        await db.transaction((tx) => assessAndStore(tx, stale.slice(start, start + CHUNK), now));
      }
      return stale.length;
    },

    /** Reassesses the whole book in chunks, set-based per chunk; reports progress. */
    async reassessAll(now: Date, onProgress?: (done: number, total: number) => void): Promise<number> {
      let cursor: string | null = null;
      let done = 0;
      do {
        const batch = await this.reassessBatch(now, cursor, CHUNK);
        done += batch.accounts;
        cursor = batch.nextCursor;
        onProgress?.(done, batch.total);
      } while (cursor);
      return done;
    },

    /** One slice of a whole-book reassessment, in account-id order: clients drive it and show progress. */
    async reassessBatch(now: Date, after: string | null, limit: number) {
      const ids = await db.transaction(async (tx) => {
        const page = await assessmentsStore.idsAfter(tx, after, limit);
        await assessAndStore(tx, page, now);
        return page;
      });
      const total = await assessmentsStore.countAccounts(db);
      return { accounts: ids.length, total, nextCursor: ids.length === limit ? ids[ids.length - 1]! : null };
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
        assessment: assessAccount(factsFromBundle(bundle, at), playbook, book, at),
        playbookVersion: version,
      };
    },
  };
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
