import type pg from 'pg';
import type { App } from './app.ts';
import { REFRESH_JOB } from './features/assessments/index.ts';
import { DISPATCH_JOB } from './kernel/events.ts';
import { listenForEvents } from './kernel/events-listener.store.ts';
import type { WorkingOptions } from './kernel/job-queue.ts';

/**
 * A server's share of the background work (decision 0009, docs/scaling.md): it runs the jobs of
 * every feature from the queue in PostgreSQL, takes part in the schedules (each tick sends once,
 * whichever server sees it), and wakes the event dispatcher when an event commits.
 */
export async function startJobs(app: App, pool: pg.Pool, options: Omit<WorkingOptions, 'log'> = {}) {
  const { queue } = app.services;
  const log = app.http.log;
  await queue.startWorking({
    ...options,
    log: (level, details, message) => log[level](details, message),
  });
  // Stale assessments at start (a new release, a night the servers were down): refresh once.
  await queue.send(REFRESH_JOB, {});
  const listener = listenForEvents(
    pool,
    () => void queue.send(DISPATCH_JOB, {}).catch((error) => log.warn({ err: error }, 'dispatch not queued')),
    (error) => log.warn({ err: error }, 'event listener lost its connection; reconnecting'),
  );
  return {
    async stop() {
      await listener.stop();
      await queue.stop();
    },
  };
}
