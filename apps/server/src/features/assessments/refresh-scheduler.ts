import { type BackgroundWork, BackgroundWorkStopped } from '../../kernel/background-work.ts';
import type { AssessmentsService } from './assessments.service.ts';

const DAY_MS = 86_400_000;
/** A little after midnight UTC, so the new day has begun on every clock that reads it. */
const AFTER_MIDNIGHT_MS = 5_000;

/**
 * Keeps the read model fresh without making a reader wait: at start (an assessment missing or
 * from an older playbook) and just after each UTC midnight (due dates turn into overdue ones),
 * every stale assessment is recomputed set-based in the background. Reads refresh inline only
 * what is small: a TAM's own accounts, or a book with few stale accounts. Each run goes through
 * the server's background work: a failure is logged with its context and shown to admins.
 */
export function startRefreshScheduler(
  assessments: AssessmentsService,
  background: BackgroundWork,
  clock: () => Date = () => new Date(),
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | null = null;

  const schedule = () => {
    if (stopped) return;
    const now = clock().getTime();
    const next = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS + AFTER_MIDNIGHT_MS;
    timer = setTimeout(run, next - now);
    timer.unref();
  };

  function run() {
    const now = clock();
    running = background
      .run('assessments.daily-refresh', { at: now.toISOString() }, () =>
        assessments.refreshAllStale(now, () => {
          if (stopped) throw new BackgroundWorkStopped();
        }),
      )
      .finally(() => {
        running = null;
        schedule();
      });
  }

  timer = setTimeout(run, 0);
  timer.unref();
  return {
    /** Stops scheduling and interrupts a running refresh at its next chunk (what is done stays done). */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
