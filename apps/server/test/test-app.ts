import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { type App, type AppOptions, buildApp } from '../src/app.ts';
import { connectDatabase, type DatabaseHandle } from '../src/db/client.ts';
import { databaseUrl } from './database-url.ts';

/** A fresh database for one test file, cloned from the migrated template; dropped afterwards. */
export async function createTestDatabase(): Promise<DatabaseHandle & { url: string }> {
  const adminUrl = inject('adminUrl');
  const template = inject('templateDatabase');
  const name = `liaison_test_${template.split('_').pop()}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      // Two files cloning at the same instant can briefly see each other on the template.
      if (attempt > 20 || !String(error).includes('being accessed')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const url = databaseUrl(adminUrl, name);
  const handle = connectDatabase(url, 5);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const BOOTSTRAP_TOKEN = 'lia_test_bootstrap_token_0123456789';

export interface TestApp extends App {
  database: DatabaseHandle;
  /** Moves the app's clock; every request is judged at this instant. */
  setNow: (instant: Date | string) => void;
  adminToken: string;
}

/**
 * The real application on a real PostgreSQL, with a controllable clock and an admin token.
 * Closed automatically after the file's tests.
 */
export async function createTestApp(
  options: { now?: string } & Pick<
    AppOptions,
    | 'apiRateLimit'
    | 'feedRateLimit'
    | 'signInLimits'
    | 'secureCookies'
    | 'trustProxy'
    | 'mail'
    | 'mailQueue'
    | 'importRetries'
    | 'vendorName'
    | 'supportUrl'
  > = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const { now: start, ...appOptions } = options;
  let now = new Date(start ?? '2026-03-01T09:00:00.000Z');
  const app = await buildApp({
    db: database.db,
    clock: () => now,
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    // Test files drive hundreds of requests a minute with one token; the limit has its own test.
    apiRateLimit: { max: 1_000_000_000, windowSeconds: 60 },
    feedRateLimit: { max: 1_000_000_000, windowSeconds: 60 },
    // A failed run is the import's outcome at once: a retry needs a worker (imports-retry test).
    importRetries: { retryLimit: 0, retryDelaySeconds: 1 },
    ...appOptions,
  });
  await app.services.auth.ensureBootstrapToken(BOOTSTRAP_TOKEN, now);
  afterAll(async () => {
    await app.http.close();
    await database.close();
  });
  return {
    ...app,
    database,
    adminToken: BOOTSTRAP_TOKEN,
    setNow: (instant) => {
      now = new Date(instant);
    },
  };
}
