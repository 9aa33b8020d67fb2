import { randomUUID } from 'node:crypto';
import type { StaffRole, UserAbilities } from '@liaison/contracts';
import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// `GET /auth/me` carries the caller's abilities (`can`), computed from the policy table. Each flag
// is checked against what the write it stands for answers, so the payload cannot drift from
// enforcement: a granted ability is not refused (403), a withheld one is. The same probe is refused
// for some role and passes schema validation, so "not 403" means the policy check let it through.

const app = await createTestApp({ now: '2026-03-01T09:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);

async function staff(roles: StaffRole[]) {
  const email = `${roles.join('-')}-${randomUUID().slice(0, 8)}@example.com`;
  const created = await admin.post('/api/v1/users', { name: roles.join(' '), email, roles });
  expect(created.status).toBe(201);
  const { token } = await app.services.auth.createToken(created.body.id, 'test', null, new Date());
  return { id: created.body.id as string, token, ...httpClient(app.http, token) };
}

/** Probes that stop right after the policy check: a refusal is 403, anything else passed it. */
async function enforced(user: Awaited<ReturnType<typeof staff>>): Promise<UserAbilities> {
  const passes = (status: number) => status !== 403;
  const importAs = async (object: string) => {
    const response = await app.http.inject({
      method: 'POST',
      url: `/api/v1/imports?object=${object}`,
      // An unreadable mapping is refused after the policy check, so nothing is imported.
      headers: {
        authorization: `Bearer ${user.token}`,
        'content-type': 'text/csv',
        'x-liaison-mapping': '!',
      },
      payload: 'Id\n',
    });
    return response.statusCode;
  };
  const playbook = await admin.get('/api/v1/playbook');
  return {
    // Stale versions are refused after the policy check (409), so nothing changes.
    manageUsers: passes((await user.patch(`/api/v1/users/${user.id}`, { name: 'x', version: 999 })).status),
    managePlaybook: passes(
      (await user.put('/api/v1/playbook', { playbook: defaultPlaybook, version: playbook.body.version + 9 }))
        .status,
    ),
    viewSystemStatus: passes((await user.get('/api/v1/status/background-work')).status),
    manageMail: passes((await user.get('/api/v1/mail/status')).status),
    manageTeam: passes((await user.get('/api/v1/team-overview')).status),
    createAccount: passes(
      (
        await user.post('/api/v1/accounts', {
          name: 'Probe',
          segment: 'smb',
          region: 'noram',
          plan: 'no_plan',
        })
      ).status,
    ),
    makeTasks: passes((await user.post('/api/v1/tasks', { title: 'Probe' })).status),
    importRecords: passes(await importAs('accounts')),
    importUsers: passes(await importAs('users')),
    manageWebhooks: passes((await user.get('/api/v1/webhooks/endpoints')).status),
  };
}

const none: UserAbilities = {
  manageUsers: false,
  managePlaybook: false,
  viewSystemStatus: false,
  manageMail: false,
  manageTeam: false,
  createAccount: false,
  makeTasks: false,
  importRecords: false,
  importUsers: false,
  manageWebhooks: false,
};
const worker: UserAbilities = { ...none, createAccount: true, makeTasks: true };
const expected: Record<StaffRole, UserAbilities> = {
  admin: {
    manageUsers: true,
    managePlaybook: true,
    viewSystemStatus: true,
    manageMail: true,
    manageTeam: true,
    createAccount: true,
    makeTasks: true,
    importRecords: true,
    importUsers: true,
    manageWebhooks: true,
  },
  tam_manager: { ...worker, manageTeam: true, importRecords: true },
  tam: worker,
  sal: worker,
  ae: worker,
  sa: worker,
  pse: worker,
  sdr: worker,
  viewer: none,
};

describe('the abilities of /auth/me', () => {
  it.each(Object.entries(expected))('%s: the payload says what the server enforces', async (role, can) => {
    const user = await staff([role as StaffRole]);
    const me = await user.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.can).toEqual(can);
    expect(await enforced(user)).toEqual(can);
  });

  it('a viewer who also holds a working role works under it', async () => {
    const user = await staff(['viewer', 'sal']);
    expect((await user.get('/api/v1/auth/me')).body.can).toEqual(worker);
    expect(await enforced(user)).toEqual(worker);
  });

  it('sign-in answers the same abilities as /auth/me', async () => {
    const email = `manager-${randomUUID().slice(0, 8)}@example.com`;
    const created = await admin.post('/api/v1/users', {
      name: 'Signing Manager',
      email,
      roles: ['tam_manager'],
      password: 'correct horse battery',
    });
    expect(created.status).toBe(201);
    const login = await httpClient(app.http).post('/api/v1/auth/login', {
      email,
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ authenticatedBy: 'session', can: expected.tam_manager });
  });
});
