import type pg from 'pg';

/**
 * Listens for committed events (the `events_nudge` trigger's NOTIFY) on a connection of its
 * own; reconnects after losing it. `onEvents` should be cheap: it queues the dispatcher.
 */
export function listenForEvents(pool: pg.Pool, onEvents: () => void, onError: (error: unknown) => void) {
  let current: { connection: pg.PoolClient; release: (error?: Error) => void } | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    try {
      const connection = await pool.connect();
      if (stopped) {
        connection.release();
        return;
      }
      // Released once: after `stop`, PostgreSQL shutting down still reports on the connection
      // (57P01), and a second release throws out of the event handler and kills the process.
      let released = false;
      const release = (error?: Error) => {
        if (released) return;
        released = true;
        connection.release(error);
      };
      current = { connection, release };
      connection.on('notification', () => onEvents());
      connection.on('error', (error) => {
        release(error);
        if (stopped) return;
        onError(error);
        current = null;
        retry = setTimeout(connect, 1_000);
      });
      await connection.query('LISTEN liaison_events');
    } catch (error) {
      onError(error);
      if (!stopped) retry = setTimeout(connect, 1_000);
    }
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const listening = current;
      current = null;
      if (listening) {
        await listening.connection.query('UNLISTEN *').catch(() => {});
        listening.release();
      }
    },
  };
}
