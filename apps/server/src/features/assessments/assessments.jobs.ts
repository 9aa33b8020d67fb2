import type { JobDefinition } from '../../kernel/job-queue.ts';
import { type AssessmentsService, REASSESS_ALL_JOB } from './assessments.service.ts';

export const REFRESH_JOB = 'assessments-refresh';
export const WATCH_JOB = 'book-watch';

/**
 * The assessments' background work as jobs (decision 0009): the day-rollover refresh (due dates
 * turn overdue at UTC midnight; once per night however many servers run) and the whole-book
 * reassessment a new playbook asks for. Both are set-based and idempotent: a retry after a
 * crash redoes what the lost attempt had not committed.
 */
export function assessmentsJobs(assessments: AssessmentsService, clock: () => Date): JobDefinition<never>[] {
  const refresh: JobDefinition = {
    name: REFRESH_JOB,
    description: 'Refreshes every stale assessment: after each UTC midnight, and when a server starts.',
    schedule: '0 0 * * *',
    policy: 'stately',
    retryLimit: 5,
    retryDelaySeconds: 60,
    backoff: true,
    expireInSeconds: 3_600,
    run: async () => ({ refreshed: await assessments.refreshAllStale(clock()) }),
  };
  const reassessAll: JobDefinition<{ reason?: string; at?: string }> = {
    name: REASSESS_ALL_JOB,
    description: 'Reassesses the whole book after a new playbook version.',
    retryLimit: 5,
    retryDelaySeconds: 60,
    backoff: true,
    expireInSeconds: 3_600,
    run: async (data) => {
      const at = data.at ? new Date(data.at) : clock();
      return { reassessed: await assessments.reassessAll(Number.isNaN(at.getTime()) ? clock() : at) };
    },
  };
  const watch: JobDefinition = {
    name: WATCH_JOB,
    description: 'Notices obligations turning overdue and TAM sentiments going stale (events).',
    schedule: '15 * * * *',
    policy: 'stately',
    retryLimit: 5,
    retryDelaySeconds: 60,
    backoff: true,
    expireInSeconds: 900,
    run: async () => {
      const now = clock();
      // The day's verdicts first: an obligation is overdue in the stored assessment once refreshed.
      await assessments.refreshAllStale(now);
      return assessments.watchBook(now);
    },
  };
  return [refresh, reassessAll, watch] as JobDefinition<never>[];
}
