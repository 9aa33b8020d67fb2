import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-app.ts';
import { listenForEvents } from './events-listener.store.ts';

// The listener's connection may be ended by PostgreSQL after the listener stopped (a server's
// shutdown stops PostgreSQL next; a forced DROP): that must not throw out of its error handler and
// kill the process (it did: "Release called on client which has already been released").

const database = await createTestDatabase();
afterAll(() => database.close());

async function listeningBackend(): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const { rows } = await database.pool.query<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN liaison_events'",
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the listener never listened');
}

describe('the events listener', () => {
  it('hears a nudge, and outlives its connection ending after it stopped', async () => {
    let nudges = 0;
    const errors: unknown[] = [];
    const listener = listenForEvents(
      database.pool,
      () => nudges++,
      (error) => errors.push(error),
    );
    const pid = await listeningBackend();
    await database.pool.query("NOTIFY liaison_events, 'test'");
    for (let tries = 0; tries < 100 && nudges === 0; tries++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(nudges).toBe(1);

    await listener.stop();
    // Ended from outside (the pool may hand that very connection to a query of ours).
    const outside = new pg.Client({ connectionString: database.url });
    await outside.connect();
    await outside.query('SELECT pg_terminate_backend($1)', [pid]);
    await outside.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Still here (an exception from the handler would have ended the run), and nothing reported.
    expect((await database.pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    expect(errors).toEqual([]);
  });
});
