import type { AssessmentsService } from './assessments.service.ts';

const DAY_MS = 86_400_000;
/** A little after midnight UTC, so the new day has begun on every clock that reads it. */
const AFTER_MIDNIGHT_MS = 5_000;

export interface RefreshLog {
  info: (message: string) => void;
  error: (message: string, error: unknown) => void;
}

/**
 * Keeps the read model fresh without making a reader wait: at start (an assessment missing or
 * from an older playbook) and just after each UTC midnight (due dates turn into overdue ones),
 * every stale assessment is recomputed set-based in the background. Reads refresh inline only
 * what is small: a TAM's own accounts, or a book with few stale accounts.
 */
export function startRefreshScheduler(
  assessments: AssessmentsService,
  log: RefreshLog,
  clock: () => Date = () => new Date(),
) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const schedule = () => {
    if (stopped) return;
    const now = clock().getTime();
    const next = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS + AFTER_MIDNIGHT_MS;
    timer = setTimeout(run, next - now);
    timer.unref();
  };

  function run() {
    const started = performance.now();
    running = assessments
      .refreshAllStale(clock(), () => {
        if (stopped) throw new RefreshStopped();
      })
      .then((count) => {
        if (count > 0)
          log.info(`refreshed ${count} stale assessments in ${Math.round(performance.now() - started)} ms`);
      })
      .catch((error) => {
        if (!(error instanceof RefreshStopped)) log.error('background assessment refresh failed', error);
      })
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

class RefreshStopped extends Error {}
