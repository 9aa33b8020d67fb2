import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportJob } from '@liaison/contracts';
import { from as copyFrom } from 'pg-copy-streams';
import { BENCH_TOKEN, type BenchPostgres, startBenchServer } from './bench-server.ts';
import { sampleRss } from './measure.ts';
import { ACCOUNT_HEADERS, usersFile, writeAccountsFile } from './salesforce-accounts-file.ts';

export interface ImportFigure {
  rows: number;
  fileBytes: number;
  generateSeconds: number;
  importSeconds: number;
  copySeconds: number;
  /** Seconds per import phase, as the job reports them. */
  phases: Record<string, number>;
  accountsAssessed: number;
  /** Peak RSS of this process (server and bench client) during the import, and before it. */
  peakRss: number;
  baselineRss: number;
  peakRssByPhase: Record<string, number>;
}

/**
 * The CSV import figure, on its own fresh database: generates a deterministic Salesforce-style
 * account file of `rows` rows, imports it through the HTTP API as the CLI does (streamed upload,
 * job polled), then COPYs the same file into a plain table of text columns on the same database.
 */
export async function runImportFigure(postgres: BenchPostgres, rows: number): Promise<ImportFigure> {
  const server = await startBenchServer(postgres, 'import');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-import-bench-'));
  const headers = { authorization: `Bearer ${BENCH_TOKEN}` };
  try {
    const file = path.join(dir, 'accounts.csv');
    const generated = performance.now();
    const fileBytes = await writeAccountsFile(file, rows);
    const generateSeconds = (performance.now() - generated) / 1000;

    // node:http, as the CLI: the job comes as the first line of the 202 while the file is still
    // going up; the answer ends when the server has read the whole file.
    function post(object: string, body: Readable, name: string): Promise<ImportJob> {
      return new Promise((resolve, reject) => {
        const request = http.request(`${server.baseUrl}/imports?object=${object}&fileName=${name}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/csv' },
        });
        request.on('error', reject);
        request.on('response', (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk) => {
            text += chunk;
            if (response.statusCode === 202 && text.includes('\n'))
              resolve(JSON.parse(text.split('\n')[0]!) as ImportJob);
          });
          response.on('end', () => reject(new Error(`POST /imports: ${response.statusCode} ${text}`)));
        });
        body.pipe(request);
      });
    }

    const peakRssByPhase: Record<string, number> = {};
    async function upload(object: string, body: Readable, name: string): Promise<ImportJob> {
      let job = await post(object, body, name);
      while (!job.done) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        peakRssByPhase[job.status] = Math.max(peakRssByPhase[job.status] ?? 0, process.memoryUsage().rss);
        job = (await (await fetch(`${server.baseUrl}/imports/${job.id}`, { headers })).json()) as ImportJob;
      }
      if (job.status !== 'completed')
        throw new Error(`import ${job.status}: ${job.error ?? JSON.stringify(job.errors.sample)}`);
      return job;
    }

    await upload('users', Readable.from([usersFile()]), 'users.csv');
    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    const sampler = sampleRss();
    const started = performance.now();
    const job = await upload('accounts', createReadStream(file, { highWaterMark: 1 << 20 }), 'accounts.csv');
    const importSeconds = (performance.now() - started) / 1000;
    const peakRss = sampler.stop();

    const client = await server.database.pool.connect();
    let copySeconds: number;
    try {
      await client.query('DROP TABLE IF EXISTS bench_raw_copy');
      await client.query(
        `CREATE TABLE bench_raw_copy (${ACCOUNT_HEADERS.map((header) => `"${header}" text`).join(', ')})`,
      );
      const copyStarted = performance.now();
      await pipeline(
        createReadStream(file, { highWaterMark: 1 << 20 }),
        client.query(copyFrom('COPY bench_raw_copy FROM STDIN (FORMAT csv, HEADER true)')),
      );
      copySeconds = (performance.now() - copyStarted) / 1000;
      const copied = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_raw_copy'))
        .rows[0]!.n;
      if (copied !== rows) throw new Error(`COPY loaded ${copied} rows, expected ${rows}`);
      await client.query('DROP TABLE bench_raw_copy');
    } finally {
      client.release();
    }
    return {
      rows,
      fileBytes,
      generateSeconds,
      importSeconds,
      copySeconds,
      phases: job.phases,
      accountsAssessed: job.accountsAssessed,
      peakRss,
      baselineRss,
      peakRssByPhase,
    };
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
