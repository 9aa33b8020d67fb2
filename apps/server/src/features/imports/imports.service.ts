import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { findInputProblems, type ImportJob, type ImportQuery } from '@liaison/contracts';
import { DomainError, type ImportMapping, notFound, parseImportMapping } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { Catalog } from '../../kernel/catalog.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { csvWriter } from '../../kernel/csv-writer.ts';
import type { JobAttempt, JobDefinition, JobQueue } from '../../kernel/job-queue.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { AssessmentsService } from '../assessments/index.ts';
import type { PlaybookProvider } from '../playbook/index.ts';
import { ImportFileError } from './csv-reader.ts';
import { openImportConnection } from './import-connection.store.ts';
import { announceImportEnd } from './import-events.ts';
import { describeFailure, storable } from './import-failure.ts';
import { type ImportJobDeps, runImport } from './import-job.ts';
import { createImportSweep, IMPORT_JOB } from './import-sweep.ts';
import { errorText, isFinished, presentImport } from './imports.presenter.ts';
import { importsStore } from './imports.store.ts';
import { uploadStore } from './upload.store.ts';
import { receiveUpload } from './upload-receiver.ts';

export { INTERRUPTED } from './import-sweep.ts';

const SAMPLE = 20;
/** Uploads stay a week after their import failed: an admin may rerun the job until then. */
const KEEP_FAILED_UPLOADS_MS = 8 * 86_400_000;

type Checkpoint = ImportJobDeps['checkpoint'];

/** Attempts, and the wait before the first retry (doubled each time): docs/import-export.md#jobs. */
export interface ImportRetries {
  retryLimit: number;
  retryDelaySeconds: number;
}

