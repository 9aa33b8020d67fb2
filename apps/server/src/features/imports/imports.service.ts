import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { findInputProblems, type ImportJob, type ImportQuery } from '@liaison/contracts';
import { DomainError, type ImportMapping, notFound, parseImportMapping } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { Catalog } from '../../kernel/catalog.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { csvWriter } from '../../kernel/csv-writer.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { AssessmentsService } from '../assessments/index.ts';
import type { PlaybookProvider } from '../playbook/index.ts';
import { openImportConnection } from './import-connection.store.ts';
import { announceImportEnd } from './import-events.ts';
import { type ImportJobDeps, runImport } from './import-job.ts';
import { errorText, isFinished, presentImport } from './imports.presenter.ts';
import { importsStore } from './imports.store.ts';

const SAMPLE = 20;
/** What a job shows when the server running it stopped before it finished. */
export const INTERRUPTED =
  'Interrupted by a restart: the server running this import stopped before it finished. Nothing was written.';

type Checkpoint = ImportJobDeps['checkpoint'];

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
  deps: { assessments: AssessmentsService; playbookProvider: PlaybookProvider; catalog: () => Catalog },
) {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const checkpoints = new Set<Checkpoint>();
  let log: (message: string, error?: unknown) => void = () => {};

  async function load(id: string) {
    let row = await importsStore.findById(db, id);
    if (!row) throw notFound('Import', id);
    // Run by another server, or by this one before a restart: still running only if that server is.
    if (!isFinished(row.status) && !running.has(id)) {
      const failed = await importsStore.failInterrupted(db, INTERRUPTED, id);
      // Whoever started it hears of it once: the server that marks it failed tells them.
      for (const failedId of failed) await announceImportEnd(db, failedId, new Date());
      row = (await importsStore.findById(db, id))!;
    }
    return row;
  }

  return {
    /**
     * At start: the jobs a server that is gone left unfinished (this one before a crash or a
     * restart, or another sharing the database) are failed at once, so nobody waits for them.
     */
    async failInterrupted(): Promise<string[]> {
      const failed = await importsStore.failInterrupted(db, INTERRUPTED);
      for (const id of failed) await announceImportEnd(db, id, new Date());
      return failed;
    },

    /** Where job failures are logged (the HTTP app's logger). */
    setLogger(logger: (message: string, error?: unknown) => void) {
      log = logger;
    },

    /**
     * Creates the job and starts reading `body` in the background; resolves with the job at once,
     * and `read`, which settles once the upload has been read (the HTTP response ends then: a
     * Node.js server stops reading a request whose response is complete). The mapping comes
     * base64url-encoded, in the query or the `x-liaison-mapping` header.
     */
    async start(
      context: RequestContext,
      query: ImportQuery,
      body: Readable,
      mappingHeader: string | undefined,
      clock: () => Date,
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
      // The job's connection holds its lock before its row exists: a running job is never
      // mistaken for one a stopped server left (failInterrupted).
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
            status: 'reading',
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
      const controller = new AbortController();
      let onRead = () => {};
      const read = new Promise<void>((resolve) => {
        onRead = resolve;
      });
      const done = runImport(
        {
          id: row.id,
          object: query.object,
          fileName,
          dryRun: row.dryRun,
          skipInvalid: row.skipInvalid,
          mapping,
          importer: { id: context.user.id },
          requestId: context.requestId,
          clock,
          onRead: () => onRead(),
        },
        body,
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
      )
        .then(() => announceImportEnd(db, row.id, clock()))
        .catch((error) => log(`import ${row.id} crashed`, error))
        .finally(() => running.delete(row.id));
      running.set(row.id, { controller, done });
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

    /** Resolves when the job (if running here) has finished. */
    async wait(id: string): Promise<void> {
      await running.get(id)?.done;
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
