import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportJob } from '@liaison/contracts';
import { from as copyFrom } from 'pg-copy-streams';
import { BENCH_TOKEN, startBenchServer } from './bench-server.ts';
import { ACCOUNT_HEADERS, usersFile, writeAccountsFile } from './salesforce-accounts-file.ts';

/**
 * `npm run bench -- --import-rows N`: generates a deterministic Salesforce-style account file of
 * N rows, imports it through the HTTP API as the CLI does (streamed upload, job polled), then
 * COPYs the same file into a plain table of text columns on the same database, and prints both
 * rates, their ratio and the process's peak resident memory during the import.
 */
export async function runImportBench(rows: number): Promise<void> {
  const server = await startBenchServer();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-import-bench-'));
  const headers = { authorization: `Bearer ${BENCH_TOKEN}` };
  try {
    const file = path.join(dir, 'accounts.csv');
    const generated = performance.now();
    const size = await writeAccountsFile(file, rows);
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
          // The job is the first line of the answer; the answer ends once the file is up.
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

    const peakByPhase: Record<string, number> = {};
    async function upload(object: string, body: Readable, name: string): Promise<ImportJob> {
      let job = await post(object, body, name);
      while (!job.done) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        peakByPhase[job.status] = Math.max(peakByPhase[job.status] ?? 0, process.memoryUsage().rss);
        job = (await (await fetch(`${server.baseUrl}/imports/${job.id}`, { headers })).json()) as ImportJob;
      }
      if (job.status !== 'completed')
        throw new Error(`import ${job.status}: ${job.error ?? JSON.stringify(job.errors.sample)}`);
      return job;
    }

    await upload('users', Readable.from([usersFile()]), 'users.csv');
    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    let peakRss = baselineRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const job = await upload('accounts', createReadStream(file, { highWaterMark: 1 << 20 }), 'accounts.csv');
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);

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

    const importRate = rows / importSeconds;
    const copyRate = rows / copySeconds;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `\nLiaison import benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, ${server.description}`,
    );
    console.log(
      `file: ${rows.toLocaleString('en-US')} Salesforce-style accounts, ${mb(size)} (generated in ${generateSeconds.toFixed(1)} s); one account in ten has a parent; every account an owner\n`,
    );
    console.log('| path | rows | seconds | rows/s |');
    console.log('|---|---|---|---|');
    console.log(
      `| import (POST /imports, streamed; validate, stage, write, history, team, assessments; one transaction) | ${rows} | ${importSeconds.toFixed(1)} | ${importRate.toFixed(0)} |`,
    );
    console.log(
      `| raw COPY of the same file into a plain text table | ${rows} | ${copySeconds.toFixed(1)} | ${copyRate.toFixed(0)} |`,
    );
    console.log(`\nratio import / COPY: ${(importRate / copyRate).toFixed(3)} (goal ≥ 0.6)`);
    console.log(
      `import phases (s): ${Object.entries(job.phases)
        .map(([phase, seconds]) => `${phase} ${seconds.toFixed(1)}`)
        .join(', ')}; ${job.accountsAssessed.toLocaleString('en-US')} accounts assessed`,
    );
    console.log(
      `peak RSS of the server process during the import: ${mb(peakRss)} (${mb(baselineRss)} before it: Node, tsx, Fastify, drizzle, the bench client); by phase: ${Object.entries(
        peakByPhase,
      )
        .map(([phase, rss]) => `${phase} ${mb(rss)}`)
        .join(', ')}`,
    );
  } finally {
    await server.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}
