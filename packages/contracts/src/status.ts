import { z } from 'zod';
import { IsoInstant } from './common.ts';

/** One kind of background work and how its runs went on this server. */
export const BackgroundTaskState = z.object({
  name: z.string().describe('e.g. `assessments.daily-refresh`, `assessments.reassess-all`.'),
  runs: z.int().min(0),
  failures: z.int().min(0),
  running: z.int().min(0),
  lastStartedAt: IsoInstant.nullable(),
  lastFinishedAt: IsoInstant.nullable(),
  lastOutcome: z.enum(['succeeded', 'failed']).nullable(),
  lastDurationMs: z.int().min(0).nullable(),
});

export const BackgroundFailure = z.object({
  name: z.string(),
  context: z.record(z.string(), z.unknown()).describe('What the work was about (day, playbook version, …).'),
  startedAt: IsoInstant,
  failedAt: IsoInstant,
  message: z.string(),
});

/** This server's work outside requests: nothing there fails silently. */
export const BackgroundWorkStatus = z.object({
  inFlight: z.int().min(0),
  tasks: z.array(BackgroundTaskState),
  recentFailures: z.array(BackgroundFailure).describe('The most recent failures, newest first.'),
});

export type BackgroundWorkStatus = z.infer<typeof BackgroundWorkStatus>;

/** One queue of jobs (decision 0009): what it does, when it runs, how its jobs stand. */
export const JobQueueStatus = z.object({
  name: z.string().describe('e.g. `assessments-refresh`, `events-dispatch`, `mail-deliver`.'),
  description: z.string(),
  schedule: z.string().nullable().describe('Cron expression (UTC) when the queue runs on a schedule.'),
  retryLimit: z.int().min(0),
  counts: z.object({
    waiting: z.int().min(0),
    running: z.int().min(0),
    completed: z.int().min(0),
    failed: z.int().min(0),
  }),
  lastCompletedAt: IsoInstant.nullable(),
});

/** A job whose last attempt failed: the dead-letter list an admin retries from. */
export const FailedJob = z.object({
  id: z.uuid(),
  queue: z.string(),
  data: z.unknown(),
  error: z.string().describe('What the last attempt reported.'),
  attempts: z.int().min(0),
  createdAt: IsoInstant,
  failedAt: IsoInstant.nullable(),
  retryable: z.boolean().describe('Still in the live table (failed jobs are archived after a week).'),
});

export const JobsStatus = z.object({
  queues: z.array(JobQueueStatus),
  failed: z.array(FailedJob).describe('The most recent failed jobs, newest first (at most 100).'),
});

export type JobQueueStatus = z.infer<typeof JobQueueStatus>;
export type FailedJob = z.infer<typeof FailedJob>;
export type JobsStatus = z.infer<typeof JobsStatus>;
