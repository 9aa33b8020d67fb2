import { createReadStream, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportJob } from '@liaison/contracts';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { BENCH_TOKEN, type BenchPostgres } from './bench-server.ts';
import { peakRssOf, rssOf } from './measure.ts';
import { ACCOUNT_HEADERS, usersFile, writeAccountsFile } from './salesforce-accounts-file.ts';
import { freePort, spawnServe } from './serve-process.ts';

export interface ImportFigure {
  rows: number;
  fileBytes: number;
  generateSeconds: number;
  importSeconds: number;
  copySeconds: number;
  /** Seconds per import phase, as the job reports them. */
  phases: Record<string, number>;
  accountsAssessed: number;
  /**
   * Memory of the server process (`liaison serve`, run as users run it, on its default bounded
   * heap): resident before the account import, its peak (VmHWM) at the end, and the highest
   * resident size sampled during each phase. `launcherPeakRss`: the launcher standing by.
   */
  baselineRss: number | null;
  peakRss: number | null;
  peakRssByPhase: Record<string, number>;
  launcherPeakRss: number | null;
  /** The server's heap limit (MB), as the launcher set it. */
  heapLimitMb: number | null;
}

/**
 * The CSV import figure, on its own fresh database: generates a deterministic Salesforce-style
 * account file of `rows` rows, starts `liaison serve` on the database as a separate process,
 * imports the file through the HTTP API as the CLI does (streamed upload, job polled), then COPYs
 * the same file into a plain table of text columns on the same database.
 */
export async function runImportFigure(postgres: BenchPostgres, rows: number): Promise<ImportFigure> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-import-bench-'));
  const url = await postgres.createDatabase('import');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    PORT: String(port),
    HOST: '127.0.0.1',
    LIAISON_BOOTSTRAP_TOKEN: BENCH_TOKEN,
    LOG_LEVEL: 'warn',
  };
  const served = spawnServe([], env);
  const baseUrl = `http://127.0.0.1:${port}/api/v1`;
  const headers = { authorization: `Bearer ${BENCH_TOKEN}` };
  try {
    const file = path.join(dir, 'accounts.csv');
    const generated = performance.now();
    const fileBytes = await writeAccountsFile(file, rows);
    const generateSeconds = (performance.now() - generated) / 1000;
    await served.waitForOk(`http://127.0.0.1:${port}/healthz`, 120, 100);
    const server = served.serverPid();

    // node:http, as the CLI: the job comes as the first line of the 202 while the file is still
    // going up; the answer ends when the server has read the whole file.
    function post(object: string, body: Readable, name: string): Promise<ImportJob> {
      return new Promise((resolve, reject) => {
        const request = http.request(`${baseUrl}/imports?object=${object}&fileName=${name}`, {
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
        const rss = rssOf(server);
        if (rss !== null) peakRssByPhase[job.status] = Math.max(peakRssByPhase[job.status] ?? 0, rss);
        job = (await (await fetch(`${baseUrl}/imports/${job.id}`, { headers })).json()) as ImportJob;
      }
      if (job.status !== 'completed')
        throw new Error(`import ${job.status}: ${job.error ?? JSON.stringify(job.errors.sample)}`);
      return job;
    }

    await upload('users', Readable.from([usersFile()]), 'users.csv');
    const baselineRss = rssOf(server);
    const started = performance.now();
    const job = await upload('accounts', createReadStream(file, { highWaterMark: 1 << 20 }), 'accounts.csv');
    const importSeconds = (performance.now() - started) / 1000;
    const peakRss = peakRssOf(server);
    const launcherPeakRss = server === served.launcher.pid ? null : peakRssOf(served.launcher.pid!);
    const heapFlag = /--max-old-space-size=(\d+)/.exec(readFileSync(`/proc/${server}/cmdline`, 'utf8'));
    await served.stop();

    const client = new pg.Client({ connectionString: url, application_name: 'liaison-bench-copy' });
    await client.connect();
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
      await client.end();
    }
    return {
      rows,
      fileBytes,
      generateSeconds,
      importSeconds,
      copySeconds,
      phases: job.phases,
      accountsAssessed: job.accountsAssessed,
      baselineRss,
      peakRss,
      peakRssByPhase,
      launcherPeakRss,
      heapLimitMb: heapFlag ? Number(heapFlag[1]) : null,
    };
  } finally {
    await served.stop().catch(() => {});
    await postgres.dropDatabase('import').catch(() => {});
    await fs.rm(dir, { recursive: true, force: true });
  }
}
