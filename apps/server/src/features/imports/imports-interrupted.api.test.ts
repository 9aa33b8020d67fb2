import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startImport, waitForImport } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import { JOB_LOCK_SPACE } from './import-connection.store.ts';
import { INTERRUPTED } from './imports.service.ts';
import { importTestTools, NOW } from './imports.test-helpers.ts';

// A server killed mid-import writes nothing (its transaction dies with its connection); the job
// it leaves must not look alive after a restart. Several servers may share one database: only
// the jobs of a server that is gone are failed (docs/security.md, "Crashes and restarts").

const app = await createTestApp({ now: NOW });
const { admin, pool } = importTestTools(app);
const connections: pg.Client[] = [];
afterAll(async () => {
  for (const client of connections) await client.end().catch(() => {});
});

/**
 * A server's connection running job `id`, as a server that was then killed left it: the job's
 * row, mid-write, and its lock held by the server's connection (until `die`).
 */
async function jobOfAServer(status: string) {
  const id = randomUUID();
  const client = new pg.Client({ connectionString: pool.options.connectionString });
  connections.push(client);
  await client.connect();
  await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [JOB_LOCK_SPACE, id]);
  await pool.query(
    `INSERT INTO imports (id, object, file_name, status, created_at, updated_at, rows_read)
     VALUES ($1, 'accounts', 'big.csv', $2, $3, $3, 40000)`,
    [id, status, NOW],
  );
  return { id, die: () => client.end() };
}

const job = async (id: string) => (await admin.get(`/api/v1/imports/${id}`)).body;

describe('imports a stopped server left unfinished', () => {
  it('are failed by the start routine at once, with what happened; a live server’s job is left running', async () => {
    const killed = await jobOfAServer('writing');
    await killed.die();
    const live = await jobOfAServer('checking');

    const failed = await app.services.imports.failInterrupted();
    expect(failed).toEqual([killed.id]);
    expect(await job(killed.id)).toMatchObject({
      status: 'failed',
      done: true,
      error: INTERRUPTED,
      rows: { read: 40000, created: 0, updated: 0 },
    });
    expect(INTERRUPTED).toMatch(/^Interrupted by a restart.*Nothing was written\.$/);

    // Read again, by this server and by the start routine: still running where its server runs.
    expect(await job(live.id)).toMatchObject({ status: 'checking', done: false, error: null });
    expect(await app.services.imports.failInterrupted()).toEqual([]);

    // Its server is gone too now: the next read says so, without waiting for any timer.
    await live.die();
    expect(await job(live.id)).toMatchObject({ status: 'failed', error: INTERRUPTED });
  });

  it('leaves alone a job another server is running on the same database, which then completes', async () => {
    // A second server on the same database, starting while the first is in the middle of an import.
    const other = await buildApp({ db: app.database.db, clock: () => new Date(NOW), logLevel: 'silent' });
    afterAll(() => other.http.close());
    let reached!: () => void;
    const atCheckpoint = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let resume!: () => void;
    const resumed = new Promise<void>((resolve) => {
      resume = resolve;
    });
    const stop = app.services.imports.onCheckpoint(async (event) => {
      if (event.step !== 'before commit') return;
      reached();
      await resumed;
    });
    try {
      const started = await startImport(
        app,
        'accounts',
        'Id,Name,ARR__c,Segment__c,Region__c,Plan__c\r\n,Shared Database Co,1000,smb,noram,premium\r\n',
      );
      expect(started.status).toBe(202);
      await atCheckpoint;
      expect(await other.services.imports.failInterrupted()).toEqual([]);
      resume();
      expect(await waitForImport(app, started.body.id)).toMatchObject({
        status: 'completed',
        error: null,
        rows: { created: 1 },
      });
    } finally {
      stop();
      resume();
    }
  });
});
