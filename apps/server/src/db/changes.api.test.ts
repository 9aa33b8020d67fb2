import { describe, expect, it } from 'vitest';
import { factories } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

// A write that changes nothing changes nothing: same version, same updatedAt, no history entry
// (changes.ts, used by every versioned store's update). A real change still counts once.

const app = await createTestApp();
const f = factories(app);
const { admin } = f;

const historyOf = async (entityId: string) =>
  (
    await app.database.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM history WHERE entity_id = $1',
      [entityId],
    )
  ).rows[0]!.n;

/** Sends `write` twice: the first time it may change something, the second it must not. */
async function expectIdempotent(
  entityId: string,
  write: () => Promise<{ status: number; body: any }>,
  read: () => Promise<{ version: number; updatedAt: string }>,
) {
  const first = await write();
  expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
  const [before, entries] = [await read(), await historyOf(entityId)];
  app.setNow(new Date(Date.parse(before.updatedAt) + 60_000));
  const again = await write();
  expect(again.status, JSON.stringify(again.body)).toBeLessThan(300);
  const after = await read();
  expect(after.version).toBe(before.version);
  expect(after.updatedAt).toBe(before.updatedAt);
  expect(await historyOf(entityId)).toBe(entries);
}

describe('a write that changes nothing', () => {
  it('leaves an account as it is, whatever form the same values come in', async () => {
    const account = await f.buildAccount({ arr: 1200, renewalDate: '2026-09-30' });
    const read = async () => (await admin.get(`/api/v1/accounts/${account.id}`)).body;
    const same = {
      name: account.name,
      arr: 1200.0,
      renewalDate: '2026-09-30',
      onboardingStartedAt: '2026-01-01T01:00:00+01:00',
    };
    await expectIdempotent(
      account.id,
      async () => admin.patch(`/api/v1/accounts/${account.id}`, { ...same, version: (await read()).version }),
      read,
    );
    const stored = await read();
    expect(stored.onboardingStartedAt).toBe('2026-01-01T00:00:00.000Z');
    // A body with nothing but the version is no change either.
    const bare = await admin.patch(`/api/v1/accounts/${account.id}`, { version: stored.version });
    expect(bare.body.version).toBe(stored.version);
  });

  it('leaves records an account owns, its profiles and its team as they are', async () => {
    const account = await f.buildAccount();
    const contact = await f.buildContact(account, { name: 'Ada', email: 'ada@example.com' });
    const readContact = async () =>
      (await admin.get(`/api/v1/accounts/${account.id}/contacts`)).body.items.find(
        (item: { id: string }) => item.id === contact.id,
      );
    await expectIdempotent(
      contact.id,
      async () =>
        admin.patch(`/api/v1/contacts/${contact.id}`, {
          name: 'Ada',
          version: (await readContact()).version,
        }),
      readContact,
    );

    const readBusiness = async () => (await admin.get(`/api/v1/accounts/${account.id}`)).body.businessProfile;
    await expectIdempotent(
      account.id,
      async () =>
        admin.patch(`/api/v1/accounts/${account.id}/business-profile`, {
          objectives: ['Grow'],
          version: (await readBusiness()).version,
        }),
      readBusiness,
    );

    const tam = await f.buildUser({ roles: ['tam'] });
    const assignment = await f.assign(account, tam.user, 'tam', { startsAt: '2026-01-01T00:00:00Z' });
    const readAssignment = async () =>
      (await admin.get(`/api/v1/accounts/${account.id}/team?all=true`)).body.items.find(
        (item: { id: string }) => item.id === assignment.id,
      );
    await expectIdempotent(
      assignment.id,
      async () =>
        admin.patch(`/api/v1/team-assignments/${assignment.id}`, {
          startsAt: '2025-12-31T19:00:00-05:00',
          version: (await readAssignment()).version,
        }),
      readAssignment,
    );
  });

  it('leaves a user and a success plan as they are', async () => {
    const { user } = await f.buildUser({ roles: ['tam'], name: 'Grace' });
    const readUser = async () => (await admin.get(`/api/v1/users/${user.id}`)).body;
    await expectIdempotent(
      user.id,
      async () =>
        admin.patch(`/api/v1/users/${user.id}`, {
          name: 'Grace',
          roles: ['tam'],
          version: (await readUser()).version,
        }),
      readUser,
    );

    const account = await f.buildAccount();
    await f.buildSuccessPlan(account);
    const readPlan = async () => (await admin.get(`/api/v1/accounts/${account.id}/success-plan`)).body;
    // The plan's history entries carry the account's id.
    await expectIdempotent(
      account.id,
      async () =>
        admin.put(`/api/v1/accounts/${account.id}/success-plan`, {
          status: 'active',
          version: (await readPlan()).version,
        }),
      readPlan,
    );
  });
});

describe('a write that changes something', () => {
  it('still bumps the version once and records one history entry', async () => {
    const account = await f.buildAccount({ name: 'Before' });
    const entries = await historyOf(account.id);
    const changed = await admin.patch(`/api/v1/accounts/${account.id}`, {
      name: 'After',
      version: account.version,
    });
    expect(changed.body.version).toBe(account.version + 1);
    expect(await historyOf(account.id)).toBe(entries + 1);
  });
});