function decodeMapping(encoded: string | undefined, path: string): ImportMapping | null {
  if (!encoded) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    throw new DomainError('VALIDATION_FAILED', `${path}: not base64url-encoded JSON`, [
      { path, message: 'must be a mapping file as base64url-encoded JSON' },
    ]);
  }
  // The mapping is stored (jsonb) and its names shown: the same text rules as any request.
  const problems = findInputProblems(value);
  if (problems.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid mapping: ${problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`).join('; ')}`,
      problems.map((problem) => ({ path, message: `${problem.path.join('.')} ${problem.message}` })),
    );
  }
  const result = parseImportMapping(value);
  if ('problems' in result) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid mapping: ${result.problems.join('; ')}`,
      result.problems.map((message) => ({ path, message })),
    );
  }
  return result.mapping;
}

/**
 * The file name as the job and the history show it: control characters (a NUL, which PostgreSQL
 * refuses, line breaks) become spaces, half a surrogate pair becomes U+FFFD (JSON refuses it).
 */
function cleanFileName(name: string | undefined): string {
  return (name ?? '')
    .replace(/\p{Cc}/gu, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .trim();
}

export function createImportsService(
  db: Database,
  deps: {
    assessments: AssessmentsService;
    playbookProvider: PlaybookProvider;
    catalog: () => Catalog;
    queue: JobQueue;
    clock: () => Date;
    retries?: ImportRetries;
  },
) {
  const { queue, clock } = deps;
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const checkpoints = new Set<Checkpoint>();
  let log: (message: string, error?: unknown) => void = () => {};
  const sweep = createImportSweep(db, queue, clock);

  async function load(id: string) {
    let row = await importsStore.findById(db, id);
    if (!row) throw notFound('Import', id);
    // Run by another server, or by this one before a restart: still running only if that server is.
    if (!isFinished(row.status) && !running.has(id)) {
      await sweep(id);
      row = (await importsStore.findById(db, id))!;
    }
    return row;
  }

  /** Ends an import that never reached the queue (its upload failed): nothing was written. */
  async function failUpload(id: string, error: unknown) {
    const known = error instanceof ImportFileError ? error.message : describeFailure(error);
    await uploadStore.drop(db, id);
    await importsStore.update(db, id, {
      status: 'failed',
      error: storable(known),
      updatedAt: clock().toISOString(),
      finishedAt: clock().toISOString(),
    });
    await announceImportEnd(db, id, clock());
  }

  /** One attempt of the `imports-run` job, on whichever server took it. */
  async function runJob(importId: string, attempt: JobAttempt): Promise<object> {
    const connection = await openImportConnection(db);
    let row: Awaited<ReturnType<typeof importsStore.findById>>;
    try {
      // Waits while another attempt still runs it (a retry after an expiry), then looks again.
      await connection.holdJob(importId);
      row = await importsStore.findById(db, importId);
    } catch (error) {
      connection.release();
      throw error;
    }
    // Done already (a duplicate attempt), or gone: nothing to do. A failed one runs again.
    if (!row || (isFinished(row.status) && row.status !== 'failed')) {
      connection.release();
      return { skipped: row?.status ?? 'gone' };
    }
    await importsStore.restart(db, importId, attempt.attempt, clock());
    const controller = new AbortController();
    let finished = () => {};
    const done = new Promise<void>((resolve) => {
      finished = resolve;
    });
    running.set(importId, { controller, done });
    try {
      const end = await runImport(
        {
          id: row.id,
          object: row.object as ImportQuery['object'],
          fileName: row.fileName,
          dryRun: row.dryRun,
          skipInvalid: row.skipInvalid,
          mapping: row.mapping as ImportMapping | null,
          importer: { id: row.createdBy ?? row.id },
          requestId: null,
          clock,
          attempt,
        },
        Readable.from(uploadStore.chunks(db, importId)),
        {
          db,
          assessments: deps.assessments,
          vocabulary: deps.catalog,
          checkpoint: async (event) => {
            for (const checkpoint of checkpoints) await checkpoint(event);
          },
          log: (message, error) => log(message, error),
        },
        controller.signal,
        connection,
      );
      const ended = await importsStore.findById(db, importId);
      // The file's outcome: a rerun would meet the same file, so its upload goes. A failed run's
      // stays for the retry (the queue's, or an admin's).
      if (!end.failed) await uploadStore.drop(db, importId);
      if (!(end.failed && end.retry)) await announceImportEnd(db, importId, clock());
      if (end.failed) throw new Error(end.reason);
      return { status: ended?.status ?? 'gone' };
    } finally {
      running.delete(importId);
      finished();
    }
  }

  return {
    /**
     * At start (and every minute, `imports-sweep`): the imports a server that is gone left
     * unfinished — this one before a crash or a restart, or another sharing the database — are
     * retried or failed at once, so nobody waits for them. Resolves with those failed.
     */
    failInterrupted: () => sweep(),

    /** The import jobs: the run (retried with backoff), and the minute's sweep. */
    jobs(): JobDefinition<never>[] {
      const retries = deps.retries ?? { retryLimit: 2, retryDelaySeconds: 10 };
      const run: JobDefinition<{ importId?: unknown }> = {
        name: IMPORT_JOB,
        description:
          'Runs an uploaded CSV import: reads the stored file, checks it, writes it all or nothing.',
        ...retries,
        backoff: true,
        // A million-row file takes minutes; a dead server's run is found sooner by the sweep.
        expireInSeconds: 3_600,
        run: (data, attempt) => runJob(String(data.importId ?? ''), attempt),
      };
      const sweepJob: JobDefinition = {
        name: 'imports-sweep',
        description: 'Retries or fails the imports of a server that stopped; drops old uploads.',
        retryLimit: 0,
        retryDelaySeconds: 60,
        backoff: false,
        expireInSeconds: 300,
        policy: 'stately',
        schedule: '* * * * *',
        run: async () => {
          const failed = await sweep();
          await uploadStore.dropFinishedBefore(db, new Date(clock().getTime() - KEEP_FAILED_UPLOADS_MS));
          return { failed };
        },
      };
      return [run, sweepJob] as JobDefinition<never>[];
    },

    /** Where job failures are logged (the HTTP app's logger). */
    setLogger(logger: (message: string, error?: unknown) => void) {
      log = logger;
    },

    /**
     * Creates the import and starts receiving `body` in the background; resolves with the import
     * at once, and `read`, which settles once the upload has been stored and queued, or refused
     * (the HTTP response ends then: a Node.js server stops reading a request whose response is
     * complete). This server then starts the job itself, unless another took it first. The
     * mapping comes base64url-encoded, in the query or the `x-liaison-mapping` header.
     */
    async start(
      context: RequestContext,
      query: ImportQuery,
      body: Readable,
      mappingHeader: string | undefined,
    ): Promise<{ job: ImportJob; read: Promise<void> }> {
      authorize(
        policies.importRecords(context.user, query.object),
        query.object === 'users'
          ? 'Only admins can import users.'
          : 'Only TAM managers and admins can import records.',
      );
      const mapping =
        decodeMapping(query.mapping, 'query.mapping') ??
        decodeMapping(mappingHeader, 'header.x-liaison-mapping');
      await deps.playbookProvider.active(db);
      const fileName = cleanFileName(query.fileName) || `${query.object}.csv`;
      // The upload's connection holds the import's lock before its row exists: an upload in
      // progress is never mistaken for one a stopped server left (the sweep).
      const connection = await openImportConnection(db);
      let row: Awaited<ReturnType<typeof importsStore.insert>>;
      try {
        const id = randomUUID();
        await connection.holdJob(id);
        row = await importsStore.insert(
          db,
          {
            id,
            object: query.object,
            fileName,
            status: 'uploading',
            dryRun: query.dryRun ?? false,
            skipInvalid: query.skipInvalid ?? false,
            mapping,
            createdBy: context.user.id,
          },
          context.now,
        );
      } catch (error) {
        connection.release();
        throw error;
      }
      const id = row.id;
      const read = (async () => {
        try {
          const bytes = await receiveUpload(body, {
            store: (seq, chunk) => uploadStore.append(connection.executor, id, seq, chunk),
            progress: (stored) =>
              void importsStore
                .update(db, id, { uploadBytes: stored, updatedAt: clock().toISOString() })
                .catch((error) => log('import upload progress not saved', error)),
          });
          // The job exists exactly when the upload is complete: one transaction.
          await db.transaction(async (tx) => {
            const jobId = await queue.send(IMPORT_JOB, { importId: id }, { executor: tx });
            await importsStore.update(tx, id, {
              status: 'queued',
              jobId,
              uploadBytes: bytes,
              updatedAt: clock().toISOString(),
            });
          });
        } catch (error) {
          await failUpload(id, error).catch((failure) => log(`import ${id} not failed`, failure));
          return;
        } finally {
          connection.release();
        }
        void queue.runWaiting(IMPORT_JOB).catch((error) => log(`import ${id} not started`, error));
      })();
      return { job: presentImport(row, { count: 0, sample: [] }), read };
    },

    async get(context: RequestContext, id: string): Promise<ImportJob> {
      const row = await load(id);
      if (row.createdBy !== context.user.id) {
        authorize(policies.importRecords(context.user, row.object), 'This import is not yours to read.');
      }
      const [count, sample] = await Promise.all([
        importsStore.errorCount(db, id),
        importsStore.errorSample(db, id, SAMPLE),
      ]);
      return presentImport(row, { count, sample });
    },

    /** The error file: the rejected rows with their original columns, then `ERROR` (Data Loader's convention). */
    async errorFile(context: RequestContext, id: string): Promise<{ fileName: string; stream: Readable }> {
      const row = await load(id);
      if (row.createdBy !== context.user.id) {
        authorize(policies.importRecords(context.user, row.object), 'This import is not yours to read.');
      }
      const headers = row.headers;
      async function* records() {
        yield [...headers, 'ERROR'];
        let after = 0;
        for (;;) {
          const page = await importsStore.errorPage(db, id, after, 1_000);
          for (const error of page) {
            const cells = (error.cells as string[]).slice(0, headers.length);
            while (cells.length < headers.length) cells.push('');
            yield [...cells, errorText(error)];
          }
          if (page.length < 1_000) return;
          after = page[page.length - 1]!.rowNumber;
        }
      }
      const base = row.fileName.replace(/\.csv$/i, '');
      return {
        fileName: `${base}-errors.csv`,
        stream: Readable.from(records()).pipe(csvWriter()),
      };
    },

    /** Resolves once the import has an outcome (or waits for a retry), wherever it runs. */
    async wait(id: string): Promise<void> {
      for (;;) {
        await running.get(id)?.done;
        const row = await importsStore.findById(db, id);
        if (!row || isFinished(row.status)) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },

    /** Test hook: called at each step of the write transaction (tests kill the job there). */
    onCheckpoint(checkpoint: Checkpoint): () => void {
      checkpoints.add(checkpoint);
      return () => checkpoints.delete(checkpoint);
    },

    /** Stops the running jobs (their transactions roll back) and waits for them. */
    async shutdown(): Promise<void> {
      for (const job of running.values()) job.controller.abort();
      await Promise.all([...running.values()].map((job) => job.done));
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
