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
