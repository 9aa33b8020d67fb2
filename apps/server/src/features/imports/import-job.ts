import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  type ImportMapping,
  type ImportObject,
  type ImportPlan,
  type ImportVocabulary,
  planImport,
  stagedFields,
} from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { JobAttempt } from '../../kernel/job-queue.ts';
import type { AssessmentsService } from '../assessments/index.ts';
import { activitiesImport, contactsImport, opportunitiesImport } from './account-records-import.store.ts';
import { accountsImport } from './accounts-import.store.ts';
import { csvParser, ImportFileError, type ReadCounters, rowEncoder, unreadableCsv } from './csv-reader.ts';
import type { ImportConnection } from './import-connection.store.ts';
import { describeFailure, storable } from './import-failure.ts';
import type { ImportContext, ObjectImporter, WriteContext } from './import-types.ts';
import { type ImportProgress, importsStore } from './imports.store.ts';
import { createTouched, touchedSet } from './record-keys.store.ts';
import { stagingStore } from './staging.store.ts';
import { usersImport } from './users-import.store.ts';

const IMPORTERS: Record<ImportObject, ObjectImporter> = {
  accounts: accountsImport,
  contacts: contactsImport,
  opportunities: opportunitiesImport,
  activities: activitiesImport,
  users: usersImport,
};

const HEARTBEAT_MS = 1_000;
const RUNNING = ['reading', 'checking', 'writing', 'assessing'];

export interface ImportJobInput {
  id: string;
  object: ImportObject;
  fileName: string;
  dryRun: boolean;
  skipInvalid: boolean;
  mapping: ImportMapping | null;
  importer: { id: string };
  requestId: string | null;
  /** The application's clock: progress, records and history are stamped with it. */
  clock: () => Date;
  /** The job's attempt: a failure of the last one is the import's outcome, others are retried. */
  attempt: JobAttempt;
}

export interface ImportJobDeps {
  db: Database;
  assessments: AssessmentsService;
  vocabulary: () => ImportVocabulary;
  /** Test hook, called between the statements of the write transaction. */
  checkpoint: (event: { importId: string; step: string; backendPid: number }) => Promise<void>;
  log: (message: string, error?: unknown) => void;
}

/**
 * How a run ended: with the import's outcome (the file's), or stopped by something else — a lost
 * connection, a server stopping — that a retry may not meet: the job fails, and the queue retries
 * it (`retry`) or, after the last attempt, keeps it among the failed jobs an admin may retry.
 */
export type RunEnd = { failed: false } | { failed: true; retry: boolean; reason: string };

/**
 * One attempt at an import, end to end: (1) reading — the stored upload (UTF-8) streams through
 * csv-parse and the row validator into a temporary staging table with COPY; (2) checking — keys,
 * references and cycles in SQL, rejected rows saved for the error file; (3) writing — one
 * transaction: upserts, history and assessments set-based, committed only if everything
 * succeeded (rolled back for a dry run). A crash at any moment leaves the database as it was:
 * staging is temporary, and the transaction commits all or nothing.
 */
