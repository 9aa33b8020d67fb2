import type { TeamAssignment } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { connectDatabase } from '../src/db/client.ts';
import { factories } from './factories.ts';
import { httpClient, type TestResponse } from './http-client.ts';
import { BOOTSTRAP_TOKEN, createTestDatabase, type TestApp } from './test-app.ts';

// Requests that race for one thing end with exactly one winner; the others get 409 (or 404 for
// what the winner deleted), never a duplicate, never a 500 (docs/security.md, "Concurrency").
// The requests go in parallel through `inject`, each on its own pooled connection: the pool is
// as large as a round, so the transactions really run at the same time.

const ROUNDS = 5;
const PARALLEL = 20;

async function createRaceApp(): Promise<TestApp> {
  const cloned = await createTestDatabase();
  const database = connectDatabase(cloned.url, PARALLEL + 5);
  let now = new Date('2026-03-01T09:00:00.000Z');
  const app = await buildApp({ db: database.db, clock: () => now, logLevel: 'silent' });
  await app.services.auth.ensureBootstrapToken(BOOTSTRAP_TOKEN, now);
  afterAll(async () => {
    await app.http.close();
    await database.close();
    await cloned.close();
  });
  return { ...app, database, adminToken: BOOTSTRAP_TOKEN, setNow: (instant) => (now = new Date(instant)) };
}

const app = await createRaceApp();
const f = factories(app);
const admin = httpClient(app.http, app.adminToken);

/** The statuses of a round, counted: `{ 200: 1, 409: 49 }`. */
function tally(responses: TestResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const response of responses) counts[response.status] = (counts[response.status] ?? 0) + 1;
  return counts;
}

describe('one account edited by many at once (the model)', () => {
  it('50 PATCHes of the version everyone read: one applies, 49 get 409', async () => {
    const account = await f.buildAccount({ name: 'Contended' });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        admin.patch(`/api/v1/accounts/${account.id}`, { arr: 1000 + index, version: account.version }),
      ),
    );
    expect(tally(responses)).toEqual({ 200: 1, 409: 49 });
    const after = (await admin.get(`/api/v1/accounts/${account.id}`)).body;
    expect(after.version).toBe(account.version + 1);
  });
});

describe('a TAM handed over by many at once', () => {
  it(`${PARALLEL} handovers of one assignment: one is made, the rest get 409, one TAM holds the seat (${ROUNDS} rounds)`, async () => {
    const candidates = await Promise.all(
      Array.from({ length: PARALLEL }, (_, index) => f.buildUser({ roles: ['tam'], name: `Taker ${index}` })),
    );
    const outgoing = await f.buildUser({ roles: ['tam'], name: 'Outgoing' });
    for (let round = 0; round < ROUNDS; round++) {
      const account = await f.buildAccount({ name: `Handover ${round}` });
      const seat = await f.assign(account, outgoing.user, 'tam', { startsAt: '2026-01-01T00:00:00Z' });
      // Each handover at its own instant in February: a late one must not slip in before the winner's.
      const responses = await Promise.all(
        candidates.map((candidate, index) =>
          admin.post(`/api/v1/accounts/${account.id}/team`, {
            userId: candidate.user.id,
            role: 'tam',
            startsAt: new Date(Date.UTC(2026, 1, 1 + ((index * 7) % PARALLEL))).toISOString(),
            replaces: [seat.id],
          }),
        ),
      );
      expect(tally(responses)).toEqual({ 201: 1, 409: PARALLEL - 1 });
      for (const lost of responses.filter((response) => response.status === 409))
        expect(lost.body.error).toMatchObject({
          code: 'VERSION_CONFLICT',
          details: [{ path: 'body.replaces.0', message: 'was already handed over' }],
        });

      const winner = responses.find((response) => response.status === 201)!.body as TeamAssignment;
      const all = (await admin.get(`/api/v1/accounts/${account.id}/team?all=true`)).body
        .items as TeamAssignment[];
      expect(all.map((assignment) => [assignment.userName, assignment.endsAt]).sort()).toEqual(
        [
          ['Outgoing', winner.startsAt],
          [winner.userName, null],
        ].sort(),
      );
      const current = (await admin.get(`/api/v1/accounts/${account.id}/team?at=2026-02-28T00:00:00Z`)).body
        .items as TeamAssignment[];
      expect(current.filter((assignment) => assignment.role === 'tam')).toHaveLength(1);
    }
  });
});

describe('an account deleted while its records are edited', () => {
  it(`the delete and every edit finish: each edit applied before the delete or 404 after it, no deadlock (${ROUNDS} rounds)`, async () => {
    const tam = await f.buildUser({ roles: ['tam'] });
    for (let round = 0; round < ROUNDS; round++) {
      const account = await f.buildAccount({ name: `Doomed ${round}`, team: { tam: tam.user } });
      const contacts = await Promise.all(Array.from({ length: 5 }, () => f.buildContact(account)));
      const opportunities = await Promise.all(Array.from({ length: 5 }, () => f.buildOpportunity(account)));
      const seat = (await admin.get(`/api/v1/accounts/${account.id}/team`)).body.items[0] as TeamAssignment;
      const edits = [
        ...contacts.map((contact) =>
          admin.patch(`/api/v1/contacts/${contact.id}`, { title: 'CTO', version: contact.version }),
        ),
        ...opportunities.map((opportunity) =>
          admin.patch(`/api/v1/opportunities/${opportunity.id}`, {
            amount: 5000,
            version: opportunity.version,
          }),
        ),
        admin.patch(`/api/v1/team-assignments/${seat.id}`, {
          endsAt: '2026-12-31T00:00:00Z',
          version: seat.version,
        }),
      ];
      // The delete goes out amid the edits, so some take their locks before it and some after.
      const half = Math.floor(edits.length / 2);
      const [before, deleted, after] = await Promise.all([
        Promise.all(edits.slice(0, half)),
        admin.delete(`/api/v1/accounts/${account.id}?version=${account.version}`),
        Promise.all(edits.slice(half)),
      ]);
      expect(deleted.status).toBe(204);
      const answered = tally([...before, ...after]);
      expect(
        Object.keys(answered).every((status) => status === '200' || status === '404'),
        JSON.stringify(answered),
      ).toBe(true);
      expect((await admin.get(`/api/v1/accounts/${account.id}`)).status).toBe(404);
      const left = await app.database.pool.query(
        `SELECT (SELECT count(*) FROM contacts WHERE account_id = $1)::int
              + (SELECT count(*) FROM opportunities WHERE account_id = $1)::int
              + (SELECT count(*) FROM team_assignments WHERE account_id = $1)::int AS n`,
        [account.id],
      );
      expect(left.rows[0].n).toBe(0);
    }
  });
});

describe('one e-mail address created by many at once', () => {
  it(`${PARALLEL} creates: one user, ${PARALLEL - 1} × 409 ALREADY_EXISTS on the e-mail (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const email = `twin.${round}@example.com`;
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, index) =>
          admin.post('/api/v1/users', { name: `Twin ${index}`, email, roles: ['viewer'] }),
        ),
      );
      expect(tally(responses)).toEqual({ 201: 1, 409: PARALLEL - 1 });
      for (const lost of responses.filter((response) => response.status === 409)) {
        expect(lost.body.error.code).toBe('ALREADY_EXISTS');
        expect(lost.body.error.details).toEqual([{ path: 'body.email', message: 'is already taken' }]);
      }
      const users = (await admin.get('/api/v1/users')).body.items as { email: string }[];
      expect(users.filter((user) => user.email === email)).toHaveLength(1);
    }
  });
});
