/**
 * Work a server does outside any request (the refresh after midnight, a reassessment a new
 * playbook starts, a refresh a read found too big to wait for). Nothing of it may fail
 * silently: every failure is logged with its context and kept for the admins' status endpoint
 * (`GET /api/v1/status/background-work`), and shutdown waits for what is in flight
 * (docs/architecture.md, "Background work").
 */
export interface BackgroundLog {
  info(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface BackgroundFailure {
  name: string;
  context: Record<string, unknown>;
  startedAt: string;
  failedAt: string;
  message: string;
}

export interface BackgroundTaskState {
  name: string;
  runs: number;
  failures: number;
  running: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastOutcome: 'succeeded' | 'failed' | null;
  lastDurationMs: number | null;
}

/** Failures kept for the status endpoint: the most recent ones, oldest dropped first. */
const KEPT_FAILURES = 50;

/** An interruption on purpose (shutdown): not a failure. */
export class BackgroundWorkStopped extends Error {}

export function createBackgroundWork(log: BackgroundLog, clock: () => Date = () => new Date()) {
  const inFlight = new Set<Promise<unknown>>();
  const tasks = new Map<string, BackgroundTaskState>();
  const failures: BackgroundFailure[] = [];

  const stateOf = (name: string): BackgroundTaskState => {
    let state = tasks.get(name);
    if (!state) {
      state = {
        name,
        runs: 0,
        failures: 0,
        running: 0,
        lastStartedAt: null,
        lastFinishedAt: null,
        lastOutcome: null,
        lastDurationMs: null,
      };
      tasks.set(name, state);
    }
    return state;
  };

  return {
    /**
     * Runs `work` in the background. The returned promise never rejects: a failure is logged
     * with `context`, counted and kept; the result is undefined then.
     */
    run<T>(name: string, context: Record<string, unknown>, work: () => Promise<T>): Promise<T | undefined> {
      const state = stateOf(name);
      const startedAt = clock().toISOString();
      const started = performance.now();
      state.runs += 1;
      state.running += 1;
      state.lastStartedAt = startedAt;
      const finish = (outcome: 'succeeded' | 'failed') => {
        state.running -= 1;
        state.lastFinishedAt = clock().toISOString();
        state.lastOutcome = outcome;
        state.lastDurationMs = Math.round(performance.now() - started);
      };
      const task = Promise.resolve()
        .then(work)
        .then(
          (result) => {
            finish('succeeded');
            const outcome = typeof result === 'number' ? { result } : {};
            log.info({ task: name, ...context, ...outcome, ms: state.lastDurationMs }, `${name} done`);
            return result;
          },
          (error: unknown) => {
            if (error instanceof BackgroundWorkStopped) {
              finish('succeeded');
              log.info({ task: name, ...context }, `${name}: stopped for shutdown`);
              return undefined;
            }
            finish('failed');
            state.failures += 1;
            const message = error instanceof Error ? error.message : String(error);
            failures.push({ name, context, startedAt, failedAt: state.lastFinishedAt!, message });
            if (failures.length > KEPT_FAILURES) failures.shift();
            log.error({ err: error, task: name, ...context }, `${name} failed`);
            return undefined;
          },
        );
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      return task;
    },

    /** What runs, what ran and what failed, for the admins' status endpoint. */
    status() {
      return {
        inFlight: inFlight.size,
        tasks: [...tasks.values()].map((state) => ({ ...state })),
        recentFailures: [...failures].reverse(),
      };
    },

    /** Resolves once nothing is in flight (shutdown), including work started meanwhile. */
    async drain(): Promise<void> {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type BackgroundWork = ReturnType<typeof createBackgroundWork>;

/** For code run outside a server (the demo seed, scripts): failures still reach stderr. */
export const consoleBackgroundLog: BackgroundLog = {
  info: () => {},
  error: (details, message) => console.error(message, details),
};
