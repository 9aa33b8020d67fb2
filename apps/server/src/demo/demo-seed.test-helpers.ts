import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { createTestDatabase } from '../../test/test-app.ts';
import { type App, buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { type DemoLogin, seedDemo } from './demo-seed.ts';

// Shared by the demo-seed*.api.test.ts files; each seeds its own test database.

export const NOW = new Date('2026-03-01T09:00:00.000Z');
export const DAY_MS = 86_400_000;

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

export interface SeededDemo {
  database: TestDatabase;
  /** The demo logins: empty until the file's `beforeAll` has seeded the database, then filled in. */
  logins: DemoLogin[];
}

/**
 * A fresh test database for this file, seeded with the demo at `NOW` before the file's tests
 * and dropped after them.
 */
export async function seededDemoDatabase(): Promise<SeededDemo> {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  const seeded: SeededDemo = { database, logins: [] };
  beforeAll(async () => {
    const started = performance.now();
    const result = await seedDemo(database, { now: NOW });
    console.log(`demo seed took ${Math.round(performance.now() - started)} ms`);
    expect(result).not.toBeNull();
    seeded.logins.push(...result!.logins);
  });
  return seeded;
}

export const rows = async <T>(db: Database, query: ReturnType<typeof sql>) =>
  (await db.execute(query)).rows as T[];

export async function accountDigest(db: Database): Promise<string> {
  const result = await rows(db, sql`SELECT name, arr FROM accounts ORDER BY name`);
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/** The playbook inputs and the stored assessments, as a digest (determinism). */
export async function inputsDigest(db: Database): Promise<string> {
  const result = await Promise.all([
    rows(db, sql`SELECT account_id, status, strategy FROM success_plans ORDER BY account_id`),
    rows(db, sql`SELECT id, title, status, due_date FROM success_plan_objectives ORDER BY id`),
    rows(db, sql`SELECT id, opened_at, closed_at, severity FROM support_tickets ORDER BY id`),
    rows(db, sql`SELECT id, kind, starts_on, ends_on, hours_per_week FROM priority_initiatives ORDER BY id`),
    rows(db, sql`SELECT id, parameter, starts_on, ends_on FROM emea_parameters ORDER BY id`),
    rows(db, sql`SELECT account_id, priority, proposed_at, approved_at FROM priority_proposals ORDER BY 1`),
    rows(db, sql`SELECT id, kind, status, approved_by_role FROM priority_exceptions ORDER BY id`),
    rows(db, sql`SELECT id, purposes, occurred_at FROM activities ORDER BY id`),
    rows(
      db,
      sql`SELECT account_id, priority, health_colour, next_due_date FROM account_assessments ORDER BY 1`,
    ),
  ]);
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/** The newest history snapshot of every entity of a type. */
export async function latestSnapshots(db: Database, entityType: string): Promise<Map<string, unknown>> {
  const latest = await rows<{ entity_id: string; snapshot: unknown }>(
    db,
    sql`SELECT DISTINCT ON (entity_id) entity_id, snapshot FROM history
        WHERE entity_type = ${entityType} ORDER BY entity_id, occurred_at DESC, id DESC`,
  );
  return new Map(latest.map((row) => [row.entity_id, row.snapshot]));
}

/**
 * The app on the seeded demo database, with an admin's session cookie: call inside a `describe`
 * (it registers the `beforeAll` that signs in and the `afterAll` that closes the app).
 */
export function demoAdminSession(seeded: SeededDemo): { app: () => App; cookie: () => string } {
  let app: App | undefined;
  let cookie = '';
  beforeAll(async () => {
    app = await buildApp({ db: seeded.database.db, clock: () => NOW, logLevel: 'silent' });
    const admin = seeded.logins.find((login) => login.roles.includes('admin'))!;
    const login = await httpClient(app.http).post('/api/v1/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(() => app?.http.close());
  return { app: () => app!, cookie: () => cookie };
}
