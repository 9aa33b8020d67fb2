import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { createTestDatabase } from '../../test/test-app.ts';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { accounts, opportunities, users } from '../db/schema.ts';
import { accountDigest, inputsDigest, NOW, rows, seededDemoDatabase } from './demo-seed.test-helpers.ts';
import { seedDemo } from './demo-seed.ts';

// The demo book: seeded once, its staff and logins, accounts and opportunities, determinism.
// The history and the playbook inputs are checked in demo-seed-history.api.test.ts and
// demo-seed-playbook.api.test.ts.

const { database: first, logins } = await seededDemoDatabase();
const second = await createTestDatabase();
afterAll(async () => {
  await second.close();
});

describe('demo seed', () => {
  it('seeds once: a second run finds the accounts and changes nothing', async () => {
    const [before] = await rows<{ n: number }>(first.db, sql`SELECT count(*)::int AS n FROM history`);
    expect(await seedDemo(first, { now: NOW })).toBeNull();
    const [after] = await rows<{ n: number }>(first.db, sql`SELECT count(*)::int AS n FROM history`);
    expect(after!.n).toBe(before!.n);
  });

  it('has staff across roles and regions, and returns working logins', async () => {
    const staff = await first.db.select().from(users);
    expect(staff.length).toBeGreaterThanOrEqual(12);
    const roles = new Set(staff.flatMap((user) => user.roles));
    for (const role of ['admin', 'tam_manager', 'tam', 'sal', 'ae', 'sa', 'pse', 'sdr', 'viewer']) {
      expect(roles).toContain(role);
    }
    expect(staff.filter((user) => user.roles.includes('tam')).length).toBeGreaterThanOrEqual(5);
    expect(new Set(staff.filter((user) => user.roles.includes('tam')).map((user) => user.region))).toEqual(
      new Set(['noram', 'emea', 'apac', 'latam']),
    );
    const loginRoles = logins.flatMap((login) => login.roles);
    for (const role of ['admin', 'tam_manager', 'tam', 'sal', 'viewer']) expect(loginRoles).toContain(role);
    expect(loginRoles.filter((role) => role === 'tam').length).toBeGreaterThanOrEqual(2);

    const app = await buildApp({ db: first.db, clock: () => NOW, logLevel: 'silent' });
    try {
      const tam = logins.find((login) => login.roles.includes('tam'))!;
      const login = await httpClient(app.http).post('/api/v1/auth/login', {
        email: tam.email,
        password: tam.password,
      });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const client = httpClient(app.http);
      const list = await client.get('/api/v1/accounts?limit=5', { cookie });
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(5);
      // Every resource of a sample of accounts passes the API's response schemas, as-of included.
      const midYear = new Date(NOW.getTime() - 180 * 86_400_000).toISOString();
      const sample = (await first.db.select({ id: accounts.id }).from(accounts)).filter(
        (_, index) => index % 15 === 0,
      );
      for (const { id } of sample) {
        for (const path of [
          '',
          `?asOf=${midYear}`,
          '/history?limit=100',
          `/diff?from=${midYear}&to=${NOW.toISOString()}`,
          '/activities?limit=100',
          '/opportunities',
          '/contacts',
          '/team?all=true',
        ]) {
          const response = await client.get(`/api/v1/accounts/${id}${path}`, { cookie });
          expect([200, 404], `${id}${path}: ${JSON.stringify(response.body).slice(0, 300)}`).toContain(
            response.status,
          );
          if (response.status === 404) expect(path).toMatch(/asOf|diff/);
        }
      }
    } finally {
      await app.http.close();
    }
  });

  it('has a book of 300+ accounts across segments, regions, tiers and stages', async () => {
    const book = await first.db.select().from(accounts);
    expect(book.length).toBeGreaterThanOrEqual(300);
    expect(new Set(book.map((account) => account.segment)).size).toBe(4);
    expect(new Set(book.map((account) => account.region)).size).toBe(4);
    expect(new Set(book.map((account) => account.plan))).toEqual(new Set(['free', 'premium', 'ultimate']));
    expect(new Set(book.map((account) => account.relationshipStage)).size).toBe(4);
    const arrs = book.map((account) => account.arr);
    expect(arrs).toContain(500_000);
    expect(arrs).toContain(100_000);
    expect(arrs.some((arr) => arr > 1_000_000)).toBe(true);
    expect(arrs.some((arr) => arr > 250_000 && arr < 500_000)).toBe(true);
    expect(arrs.some((arr) => arr > 0 && arr < 20_000)).toBe(true);
    expect(
      new Set(book.map((account) => account.parentAccountId).filter(Boolean)).size,
    ).toBeGreaterThanOrEqual(25);
    expect(book.filter((account) => account.atRisk).length).toBeGreaterThan(0);
    const ids = book.map((account) => (account.externalIds as { salesforce: string }).salesforce);
    expect(new Set(ids).size).toBe(book.length);
    for (const id of ids) expect(id).toMatch(/^001[0-9A-Za-z]{15}$/);
  });

  it('has opportunities of every type and stage', async () => {
    const pipeline = await first.db.select().from(opportunities);
    expect(new Set(pipeline.map((item) => item.type))).toEqual(
      new Set(['new_business', 'growth', 'tier_upgrade', 'renewal']),
    );
    expect(new Set(pipeline.map((item) => item.stage)).size).toBe(7);
  });

  it('is deterministic for a fixed now', async () => {
    expect(await seedDemo(second, { now: NOW })).not.toBeNull();
    expect(await accountDigest(second.db)).toBe(await accountDigest(first.db));
    expect(await inputsDigest(second.db)).toBe(await inputsDigest(first.db));
    const ids = async (db: Database) => rows(db, sql`SELECT id FROM accounts ORDER BY id`);
    expect(await ids(second.db)).toEqual(await ids(first.db));
  });
});
