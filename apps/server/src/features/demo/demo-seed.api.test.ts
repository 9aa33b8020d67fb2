import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import { accounts, activities, contacts, opportunities, users } from '../../db/schema.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { presentActivity } from '../activities/activities.presenter.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { historyReadModel } from '../history/history.read-model.ts';
import { presentOpportunity } from '../opportunities/opportunities.presenter.ts';
import { type DemoLogin, seedDemo } from './demo-seed.ts';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const first = await createTestDatabase();
const second = await createTestDatabase();
afterAll(async () => {
  await first.close();
  await second.close();
});

const rows = async <T>(db: Database, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];

async function accountDigest(db: Database): Promise<string> {
  const result = await rows(db, sql`SELECT name, arr FROM accounts ORDER BY name`);
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/** The newest history snapshot of every entity of a type. */
async function latestSnapshots(db: Database, entityType: string): Promise<Map<string, unknown>> {
  const latest = await rows<{ entity_id: string; snapshot: unknown }>(
    db,
    sql`SELECT DISTINCT ON (entity_id) entity_id, snapshot FROM history
        WHERE entity_type = ${entityType} ORDER BY entity_id, occurred_at DESC, id DESC`,
  );
  return new Map(latest.map((row) => [row.entity_id, row.snapshot]));
}

describe('demo seed', () => {
  let logins: DemoLogin[] = [];

  beforeAll(async () => {
    const started = performance.now();
    const result = await seedDemo(first, { now: NOW });
    console.log(`demo seed took ${Math.round(performance.now() - started)} ms`);
    expect(result).not.toBeNull();
    logins = result!.logins;
  });

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

  it('keeps every table row equal to its newest history snapshot, with matching instants', async () => {
    const checks = [
      ['account', (await first.db.select().from(accounts)).map(presentAccountSummary)],
      ['contact', (await first.db.select().from(contacts)).map(presentContact)],
      ['opportunity', (await first.db.select().from(opportunities)).map(presentOpportunity)],
      ['activity', (await first.db.select().from(activities)).map(presentActivity)],
    ] as const;
    for (const [entityType, presented] of checks) {
      const latest = await latestSnapshots(first.db, entityType);
      for (const record of presented) expect(latest.get(record.id)).toEqual(record);
    }
    const tables = {
      accounts: 'account',
      contacts: 'contact',
      opportunities: 'opportunity',
      activities: 'activity',
      team_assignments: 'team_assignment',
    };
    for (const [table, entityType] of Object.entries(tables)) {
      const [mismatch] = await rows<{ n: number }>(
        first.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} AS t JOIN (
              SELECT entity_id, min(occurred_at) AS first, max(occurred_at) AS last, count(*) AS n
              FROM history WHERE entity_type = ${entityType} GROUP BY entity_id) AS h ON h.entity_id = t.id
            WHERE t.created_at <> h.first OR t.updated_at <> h.last OR t.version <> h.n`,
      );
      expect(mismatch!.n, table).toBe(0);
    }
  });

  it('answers as-of: the record before an edit shows the value before it', async () => {
    const [edit] = await rows<{
      entity_id: string;
      occurred_at: string;
      changes: { field: string; before: unknown; after: unknown }[];
    }>(
      first.db,
      sql`SELECT entity_id, occurred_at, changes FROM history
          WHERE entity_type = 'account' AND operation = 'update' AND changes @> '[{"field": "arr"}]'
          ORDER BY occurred_at, id LIMIT 1`,
    );
    const at = new Date(edit!.occurred_at);
    const change = edit!.changes.find((item) => item.field === 'arr')!;
    const before = await historyReadModel.accountAsOf(first.db, edit!.entity_id, new Date(at.getTime() - 1));
    const after = await historyReadModel.accountAsOf(first.db, edit!.entity_id, at);
    expect(before.arr).toBe(change.before);
    expect(after.arr).toBe(change.after);
    expect(before.arr).not.toBe(after.arr);

    // Someone handed over: the TAM then is not the TAM now.
    const [handover] = await rows<{ account_id: string; ends_at: string; user_id: string }>(
      first.db,
      sql`SELECT account_id, ends_at, user_id FROM team_assignments
          WHERE role = 'tam' AND ends_at IS NOT NULL AND ends_at < ${NOW.toISOString()} LIMIT 1`,
    );
    const then = await historyReadModel.accountAsOf(
      first.db,
      handover!.account_id,
      new Date(new Date(handover!.ends_at).getTime() - 86_400_000),
    );
    expect(then.team.find((member) => member.role === 'tam')?.userId).toBe(handover!.user_id);
  });

  it('is deterministic for a fixed now', async () => {
    expect(await seedDemo(second, { now: NOW })).not.toBeNull();
    expect(await accountDigest(second.db)).toBe(await accountDigest(first.db));
    const ids = async (db: Database) => rows(db, sql`SELECT id FROM accounts ORDER BY id`);
    expect(await ids(second.db)).toEqual(await ids(first.db));
  });
});
