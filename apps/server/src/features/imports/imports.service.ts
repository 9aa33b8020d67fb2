import { Readable } from 'node:stream';
import { findInputProblems, type ImportJob, type ImportQuery } from '@liaison/contracts';
import { DomainError, type ImportMapping, notFound, parseImportMapping } from '@liaison/domain';
import { stringify } from 'csv-stringify';
import type { Database } from '../../db/client.ts';
import type { Catalog } from '../../kernel/catalog.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { AssessmentsService } from '../assessments/index.ts';
import type { PlaybookProvider } from '../playbook/index.ts';
import { type ImportJobDeps, runImport } from './import-job.ts';
import { errorText, isFinished, presentImport } from './imports.presenter.ts';
import { importsStore } from './imports.store.ts';

/** A running job that has not saved progress for this long lost its server. */
const STALE_MS = 2 * 60_000;
const SAMPLE = 20;

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

export function createImportsService(
  db: Database,
  deps: { assessments: AssessmentsService; playbookProvider: PlaybookProvider; catalog: () => Catalog },
) {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const checkpoints = new Set<Checkpoint>();
  let log: (message: string, error?: unknown) => void = () => {};

  async function load(id: string, now: Date) {
    let row = await importsStore.findById(db, id);
    if (!row) throw notFound('Import', id);
    if (!isFinished(row.status) && !running.has(id)) {
      await importsStore.markInterrupted(db, id, new Date(now.getTime() - STALE_MS).toISOString());
      row = (await importsStore.findById(db, id))!;
    }
    return row;
  }

  return {
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
      const fileName =
        (query.fileName ?? `${query.object}.csv`).replace(/[\r\n]/g, ' ').trim() || 'upload.csv';
      const row = await importsStore.insert(
        db,
        {
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
      )
        .catch((error) => log(`import ${row.id} crashed`, error))
        .finally(() => running.delete(row.id));
      running.set(row.id, { controller, done });
      return { job: presentImport(row, { count: 0, sample: [] }), read };
    },

    async get(context: RequestContext, id: string): Promise<ImportJob> {
      const row = await load(id, context.now);
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
      const row = await load(id, context.now);
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
        stream: Readable.from(records()).pipe(stringify({ record_delimiter: 'windows' })),
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
