import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);
const anonymous = httpClient(app.http);

async function tokenFor(roles: string[]) {
  const email = `${roles.join('-')}@example.com`;
  await admin.post('/api/v1/users', { name: roles.join(' '), email, roles, password: 'a long password 1' });
  const login = await anonymous.post('/api/v1/auth/login', { email, password: 'a long password 1' });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const token = await anonymous.post('/api/v1/auth/tokens', { name: 'test' }, { cookie });
  return httpClient(app.http, token.body.token);
}

describe('the status of background work', () => {
  it('is for admins only', async () => {
    expect((await anonymous.get('/api/v1/status/background-work')).status).toBe(401);
    for (const roles of [['tam_manager'], ['tam'], ['viewer']]) {
      const response = await (await tokenFor(roles)).get('/api/v1/status/background-work');
      expect(response.status, roles.join()).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
  });

  it("queues the reassessment a new playbook asks for, at the request's instant, as a job", async () => {
    app.setNow('2026-03-03T10:00:00.000Z');
    const applied = await admin.put('/api/v1/playbook', { playbook: defaultPlaybook, version: 0 });
    expect(applied.status).toBe(200);
    const boss = await app.services.queue.boss();
    const [job] = await boss.fetch<{ reason: string; at: string }>('assessments-reassess-all');
    expect(job?.data).toEqual({ reason: 'playbook version 1', at: '2026-03-03T10:00:00.000Z' });
  });

  it('lists a failure with its context', async () => {
    await app.services.background.run('test.failing-work', { account: 'Acme' }, async () => {
      throw new Error('simulated failure');
    });
    const status = (await admin.get('/api/v1/status/background-work')).body;
    expect(status.recentFailures[0]).toMatchObject({
      name: 'test.failing-work',
      context: { account: 'Acme' },
      message: 'simulated failure',
    });
  });
});
