import { randomUUID } from 'node:crypto';
import type { AccountAbilities, StaffRole, TeamRole } from '@liaison/contracts';
import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// The account detail carries the caller's abilities on it (`can`), judged with the team current
// at the request's instant and the playbook's exception approver roles. Every flag is checked
// against the write it stands for: granted → not refused (403), withheld → 403. Each probe stops
// right after the policy check (stale version, unknown user, no proposal), so nothing changes.

const app = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);

async function newAccount(name: string) {
  const account = await admin.post('/api/v1/accounts', { name, segment: 'enterprise', region: 'emea' });
  expect(account.status).toBe(201);
  // A requested exception to probe `decideException` with.
  const exception = await admin.post(`/api/v1/accounts/${account.body.id}/priority-exceptions`, {
    kind: 'p1',
    reason: 'Executive escalation',
  });
  expect(exception.status).toBe(201);
  return { id: account.body.id as string, exceptionId: exception.body.id as string };
}

type Account = Awaited<ReturnType<typeof newAccount>>;

async function staff(
  roles: StaffRole[],
  team?: { account: Account; role: TeamRole; startsAt?: string; endsAt?: string },
) {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@example.com`;
  const user = (await admin.post('/api/v1/users', { name: roles.join(' '), email, roles })).body;
  if (team) {
    const assigned = await admin.post(`/api/v1/accounts/${team.account.id}/team`, {
      userId: user.id,
      role: team.role,
      ...(team.startsAt && { startsAt: team.startsAt }),
      ...(team.endsAt && { endsAt: team.endsAt }),
    });
    expect(assigned.status).toBe(201);
  }
  const { token } = await app.services.auth.createToken(user.id, 'test', null, new Date());
  return httpClient(app.http, token);
}

type Client = ReturnType<typeof httpClient>;

/** The account's `can` as served, and what each write actually answers the same caller. */
async function servedAndEnforced(client: Client, account: Account) {
  const url = `/api/v1/accounts/${account.id}`;
  const served = await client.get(url);
  expect(served.status).toBe(200);
  const passes = (status: number) => status !== 403;
  const enforced: AccountAbilities = {
    edit: passes((await client.patch(url, { industry: 'Probe', version: 999 })).status),
    delete: passes((await client.delete(`${url}?version=999`)).status),
    changeTeam: passes((await client.post(`${url}/team`, { userId: randomUUID(), role: 'sa' })).status),
    decideException: passes(
      (
        await client.post(`/api/v1/priority-exceptions/${account.exceptionId}/decision`, {
          decision: 'approve',
          version: 999,
        })
      ).status,
    ),
    approveProposal: passes((await client.post(`${url}/priority-proposal/approve`)).status),
  };
  return { served: served.body.can as AccountAbilities, enforced };
}

async function expectAbilities(client: Client, account: Account, expected: AccountAbilities) {
  const { served, enforced } = await servedAndEnforced(client, account);
  expect(served).toEqual(expected);
  expect(enforced).toEqual(expected);
}

const none: AccountAbilities = {
  edit: false,
  delete: false,
  changeTeam: false,
  decideException: false,
  approveProposal: false,
};
const manager: AccountAbilities = {
  edit: true,
  delete: true,
  changeTeam: true,
  decideException: true,
  approveProposal: true,
};

describe('the abilities of an account', () => {
  it('admins and TAM managers on any account, whether on its team or not', async () => {
    const account = await newAccount('Managed AG');
    // Admins run the installation; deciding exceptions and approving proposals is the managers'.
    await expectAbilities(admin, account, { ...manager, decideException: false, approveProposal: false });
    await expectAbilities(await staff(['tam_manager']), account, manager);
  });

  it('a team member edits; a non-member, and a viewer on the team, only read', async () => {
    const account = await newAccount('Member GmbH');
    await expectAbilities(await staff(['tam'], { account, role: 'tam' }), account, { ...none, edit: true });
    await expectAbilities(await staff(['tam']), account, none);
    await expectAbilities(await staff(['viewer'], { account, role: 'sa' }), account, none);
  });

  it('a SAL or AE decides exceptions on their own team, in that team role', async () => {
    const account = await newAccount('Owner SA');
    const decider = { ...none, edit: true, decideException: true };
    await expectAbilities(await staff(['sal'], { account, role: 'sal' }), account, decider);
    await expectAbilities(await staff(['ae'], { account, role: 'ae' }), account, decider);
    await expectAbilities(await staff(['sal']), account, none);
    // An AE on the team as its solutions architect edits the account, but is not its AE.
    await expectAbilities(await staff(['ae'], { account, role: 'sa' }), account, { ...none, edit: true });
  });

  it('an assignment that starts later does not make a member yet', async () => {
    const account = await newAccount('Future Ltd');
    const sal = await staff(['sal'], { account, role: 'sal', startsAt: '2026-04-01T00:00:00.000Z' });
    const team = (await sal.get(`/api/v1/accounts/${account.id}`)).body.team;
    expect(team).toEqual([]);
    await expectAbilities(sal, account, none);
    app.setNow('2026-04-01T00:00:00.000Z');
    await expectAbilities(sal, account, { ...none, edit: true, decideException: true });
    app.setNow('2026-03-01T09:00:00.000Z');
  });

  it('an assignment with a planned end counts until it ends', async () => {
    const account = await newAccount('Handover BV');
    const tam = await staff(['tam'], { account, role: 'tam', endsAt: '2026-03-15T00:00:00.000Z' });
    await expectAbilities(tam, account, { ...none, edit: true });
    app.setNow('2026-03-15T00:00:00.000Z');
    await expectAbilities(tam, account, none);
    app.setNow('2026-03-01T09:00:00.000Z');
  });

  it('a record shown as it was carries the abilities on the living account', async () => {
    const account = await newAccount('Past Inc');
    const tam = await staff(['tam'], { account, role: 'tam' });
    const past = await tam.get(`/api/v1/accounts/${account.id}?asOf=2026-03-01T09:00:00.000Z`);
    expect(past.status).toBe(200);
    expect(past.body.can).toEqual({ ...none, edit: true });
  });

  it("follows the playbook's exception approver roles", async () => {
    const account = await newAccount('Playbook Oy');
    const sal = await staff(['sal'], { account, role: 'sal' });
    const ae = await staff(['ae'], { account, role: 'ae' });
    const tamManager = await staff(['tam_manager']);
    const current = (await admin.get('/api/v1/playbook')).body;
    const playbook = structuredClone(defaultPlaybook);
    playbook.priority.exceptionApproverRoles = ['tam_manager', 'ae'];
    const applied = await admin.put('/api/v1/playbook', { playbook, version: current.version });
    expect(applied.status).toBe(200);
    expect((await admin.get('/api/v1/playbook')).body.version).toBe(current.version + 1);

    await expectAbilities(sal, account, { ...none, edit: true });
    await expectAbilities(ae, account, { ...none, edit: true, decideException: true });
    await expectAbilities(tamManager, account, manager);
  });
});