export async function runImport(
  input: ImportJobInput,
  body: Readable,
  deps: ImportJobDeps,
  signal: AbortSignal,
  /** The job's own connection, holding its lock (`holdJob`); released when the run ends. */
  connection: ImportConnection,
): Promise<RunEnd> {
  const clock = input.clock;
  const parser = csvParser();
  const counters: ReadCounters = { rows: 0, invalid: 0 };
  const phases: Record<string, number> = {};
  let phaseStarted = performance.now();
  const progress: ImportProgress = { status: 'reading' };
  let saving: Promise<void> = Promise.resolve();
  const save = (values: ImportProgress = {}) => {
    Object.assign(progress, values);
    // The running phase counts too, so progress shows real elapsed time whatever the clock.
    const running = RUNNING.includes(progress.status as string)
      ? { [progress.status as string]: Math.round(performance.now() - phaseStarted) / 1000 }
      : {};
    const snapshot = {
      ...progress,
      rowsRead: counters.rows,
      phases: { ...phases, ...running },
      updatedAt: clock().toISOString(),
    };
    saving = saving
      .then(() => importsStore.update(deps.db, input.id, snapshot))
      .catch((error) => deps.log('import progress not saved', error));
    return saving;
  };
  // A new status and what goes with it are one write: a reader never sees a failed import with
  // the counts of what it did not write, or an ended one without its end.
  const phase = async (status: string, values: ImportProgress = {}) => {
    const now = performance.now();
    phases[progress.status as string] = Math.round(now - phaseStarted) / 1000;
    phaseStarted = now;
    await save({ status, ...values });
  };
  const ended = (status: string, values: ImportProgress = {}) =>
    phase(status, { ...values, finishedAt: clock().toISOString() });
  const heartbeat = setInterval(() => void save(), HEARTBEAT_MS);

  let end: RunEnd = { failed: false };
  let plan: ImportPlan | null = null;
  try {
    const { client, executor, backendPid } = connection;
    const staged = stagedFields(input.object);
    await stagingStore.create(client, staged);
    const onHeader = (headers: string[]) => {
      const result = planImport(input.object, headers, input.mapping, deps.vocabulary());
      if ('problems' in result) throw new ImportFileError(fileProblems(result.problems));
      plan = result.plan;
      void save({ headers: plan.headers, ignoredColumns: plan.ignored });
      return plan;
    };
    await pipeline(
      body,
      parser,
      rowEncoder(onHeader, counters),
      connection.copyIn(stagingStore.copyStatement(staged)),
      { signal },
    );
    const readPlan = plan as ImportPlan | null;
    if (!readPlan) throw new ImportFileError('The file is empty: it needs a header row.');

    await phase('checking');
    await connection.analyzeStaging();
    const context: ImportContext = {
      plan: readPlan,
      importId: input.id,
      importerId: input.importer.id,
      skipInvalid: input.skipInvalid,
    };
    const importer = IMPORTERS[input.object];
    await importer.check(client, context);
    const counts = await stagingStore.counts(client);
    await stagingStore.saveErrors(client, input.id);
    await save({ rowsValid: counts.rows - counts.invalid, rowsInvalid: counts.invalid });
    if (counts.invalid > 0 && !input.skipInvalid) {
      await ended('rejected');
      return end;
    }
    signal.throwIfAborted();

    await phase('writing');
    const writeContext: WriteContext = {
      ...context,
      now: clock().toISOString(),
      actor: { id: input.id, name: `Import ${input.fileName}` },
      requestId: input.requestId,
      defaultPlan: context.plan.vocabulary.plans[0] ?? 'free',
      ownerRole: readPlan.ownerRole,
      checkpoint: async (step) => {
        signal.throwIfAborted();
        await deps.checkpoint({ importId: input.id, step, backendPid });
      },
    };
    await connection.beginWrite();
    try {
      await createTouched(client);
      const written = await importer.write(client, writeContext);
      await save({
        rowsCreated: written.created,
        rowsUpdated: written.updated,
        rowsUnchanged: written.unchanged,
      });
      if (!input.dryRun) {
        await phase('assessing');
        const assessed = await deps.assessments.assessSet(
          executor,
          touchedSet(client),
          new Date(writeContext.now),
          (done) => {
            signal.throwIfAborted();
            progress.accountsAssessed = done;
          },
        );
        progress.accountsAssessed = assessed;
      }
      await writeContext.checkpoint('before commit');
      await (input.dryRun ? connection.rollback() : connection.commit());
    } catch (error) {
      await connection.rollback().catch(() => {});
      throw error;
    }
    await ended(input.dryRun ? 'validated' : 'completed');
  } catch (error) {
    const unreadable = error instanceof ImportFileError ? error : unreadableCsv(error);
    if (!unreadable) deps.log(`import ${input.id} failed (attempt ${input.attempt.attempt})`, error);
    const reason = unreadable
      ? unreadable.message
      : signal.aborted
        ? 'The import was stopped (the server is shutting down). Nothing was written.'
        : describeFailure(error);
    // A failed attempt wrote nothing: its counts of written rows go back to zero.
    const unwritten = { rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 0, accountsAssessed: 0 };
    if (!unreadable) end = { failed: true, retry: !input.attempt.last, reason };
    if (end.failed && end.retry) {
      // Not the file's fault (a lost connection, a server stopping): the queue runs it again.
      await phase('queued', {
        ...unwritten,
        error: storable(`${reason} It runs again shortly (attempt ${input.attempt.attempt} failed).`),
      });
    } else {
      await ended('failed', { ...unwritten, error: storable(reason) });
    }
  } finally {
    clearInterval(heartbeat);
    body.destroy();
    await saving;
    // Dropping the connection drops the staging tables with it, and the job's lock.
    connection.release();
  }
  return end;
}

/** The header's problems, the first ten (a header of a thousand duplicates is one message). */
function fileProblems(problems: readonly string[]): string {
  const shown = problems.slice(0, 10).join('; ');
  return problems.length > 10 ? `${shown}; and ${problems.length - 10} more` : shown;
}
