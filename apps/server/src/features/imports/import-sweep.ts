import type { Database } from '../../db/client.ts';
import type { JobQueue } from '../../kernel/job-queue.ts';
import { announceImportEnd } from './import-events.ts';
import { importsStore } from './imports.store.ts';

export const IMPORT_JOB = 'imports-run';
/** What an import shows when the server running it stopped and no attempt is left. */
export const INTERRUPTED =
  'Interrupted by a restart: the server running this import stopped before it finished. Nothing was written.';
const UPLOAD_INTERRUPTED =
  'Interrupted by a restart: the server receiving this file stopped before it had all of it. Nothing was written.';
const RETRYING =
  'Interrupted by a restart: the server running this import stopped before it finished. Nothing was written; it runs again shortly.';
const RUNNING = ['reading', 'checking', 'writing', 'assessing'];

/**
 * Finds the imports a stopped server left (docs/import-export.md#jobs) — at a server's start,
 * every minute, and when one is read — and settles each under its lock, so a live run is never
 * touched: an upload cut short fails; a run whose server died is failed in the queue, which
 * retries it (the import waits, "queued") or, after the last attempt, lists it among the failed
 * jobs an admin may retry (the import fails). Resolves with the imports it failed.
 */
export function createImportSweep(db: Database, queue: JobQueue, clock: () => Date) {
  async function settle(id: string): Promise<'failed' | 'queued' | null> {
    return db.transaction(async (tx) => {
      if (!(await importsStore.tryLock(tx, id))) return null;
      const row = await importsStore.findById(tx, id);
      if (!row || row.finishedAt !== null) return null;
      const fail = async (error: string) => {
        await importsStore.update(tx, id, { status: 'failed', error, finishedAt: row.updatedAt });
        return 'failed' as const;
      };
      if (!row.jobId) return fail(row.status === 'uploading' ? UPLOAD_INTERRUPTED : INTERRUPTED);
      const boss = await queue.boss();
      let job = await boss.getJobById(IMPORT_JOB, row.jobId, { includeArchive: true });
      if (job?.state === 'active') {
        // An attempt that took this import and lost its lock died; one just fetched, that has
        // not yet taken it (its attempt is not the row's), is left to start.
        if (!RUNNING.includes(row.status) || job.retryCount + 1 !== row.jobAttempt) return null;
        await boss.fail(IMPORT_JOB, row.jobId, { message: INTERRUPTED });
        job = await boss.getJobById(IMPORT_JOB, row.jobId, { includeArchive: true });
      }
      if (job?.state === 'created' || job?.state === 'retry') {
        if (row.status === 'queued') return null;
        await importsStore.update(tx, id, {
          status: 'queued',
          error: RETRYING,
          updatedAt: clock().toISOString(),
        });
        return 'queued';
      }
      if (job?.state === 'active') return null;
      return fail(INTERRUPTED);
    });
  }

  return async function sweep(id?: string): Promise<string[]> {
    const failed: string[] = [];
    for (const candidate of await importsStore.unlocked(db, id)) {
      if ((await settle(candidate)) !== 'failed') continue;
      failed.push(candidate);
      // Whoever started it hears of it once: the server that settles it tells them.
      await announceImportEnd(db, candidate, clock());
    }
    return failed;
  };
}
