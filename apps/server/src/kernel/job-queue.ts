import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Executor } from '../db/client.ts';
import { poolAdapter, transactionAdapter, withAdvisoryLock } from './job-queue.sql.ts';

/**
 * Background work that must survive a crash and run once however many servers share the
 * database: a queue in PostgreSQL (pg-boss, decision 0009). A feature declares its jobs as
 * definitions; the server runs them; any code may send one, inside its own transaction when
 * the job must exist exactly when the write does (docs/scaling.md).
 */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  /** The queue's name: letters, digits and hyphens (`assessments-daily-refresh`). */
  name: string;
  /** What an admin reads in the jobs list. */
  description: string;
  /** Attempts after the first; each waits `retryDelaySeconds`, doubled each time when `backoff`. */
  retryLimit: number;
  retryDelaySeconds: number;
  backoff: boolean;
  /**
   * How long an attempt may run before it counts as lost (its server died): it is then failed
   * and retried. Longer than the slowest honest run.
   */
  expireInSeconds: number;
  /** `stately`: at most one waiting and one running (a nudge sent ten times runs once more). */
  policy?: 'standard' | 'stately' | 'singleton';
  /** A cron expression (UTC): sent once per tick, whichever server's clock sees it first. */
  schedule?: string;
  /** At most this many of these jobs run at once on one server. */
  concurrency?: number;
  run(data: T, job: JobAttempt): Promise<unknown>;
}

/** Which attempt of a job is running. */
export interface JobAttempt {
  id: string;
  /** 1 for the first run. */
  attempt: number;
  /** No retry follows if this attempt fails: what it leaves is the job's outcome. */
  last: boolean;
}

export interface SendOptions {
  /** The transaction the job belongs to: it exists only if that transaction commits. */
  executor?: Executor;
  /** Jobs with one key: a second is not queued while the first waits (or runs, per policy). */
  singletonKey?: string;
  startAfter?: Date;
}

export interface JobQueue {
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
  /** The pg-boss instance, for the admins' jobs feature (retry) and tests. */
  boss(): Promise<PgBoss>;
  /** The jobs this release runs: their queues are created before the first send. */
  define(definitions: readonly JobDefinition<never>[]): void;
  /**
   * Takes the next waiting job of queue `name` and runs it here, now (completed, or failed and so
   * retried per its definition): a server that has just queued a job starts it without waiting
   * for a worker's next poll. False when nothing was waiting (another server took it).
   */
  runWaiting(name: string): Promise<boolean>;
  /** Runs the defined jobs' workers and schedules on this server (the server's start). */
  startWorking(options?: WorkingOptions): Promise<void>;
  /** Stops fetching, waits for the jobs running here (up to `timeoutMs`), fails what is left. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface WorkingOptions {
  /** How often an idle worker asks for work (pg-boss: at least 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are failed (and so retried): the crash-recovery latency. */
  maintenanceIntervalSeconds?: number;
  log?: (level: 'info' | 'warn' | 'error', details: Record<string, unknown>, message: string) => void;
}

export const JOB_SCHEMA = 'pgboss';
// Any constant works; it only has to be the same for every Liaison server on one database.
const QUEUE_SETUP_LOCK_KEY = 7_311_942_002;

function bossOptions(pool: pg.Pool, working: WorkingOptions | null): PgBoss.ConstructorOptions {
  return {
    db: poolAdapter(pool),
    schema: JOB_SCHEMA,
    // Our migrator installs and upgrades the queue's schema under its own lock (db/migrate.ts).
    migrate: false,
    supervise: working !== null,
    schedule: working !== null,
    maintenanceIntervalSeconds: working?.maintenanceIntervalSeconds ?? 60,
    // How soon a schedule's tick is noticed (every server tries; the database lets one send it).
    cronMonitorIntervalSeconds: Math.max(1, Math.round(working?.pollingIntervalSeconds ?? 2)),
    cronWorkerIntervalSeconds: Math.max(1, Math.round(working?.pollingIntervalSeconds ?? 2)),
    // Finished jobs stay listed for two weeks: the admins' log of what ran.
    archiveCompletedAfterSeconds: 3_600,
    // Failed jobs stay retryable from the admins' jobs page for a week.
    archiveFailedAfterSeconds: 7 * 86_400,
    deleteAfterDays: 14,
  };
}

function queueOf(definition: JobDefinition<never>) {
  return {
    name: definition.name,
    policy: definition.policy ?? 'standard',
    retryLimit: definition.retryLimit,
    retryDelay: definition.retryDelaySeconds,
    retryBackoff: definition.backoff,
    expireInSeconds: definition.expireInSeconds,
  } satisfies PgBoss.Queue;
}

