import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { connectDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { freePort } from './serve-process.ts';

export const BENCH_TOKEN = 'lia_benchmark_token_0123456789abcdef';

/** The PostgreSQL the benchmarks run on, and fresh databases on it. */
export interface BenchPostgres {
  /** `embedded PostgreSQL 18.4` or `external PostgreSQL 15.x`. */
  description: string;
  version: string;
  /** Creates (after dropping any leftover) a database for one figure; resolves to its URL. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  close(): Promise<void>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * PostgreSQL for a benchmark run: DATABASE_URL's server when set (each figure gets a fresh
 * database created there and dropped afterwards; the database in the URL itself is not touched),
 * else a throw-away embedded PostgreSQL.
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let mode = 'external PostgreSQL';
  if (!adminUrl) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-bench-'));
    await fs.chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freePort(),
      persistent: false,
    });
    adminUrl = embedded.url;
    stopEmbedded = embedded.stop;
    mode = 'embedded PostgreSQL';
  }
  const admin = new pg.Client({ connectionString: adminUrl, application_name: 'liaison-bench' });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!
    .server_version;
  // Per process: two runs against one server do not drop each other's databases.
  const databaseName = (name: string) => `liaison_bench_${process.pid}_${name}`;
  const created = new Set<string>();
  const dropDatabase = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(name))} WITH (FORCE)`);
    created.delete(name);
  };
  return {
    description: `${mode} ${version}`,
    version,
    async createDatabase(name) {
      await dropDatabase(name);
      await admin.query(`CREATE DATABASE ${quoteIdent(databaseName(name))}`);
      created.add(name);
      const url = new URL(adminUrl);
      url.pathname = `/${databaseName(name)}`;
      return url.toString();
    },
    dropDatabase,
    async close() {
      for (const name of [...created]) await dropDatabase(name).catch(() => {});
      await admin.end().catch(() => {});
      await stopEmbedded?.();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchServer {
  /** `http://127.0.0.1:<port>/api/v1` */
  baseUrl: string;
  database: DatabaseHandle;
  services: Awaited<ReturnType<typeof buildApp>>['services'];
  close(): Promise<void>;
}

/**
 * A migrated, empty database `name` on `postgres`; `prepare` may fill it before the server
 * starts (the book generator does). Then a real Liaison server on 127.0.0.1 with the bench token.
 */
export async function startBenchServer(
  postgres: BenchPostgres,
  name: string,
  prepare?: (database: DatabaseHandle) => Promise<void>,
): Promise<BenchServer> {
  const url = await postgres.createDatabase(name);
  const database = connectDatabase(url, 20);
  try {
    await migrate(database.pool);
    await prepare?.(database);
    // The figures measure the server, not the per-token rate limit (docs/security.md).
    const app = await buildApp({
      db: database.db,
      logLevel: 'warn',
      apiRateLimit: { max: 1_000_000_000, windowSeconds: 60 },
    });
    await app.services.auth.ensureBootstrapToken(BENCH_TOKEN, new Date());
    const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
    return {
      baseUrl: `${address}/api/v1`,
      database,
      services: app.services,
      close: async () => {
        await app.http.close();
        await database.close();
        await postgres.dropDatabase(name);
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
    await postgres.dropDatabase(name).catch(() => {});
    throw error;
  }
}
