import type { Writable } from 'node:stream';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type Database, type Executor, poolOf } from '../../db/client.ts';
import * as schema from '../../db/schema.ts';

// Imports write one at a time: two files touching the same records cannot interleave.
export const IMPORT_WRITE_LOCK = 7_311_942_004;
/**
 * The first key of the lock a running job holds on its connection for its whole life (the second
 * is a hash of its id): a job whose lock nobody holds has lost its server (`importsStore.failInterrupted`).
 */
export const JOB_LOCK_SPACE = 7_311;

/**
 * The one connection an import runs on, from staging to commit: its temporary tables live and
 * die with it, so it is released destroyed (`release(true)`), never back to the pool.
 */
export async function openImportConnection(db: Database) {
  const client: pg.PoolClient = await poolOf(db).connect();
  // A killed backend reports on the client too; the failing query carries the error.
  client.on('error', () => {});
  const executor: Executor = drizzle(client, { schema });
  return {
    client,
    executor,
    backendPid: (client as unknown as { processID: number }).processID,
    /** Marks job `id` as running on this connection, until the connection closes. */
    holdJob: async (id: string) => {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [JOB_LOCK_SPACE, id]);
    },
    copyIn: (statement: string): Writable => client.query(copyFrom(statement)),
    analyzeStaging: () => client.query('ANALYZE import_rows'),
    /** Begins the write transaction and waits for any other import's to end. */
    beginWrite: async () => {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_WRITE_LOCK]);
    },
    commit: () => client.query('COMMIT'),
    rollback: () => client.query('ROLLBACK'),
    release: () => client.release(true),
  };
}

export type ImportConnection = Awaited<ReturnType<typeof openImportConnection>>;