function attemptOf(job: PgBoss.JobWithMetadata<unknown>): JobAttempt {
  return { id: job.id, attempt: job.retryCount + 1, last: job.retryCount >= job.retryLimit };
}

/** What pg-boss stores as a job's output: an object. */
function toObject(result: unknown): object {
  return typeof result === 'object' && result !== null ? result : { value: result ?? null };
}

export function createJobQueue(pool: pg.Pool): JobQueue {
  let instance: PgBoss | null = null;
  let starting: Promise<PgBoss> | null = null;
  let definitions: readonly JobDefinition<never>[] = [];

  const start = (working: WorkingOptions | null) => {
    const boss = new PgBoss(bossOptions(pool, working));
    boss.on('error', (error) => working?.log?.('error', { err: error }, 'job queue error'));
    starting = (async () => {
      await boss.start();
      // A job sent to a queue that does not exist fails: every defined queue exists first, with
      // the settings this release gives it (create does nothing when it exists; update does).
      // Two servers creating queues at once could deadlock on pg-boss's partitioned table.
      await withAdvisoryLock(pool, QUEUE_SETUP_LOCK_KEY, async () => {
        for (const definition of definitions) {
          await boss.createQueue(definition.name, queueOf(definition));
          if (working) await boss.updateQueue(definition.name, queueOf(definition));
        }
      });
      instance = boss;
      return boss;
    })();
    return starting;
  };
  const current = () => (instance ? Promise.resolve(instance) : (starting ?? start(null)));

  return {
    async send(name, data, options = {}) {
      const boss = await current();
      const { executor, ...rest } = options;
      return boss.send(name, data, {
        ...rest,
        ...(executor ? { db: transactionAdapter(executor) } : {}),
      });
    },
    boss: current,
    async runWaiting(name) {
      const definition = definitions.find((candidate) => candidate.name === name);
      if (!definition) throw new Error(`no job ${name} is defined`);
      const boss = await current();
      const [job] = await boss.fetch<Record<string, unknown>>(name, { batchSize: 1, includeMetadata: true });
      if (!job) return false;
      try {
        const result = await (definition.run as JobDefinition['run'])(job.data ?? {}, attemptOf(job));
        await boss.complete(name, job.id, toObject(result));
      } catch (error) {
        await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      }
      return true;
    },
    define(given) {
      definitions = given;
    },
    async startWorking(options = {}) {
      // A client-only instance (sends before the start) gives way to a working one.
      if (starting) await (await starting).stop({ graceful: false, close: false, wait: true });
      instance = null;
      const boss = await start(options);
      for (const definition of definitions) {
        // A scheduled run carries `scheduled: true`: the jobs page and the tests tell it from a nudge.
        if (definition.schedule)
          await boss.schedule(definition.name, definition.schedule, { scheduled: true }, { tz: 'UTC' });
        else await boss.unschedule(definition.name);
        const work = definition.run as JobDefinition['run'];
        for (let worker = 0; worker < (definition.concurrency ?? 1); worker++) {
          await boss.work<Record<string, unknown>>(
            definition.name,
            {
              pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
              batchSize: 1,
              includeMetadata: true,
            },
            async ([job]) => {
              if (!job) return;
              const started = performance.now();
              try {
                const result = await work(job.data ?? {}, attemptOf(job));
                options.log?.(
                  'info',
                  { job: definition.name, id: job.id, ms: Math.round(performance.now() - started) },
                  `${definition.name} done`,
                );
                return result;
              } catch (error) {
                options.log?.(
                  'warn',
                  { err: error, job: definition.name, id: job.id, attempt: job.retryCount + 1 },
                  `${definition.name} failed`,
                );
                throw error;
              }
            },
          );
        }
      }
    },
    // 10 s: a server's whole stop must fit in the 20 s `liaison serve` allows it (the job
    // queue, then the HTTP app, then PostgreSQL); a job still running then is failed here and
    // retried by another server.
    async stop(timeoutMs = 10_000) {
      const boss = instance ?? (starting ? await starting.catch(() => null) : null);
      instance = null;
      starting = null;
      await boss?.stop({ graceful: true, close: false, wait: true, timeout: timeoutMs });
    },
  };
}

/**
 * Installs or upgrades the queue's tables (pg-boss's own migrations): the migrator calls it
 * after ours, on its connection and under its lock (two servers starting at once would race to
 * create the schema), so every server and every test database has them.
 */
export async function installJobSchema(db: PgBoss.Db): Promise<void> {
  const boss = new PgBoss({
    db,
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  await boss.start();
  await boss.stop({ graceful: false, close: false, wait: true });
}
