import type pg from 'pg';

/**
 * Listens for committed events (the `events_nudge` trigger's NOTIFY) on a connection of its
 * own; reconnects after losing it. `onEvents` should be cheap: it queues the dispatcher.
 */
export function listenForEvents(pool: pg.Pool, onEvents: () => void, onError: (error: unknown) => void) {
  let client: pg.PoolClient | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    try {
      const connection = await pool.connect();
      if (stopped) {
        connection.release();
        return;
      }
      client = connection;
      connection.on('notification', () => onEvents());
      connection.on('error', (error) => {
        onError(error);
        connection.release(error);
        client = null;
        if (!stopped) retry = setTimeout(connect, 1_000);
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
      const connection = client;
      client = null;
      if (connection) {
        await connection.query('UNLISTEN *').catch(() => {});
        connection.release();
      }
    },
  };
}
