import type { FailedJob, JobsStatus } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { BackgroundWork } from '../../kernel/background-work.ts';
import type { RequestContext } from '../../kernel/context.ts';
import type { JobDefinition, JobQueue } from '../../kernel/job-queue.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { type FailedJobRow, jobsStore } from './jobs.store.ts';

const WAITING = new Set(['created', 'retry']);

function errorOf(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  if (output === null || output === undefined) return 'No error was reported.';
  return typeof output === 'string' ? output : JSON.stringify(output);
}

function presentFailed(row: FailedJobRow, retryable: boolean): FailedJob {
  return {
    id: row.id,
    queue: row.name,
    data: row.data ?? {},
    error: errorOf(row.output),
    attempts: row.retryCount + 1,
    createdAt: row.createdOn,
    failedAt: row.completedOn,
    retryable,
  };
}

/** What runs outside requests — on this server and in the shared job queue — for admins. */
export function createStatusService(
  db: Database,
  deps: { background: BackgroundWork; queue: JobQueue; jobs: readonly JobDefinition<never>[] },
) {
  const allowed = (context: RequestContext) =>
    authorize(policies.viewSystemStatus(context.user), 'Only admins can see the server status.');
  return {
    backgroundWork(context: RequestContext) {
      allowed(context);
      return deps.background.status();
    },

    /** Every queue of this release with its counts, and the dead-letter list. */
    async jobs(context: RequestContext): Promise<JobsStatus> {
      allowed(context);
      const [counts, failed] = await Promise.all([jobsStore.counts(db), jobsStore.failed(db, 100)]);
      const queues = deps.jobs.map((definition) => {
        const mine = counts.filter((row) => row.name === definition.name);
        const sum = (test: (state: string) => boolean) =>
          mine.filter((row) => test(row.state)).reduce((total, row) => total + row.count, 0);
        const completed = mine.map((row) => row.lastCompletedOn).filter((at): at is string => at !== null);
        return {
          name: definition.name,
          description: definition.description,
          schedule: definition.schedule ?? null,
          retryLimit: definition.retryLimit,
          counts: {
            waiting: sum((state) => WAITING.has(state)),
            running: sum((state) => state === 'active'),
            completed: sum((state) => state === 'completed'),
            failed: sum((state) => state === 'failed'),
          },
          lastCompletedAt: completed.sort().at(-1) ?? null,
        };
      });
      const live = await Promise.all(failed.map((row) => jobsStore.failedJobQueue(db, row.id)));
      return { queues, failed: failed.map((row, index) => presentFailed(row, live[index] !== null)) };
    },

    /** Sends a failed job back to its queue for one more attempt (it keeps its id and history). */
    async retryJob(context: RequestContext, id: string): Promise<void> {
      allowed(context);
      const queue = await jobsStore.failedJobQueue(db, id);
      if (!queue) {
        const archived = (await jobsStore.failed(db, 1_000)).some((row) => row.id === id);
        if (archived)
          throw new DomainError('INVALID_STATE', 'This job failed more than a week ago and was archived.');
        throw notFound('Failed job', id);
      }
      const boss = await deps.queue.boss();
      await boss.retry(queue, id);
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
