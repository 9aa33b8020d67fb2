import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

// Business dates stay `YYYY-MM-DD` strings (a Date would shift them by the local zone) and
// numerics come back as numbers (ARR fits a double exactly to the cent below 2^53 cents).
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));

export type Database = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: stores accept either. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseHandle {
  pool: pg.Pool;
  db: Database;
  close: () => Promise<void>;
}

export function connectDatabase(url: string, poolSize = 10): DatabaseHandle {
  // The process id tells an operator (and the two-server test) which server holds a connection
  // when several share the database (docs/scaling.md).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: `liaison ${process.pid}`,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}

/** Converts a timestamptz as PostgreSQL prints it (or a Date) to an ISO-8601 instant. */
export function toIso(value: string | Date): string;
export function toIso(value: string | Date | null): string | null;
export function toIso(value: string | Date | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** The pool behind a database handle (drizzle keeps it as `$client`). */
export function poolOf(db: Database): pg.Pool {
  return (db as Database & { $client: pg.Pool }).$client;
}

/** A connection of its own, outside any transaction, for work that commits piece by piece. */
export async function onOwnConnection<T>(
  db: Database,
  work: (executor: Executor, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await poolOf(db).connect();
  try {
    return await work(drizzle(client, { schema }), client);
  } finally {
    client.release();
  }
}
