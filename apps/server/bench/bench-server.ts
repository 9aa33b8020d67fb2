import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { connectDatabase } from '../src/db/client.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate } from '../src/db/migrate.ts';

export const BENCH_TOKEN = 'lia_benchmark_token_0123456789abcdef';

/**
 * A real Liaison server on 127.0.0.1 for benchmarks: against DATABASE_URL when set (a fresh
 * database is created there), else a throw-away embedded PostgreSQL.
 */
export async function startBenchServer() {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let dataDir: string | undefined;
  let url = process.env.DATABASE_URL;
  let mode = 'external PostgreSQL';
  if (!url) {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'liaison-bench-'));
    await fs.chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: 20_000 + Math.floor(Math.random() * 20_000),
      persistent: false,
    });
    url = embedded.url;
    stopEmbedded = embedded.stop;
    mode = 'embedded PostgreSQL';
  }
  const database = connectDatabase(url, 20);
  const version = (await database.pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!
    .server_version;
  await database.pool.query(
    'DROP TABLE IF EXISTS import_errors, imports, account_assessments, playbooks, priority_exceptions, priority_proposals, emea_parameters, priority_initiatives, support_tickets, success_plan_objectives, success_plans, history, activities, opportunities, team_assignments, contacts, business_profiles, technical_profiles, accounts, api_tokens, sessions, users, liaison_migrations CASCADE',
  );
  await migrate(database.pool);
  const app = await buildApp({ db: database.db, logLevel: 'warn' });
  await app.services.auth.ensureBootstrapToken(BENCH_TOKEN, new Date());
  const address = await app.http.listen({ port: 0, host: '127.0.0.1' });
  return {
    baseUrl: `${address}/api/v1`,
    database,
    services: app.services,
    description: `${mode} ${version}`,
    close: async () => {
      await app.http.close();
      await database.close();
      await stopEmbedded?.();
      if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
