import { describe, expect, it } from 'vitest';
import { startImport, waitForImport } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { importTestTools, NOW } from './imports.test-helpers.ts';

// An import is a job in the queue (docs/import-export.md#jobs): its upload is stored, a run that
// fails for a reason that is not the file's is retried with backoff, and after the last attempt
// it is a failed job an admin can retry. The file's own problems are an outcome, never retried.

const app = await createTestApp({ now: NOW, importRetries: { retryLimit: 1, retryDelaySeconds: 1 } });
const { admin, pool, counts } = importTestTools(app);
const queue = app.services.queue;

function accountsFile(prefix: string, rows: number) {
  const lines = ['Id,Name,ARR__c,Segment__c,Region__c,Plan__c'];
  for (let index = 0; index < rows; index++)
    lines.push(`,${prefix} ${index},${1000 + index},smb,noram,premium`);
  return `${lines.join('\r\n')}\r\n`;
}

/** Waits until import `id` waits for its retry: its first attempt has failed. */
async function retryPending(id: string) {
  for (let tries = 0; tries < 200; tries++) {
    const job = (await admin.get(`/api/v1/imports/${id}`)).body;
    if (job.status === 'queued' && job.attempt === 1) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`import ${id} never failed its first attempt`);
}

/** The retry's delay (1 s) has passed: a worker would take the job now; this test takes it. */
async function runRetry() {
  for (let tries = 0; tries < 60; tries++) {
    if (await queue.runWaiting('imports-run')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no import job became due');
}

const uploadChunks = async (id: string) =>
  (
    await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import_uploads WHERE import_id = $1', [
      id,
    ])
  ).rows[0]!.n;
const told = async (id: string) =>
  (
    await pool.query<{ type: string }>(
      "SELECT type FROM events WHERE body->'data'->>'importId' = $1 ORDER BY seq",
      [id],
    )
  ).rows.map((row) => row.type);

describe('an import whose run fails', () => {
  it('is run again from its stored file, writing nothing in between', async () => {
    const before = await counts();
    let fail = true;
    const stop = app.services.imports.onCheckpoint(async (event) => {
      if (event.step === 'before commit' && fail) throw new Error('the database went away');
    });
    try {
      const started = await startImport(app, 'accounts', accountsFile('Retried', 300));
      expect(started.body).toMatchObject({ status: 'uploading', attempt: 0 });
      const waiting = await retryPending(started.body.id);
      expect(waiting).toMatchObject({ done: false, attempt: 1, rows: { created: 0 } });
      expect(waiting.error).toBe(
        'The import failed: the database went away. Nothing was written. It runs again shortly (attempt 1 failed).',
      );
      expect(await counts()).toEqual(before);
      expect(await uploadChunks(started.body.id)).toBe(1);

      fail = false;
      await runRetry();
      const job = await waitForImport(app, started.body.id);
      expect(job).toMatchObject({
        status: 'completed',
        attempt: 2,
        error: null,
        rows: { read: 300, created: 300 },
      });
      // Its file is gone with the outcome; the importer heard of the end once.
      expect(await uploadChunks(started.body.id)).toBe(0);
      expect(await told(started.body.id)).toEqual(['import.finished']);
    } finally {
      stop();
    }
  });

  it('after its last attempt is failed, listed among the failed jobs, and an admin’s retry runs it', async () => {
    const before = await counts();
    let fail = true;
    const stop = app.services.imports.onCheckpoint(async (event) => {
      if (event.step === 'before commit' && fail) throw new Error('disk full');
    });
    try {
      const started = await startImport(app, 'accounts', accountsFile('Dead Letter', 50), {
        query: { fileName: 'dead-letter.csv' },
      });
      await retryPending(started.body.id);
      await runRetry();
      const failed = await waitForImport(app, started.body.id);
      expect(failed).toMatchObject({ status: 'failed', done: true, attempt: 2 });
      expect(failed.error).toBe('The import failed: disk full. Nothing was written.');
      expect(await counts()).toEqual(before);
      // Kept for a rerun.
      expect(await uploadChunks(started.body.id)).toBe(1);

      const status = (await admin.get('/api/v1/status/jobs')).body;
      const dead = status.failed.find(
        (job: { queue: string; data: { importId?: string } }) =>
          job.queue === 'imports-run' && job.data.importId === started.body.id,
      );
      expect(dead).toMatchObject({
        attempts: 2,
        retryable: true,
        error: expect.stringContaining('disk full'),
      });
      expect(status.queues.find((queue: { name: string }) => queue.name === 'imports-run')).toMatchObject({
        retryLimit: 1,
      });

      fail = false;
      expect((await admin.post(`/api/v1/status/jobs/${dead.id}/retry`, {})).status).toBe(204);
      await runRetry();
      const job = await waitForImport(app, started.body.id);
      expect(job).toMatchObject({ status: 'completed', error: null, rows: { created: 50 } });
      expect(await told(started.body.id)).toEqual(['import.failed', 'import.finished']);
    } finally {
      stop();
    }
  });

  it('is not retried when the file is at fault: rejected rows and unreadable files are outcomes', async () => {
    const rejected = await startImport(
      app,
      'accounts',
      'Name,ARR__c,Segment__c,Region__c\r\nBad,12k,smb,noram\r\n',
    );
    expect(await waitForImport(app, rejected.body.id)).toMatchObject({ status: 'rejected', attempt: 1 });
    const unreadable = await startImport(app, 'accounts', 'Name,ARR__c\r\n"unclosed,1\r\n');
    expect(await waitForImport(app, unreadable.body.id)).toMatchObject({ status: 'failed', attempt: 1 });
    for (const id of [rejected.body.id, unreadable.body.id]) expect(await uploadChunks(id)).toBe(0);
    const { rows } = await pool.query(
      "SELECT state::text FROM pgboss.job WHERE name = 'imports-run' AND data->>'importId' = ANY($1)",
      [[rejected.body.id, unreadable.body.id]],
    );
    expect(rows.map((row) => row.state)).toEqual(['completed', 'completed']);
  });

  it('refuses an upload the decoder cannot read before any job exists', async () => {
    const job = await waitForImport(
      app,
      (await startImport(app, 'accounts', Buffer.from('Name\r\nNo Bom\r\n'.repeat(400), 'utf16le'))).body.id,
    );
    expect(job).toMatchObject({ status: 'failed', attempt: 0, error: expect.stringMatching(/UTF-16/) });
    const { rows } = await pool.query("SELECT 1 FROM pgboss.job WHERE data->>'importId' = $1", [job.id]);
    expect(rows).toEqual([]);
  });
});
