import { assessAccount, type BookContext, type Playbook } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import { assessmentsStore, type BulkSource, toRow } from './assessments.store.ts';
import { loadBundles } from './facts.loader.ts';
import { factsFromBundle, type RecordBundle } from './record-bundle.ts';

/** Accounts per round trip: big enough to amortise the queries, small enough to keep memory flat. */
export const BULK_CHUNK = 2_000;
/** Ids fetched per page of the source: 25 chunks. */
const ID_PAGE = 50_000;

export type { BulkSource } from './assessments.store.ts';

export interface BulkAssessment {
  now: Date;
  playbook: Playbook;
  playbookVersion: number;
  book: BookContext;
  /** Keep a stored assessment made at a later instant (a write that committed meanwhile). */
  keepNewer?: boolean;
  onProgress?: (done: number) => void;
  /** The last account assessed so far (a slice's cursor). */
  onLastId?: (id: string) => void;
  /** Accounts per round trip and ids per page of the source (tests make them small). */
  chunkSize?: number;
  idPageSize?: number;
}

export interface BundleReads {
  /** Tickets opened in these days before `now` are read (the playbook's window, or the wider of two). */
  ticketWindowDays: number;
  /** Accounts per round trip and ids per page of the source (tests make them small). */
  chunkSize?: number | undefined;
  idPageSize?: number | undefined;
}

export interface BundleChunk {
  bundles: RecordBundle[];
  /** Resolves once the next chunk's read is done: a caller that writes waits for it first. */
  nextRead: Promise<unknown>;
}

/**
 * The record bundles of every account of `source`, chunk by chunk on one connection,
 * pipelined: when a chunk is handed over, the next one is already being read by PostgreSQL
 * while the caller works on this one in JavaScript. Memory holds two chunks whatever the size
 * of the book.
 */
export async function* bundlesInChunks(
  executor: Executor,
  source: BulkSource,
  now: Date,
  reads: BundleReads,
): AsyncGenerator<BundleChunk> {
  const chunk = reads.chunkSize ?? BULK_CHUNK;
  const idPage = reads.idPageSize ?? ID_PAGE;
  // Ids come in pages of many chunks (an index-ordered scan each), bundles by id (index look-ups):
  // a page of the source joined to the inputs would make the planner scan whole tables.
  const buffered: string[] = [];
  let after: string | null = null;
  let exhausted = false;
  const refill = async () => {
    const ids = await assessmentsStore.idPage(executor, source, after, idPage);
    buffered.push(...ids);
    exhausted = ids.length < idPage;
    after = buffered[buffered.length - 1] ?? after;
  };
  // Sends the next chunk's statement before returning (no await first).
  const read = (): Promise<RecordBundle[]> => {
    if (buffered.length >= chunk || exhausted) {
      const ids = buffered.splice(0, chunk);
      return observed(
        ids.length === 0 ? Promise.resolve([]) : loadBundles(executor, ids, now, reads.ticketWindowDays),
      );
    }
    return refill().then(read);
  };
  let reading = read();
  for (;;) {
    const bundles = await reading;
    if (bundles.length === 0) return;
    reading = read();
    yield { bundles, nextRead: reading };
  }
}

/**
 * Assesses every account of `source` and upserts the read model, chunk by chunk, pipelined
 * (`bundlesInChunks`), with one statement in flight at a time: a chunk's upsert waits for the
 * next chunk's read (pg 9 will refuse to queue statements on one connection).
 *
 * On a plain connection each chunk commits on its own (a whole-book run never holds locks that
 * would stall the writers); inside a transaction (an import) it all commits with the caller.
 */
export async function assessInBulk(
  executor: Executor,
  source: BulkSource,
  options: BulkAssessment,
): Promise<number> {
  const { now, playbook, playbookVersion, book } = options;
  let done = 0;
  const reads = { ...options, ticketWindowDays: playbook.health.supportTicketWindowDays };
  for await (const { bundles, nextRead } of bundlesInChunks(executor, source, now, reads)) {
    const rows = bundles.map((bundle) =>
      toRow(assessAccount(factsFromBundle(bundle), playbook, book, now), { playbookVersion, book, now }),
    );
    await nextRead.catch(() => {});
    await assessmentsStore.upsert(executor, rows, { keepNewer: options.keepNewer ?? false });
    done += bundles.length;
    options.onLastId?.(bundles[bundles.length - 1]!.account.id);
    options.onProgress?.(done);
  }
  return done;
}

/**
 * Marks a promise that is awaited later as handled now: if it fails while another is awaited,
 * the failure surfaces at its own `await` instead of as an unhandled rejection.
 */
function observed<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
