import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { BENCH_TOKEN, type BenchServer } from './bench-server.ts';
import type { CannonResult, LoadRequest, PairsResult } from './load-client.ts';
import { sampleRss } from './measure.ts';

const loadClient = fileURLToPath(new URL('./load-client.ts', import.meta.url));
const auth = { authorization: `Bearer ${BENCH_TOKEN}` };

/** Runs the load generator in its own process and returns what it printed. */
async function runLoad<T>(request: LoadRequest): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-load-'));
  const file = path.join(dir, 'request.json');
  try {
    await fs.writeFile(file, JSON.stringify(request));
    const output = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', loadClient, file],
        { maxBuffer: 1 << 20, timeout: 15 * 60_000 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`load client failed: ${error.message}\n${stderr}`)) : resolve(stdout),
      );
    });
    return JSON.parse(output.trim().split('\n').at(-1)!) as T;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** TAMs with current accounts, and one current account of each (for the write pairs). */
async function tamBooks(server: BenchServer, now: Date) {
  const result = await server.database.pool.query<{ user_id: string; account_id: string }>(
    `SELECT DISTINCT ON (user_id) user_id, account_id FROM team_assignments
     WHERE role = 'tam' AND starts_at <= $1 AND (ends_at IS NULL OR ends_at > $1)
     ORDER BY user_id, account_id`,
    [now.toISOString()],
  );
  if (result.rows.length === 0) throw new Error('the book has no TAM with accounts');
  return result.rows.map((row) => ({ owner: row.user_id, accountId: row.account_id }));
}

/**
 * The portfolio's limit: a bare Fastify route in this process running the portfolio's one query
 * (the join of account_assessments with accounts for the TAM's current accounts, as
 * portfolio.read-model.ts `tamAccountIds` + `joined`) and returning the rows as JSON.
 */
async function startBareRoute(server: BenchServer) {
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: { owner: string } }>('/portfolio', async (request) => {
    const now = new Date().toISOString();
    const result = await server.database.pool.query(
      `SELECT s.*, a.name, a.segment, a.region, a.arr::float8 AS arr, a.renewal_date
       FROM account_assessments s JOIN accounts a ON a.id = s.account_id
       WHERE s.account_id IN (SELECT account_id FROM team_assignments
         WHERE user_id = $1 AND role = 'tam' AND starts_at <= $2 AND (ends_at IS NULL OR ends_at > $2))`,
      [request.query.owner, now],
    );
    return result.rows;
  });
  const address = await bare.listen({ port: 0, host: '127.0.0.1' });
  return { origin: address, close: () => bare.close() };
}

export interface PortfolioFigure {
  owners: number;
  connections: number;
  duration: number;
  liaison: CannonResult;
  baseline: CannonResult;
  peakRss: number;
}

export async function runPortfolioFigure(
  server: BenchServer,
  options: { now: Date; connections: number; duration: number },
): Promise<PortfolioFigure> {
  const owners = (await tamBooks(server, options.now)).map((book) => book.owner);
  const origin = new URL(server.baseUrl).origin;
  const bare = await startBareRoute(server);
  const cannon = (target: string, paths: string[], duration: number) =>
    runLoad<CannonResult>({
      mode: 'cannon',
      origin: target,
      paths,
      headers: auth,
      connections: options.connections,
      duration,
    });
  try {
    const liaisonPaths = owners.map((owner) => `/api/v1/portfolio?owner=${owner}`);
    const barePaths = owners.map((owner) => `/portfolio?owner=${owner}`);
    // A short warm-up of each, then the measured runs.
    await cannon(origin, liaisonPaths, 2);
    const sampler = sampleRss();
    const liaison = await cannon(origin, liaisonPaths, options.duration);
    const peakRss = sampler.stop();
    await cannon(bare.origin, barePaths, 2);
    const baseline = await cannon(bare.origin, barePaths, options.duration);
    return {
      owners: owners.length,
      connections: options.connections,
      duration: options.duration,
      liaison,
      baseline,
      peakRss,
    };
  } finally {
    await bare.close();
  }
}

export interface WriteFigure extends PairsResult {
  peakRss: number;
}

/** POST an activity on a TAM's account, then GET that TAM's worklist; `count` pairs in sequence. */
export async function runWriteFigure(
  server: BenchServer,
  options: { now: Date; count: number },
): Promise<WriteFigure> {
  const pairs = await tamBooks(server, options.now);
  const sampler = sampleRss();
  const result = await runLoad<PairsResult>({
    mode: 'pairs',
    baseUrl: server.baseUrl,
    pairs,
    headers: auth,
    count: options.count,
  });
  return { ...result, peakRss: sampler.stop() };
}
