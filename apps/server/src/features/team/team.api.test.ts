import type { StaffRole } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-01-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

const user = async (name: string, roles: StaffRole[]) => (await f.buildUser({ name, roles })).user;

describe('account team over time', () => {
  it('answers "who was the TAM in March" after a handover, and as-of shows the team then', async () => {
    const [ann, bob] = [await user('Ann', ['tam']), await user('Bob', ['tam'])];
    const account = await f.buildAccount({ name: 'Handover Ltd', segment: 'enterprise', region: 'noram' });
    const first = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: ann.id,
      role: 'tam',
      startsAt: '2026-01-15T00:00:00Z',
    });
    expect(first.status).toBe(201);
    app.setNow('2026-04-10T00:00:00.000Z');
    const ended = await admin.patch(`/api/v1/team-assignments/${first.body.id}`, {
      endsAt: '2026-04-01T00:00:00Z',
      version: 1,
    });
    expect(ended.status).toBe(200);
    await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: bob.id,
      role: 'tam',
      startsAt: '2026-04-01T00:00:00Z',
    });

    const march = await admin.get(`/api/v1/accounts/${account.id}/team?at=2026-03-15T00:00:00Z`);
    expect(march.body.items.map((a: { userName: string }) => a.userName)).toEqual(['Ann']);
    const now = await admin.get(`/api/v1/accounts/${account.id}/team`);
    expect(now.body.items.map((a: { userName: string }) => a.userName)).toEqual(['Bob']);
    const all = await admin.get(`/api/v1/accounts/${account.id}/team?all=true`);
    expect(all.body.items).toHaveLength(2);

    // As-of rebuilds the team from the history, as it was recorded at that instant.
    const asOf = await admin.get(`/api/v1/accounts/${account.id}?asOf=2026-03-15T00:00:00Z`);
    expect(asOf.body.team.map((a: { userName: string }) => a.userName)).toEqual(['Ann']);
  });

  it('refuses a period that ends before it starts and an unknown user, changing nothing', async () => {
    const account = await f.buildAccount({ name: 'Bad Team Inc', segment: 'smb', region: 'emea' });
    const ann = await user('Carla', ['tam']);
    const backwards = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: ann.id,
      role: 'tam',
      startsAt: '2026-05-01T00:00:00Z',
      endsAt: '2026-04-01T00:00:00Z',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('body.endsAt');
    const unknown = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: '00000000-0000-4000-8000-000000000000',
      role: 'tam',
    });
    expect(unknown.status).toBe(422);
    expect((await admin.get(`/api/v1/accounts/${account.id}/team?all=true`)).body.items).toEqual([]);
  });
});

describe('a handover in one write', () => {
  it('ends the replaced assignment exactly when the new one starts, both in the history', async () => {
    app.setNow('2026-05-01T00:00:00.000Z');
    const [dora, eli] = [await user('Dora', ['tam']), await user('Eli', ['tam'])];
    const account = await f.buildAccount({
      name: 'One Write Handover',
      segment: 'enterprise',
      region: 'emea',
    });
    const old = await f.assign(account, dora, 'tam', { startsAt: '2026-02-01T00:00:00Z' });
    const handover = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: eli.id,
      role: 'tam',
      startsAt: '2026-05-01T00:00:00Z',
      replaces: [old.id],
    });
    expect(handover.status).toBe(201);
    const all = (await admin.get(`/api/v1/accounts/${account.id}/team?all=true`)).body.items as {
      userName: string;
      startsAt: string;
      endsAt: string | null;
      version: number;
    }[];
    expect(all.find((assignment) => assignment.userName === 'Dora')).toMatchObject({
      endsAt: '2026-05-01T00:00:00.000Z',
      version: 2,
    });
    expect(all.find((assignment) => assignment.userName === 'Eli')).toMatchObject({ endsAt: null });
    const history = (await admin.get(`/api/v1/accounts/${account.id}/history`)).body.items as {
      entityType: string;
      occurredAt: string;
    }[];
    const teamEntries = history.filter((entry) => entry.entityType === 'team_assignment');
    // Dora's start, then the handover's two entries, written together.
    expect(teamEntries).toHaveLength(3);
  });

  it('refuses to replace what is not running then, or not on this account, and writes nothing', async () => {
    app.setNow('2026-06-01T00:00:00.000Z');
    const [fay, gus] = [await user('Fay', ['tam']), await user('Gus', ['tam'])];
    const [mine, other] = [
      await f.buildAccount({ name: 'Replace Mine', segment: 'smb', region: 'noram' }),
      await f.buildAccount({ name: 'Replace Other', segment: 'smb', region: 'noram' }),
    ];
    const current = await f.assign(mine, fay, 'tam', { startsAt: '2026-03-01T00:00:00Z' });
    const elsewhere = await f.assign(other, fay, 'tam', { startsAt: '2026-03-01T00:00:00Z' });

    const foreign = await admin.post(`/api/v1/accounts/${mine.id}/team`, {
      userId: gus.id,
      role: 'tam',
      replaces: [current.id, elsewhere.id],
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toEqual([
      { path: 'body.replaces.1', message: 'must be an assignment of this account' },
    ]);
    const tooEarly = await admin.post(`/api/v1/accounts/${mine.id}/team`, {
      userId: gus.id,
      role: 'tam',
      startsAt: '2026-02-01T00:00:00Z',
      replaces: [current.id],
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.details).toEqual([
      { path: 'body.replaces.0', message: 'must be running at startsAt' },
    ]);

    const team = (await admin.get(`/api/v1/accounts/${mine.id}/team?all=true`)).body.items;
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({ userName: 'Fay', endsAt: null, version: 1 });
  });
});

describe('one person, one role, one period at a time', () => {
  it('refuses a second overlapping assignment of the same person in the same role, and an edit that makes one', async () => {
    app.setNow('2026-07-01T00:00:00.000Z');
    const hal = await user('Hal', ['tam', 'sa']);
    const account = await f.buildAccount({ name: 'No Double Count', segment: 'smb', region: 'apac' });
    const first = await f.assign(account, hal, 'tam', {
      startsAt: '2026-03-01T00:00:00Z',
      endsAt: '2026-05-01T00:00:00Z',
    });
    const twice = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: hal.id,
      role: 'tam',
      startsAt: '2026-04-01T00:00:00Z',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('ALREADY_EXISTS');
    expect(twice.body.error.details[0].path).toBe('body.startsAt');

    // Back to back is not an overlap; another role is another seat.
    const later = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: hal.id,
      role: 'tam',
      startsAt: '2026-05-01T00:00:00Z',
    });
    expect(later.status).toBe(201);
    const asSa = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: hal.id,
      role: 'sa',
      startsAt: '2026-04-01T00:00:00Z',
    });
    expect(asSa.status).toBe(201);

    const stretched = await admin.patch(`/api/v1/team-assignments/${first.id}`, {
      endsAt: '2026-06-01T00:00:00Z',
      version: first.version,
    });
    expect(stretched.status).toBe(409);
    const team = (await admin.get(`/api/v1/accounts/${account.id}/team?all=true`)).body.items;
    expect(team).toHaveLength(3);
  });
});
