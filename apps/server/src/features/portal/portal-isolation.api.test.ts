import { PortalMe } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { buildCustomer, linkFromOutbox, portalClient } from '../../../test/portal-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// A customer user belongs to one account and sees that account only (docs/portal.md): customers
// of two accounts, each answered their own, nothing staff-only in what they read, and no way to
// reach the other account's customer users or the staff API.

const app = await createTestApp();
const f = factories(app);
const tamA = await f.buildUser({ roles: ['tam'], name: 'Alma Ames' });
const tamB = await f.buildUser({ roles: ['tam'], name: 'Bruno Bell' });
const accountA = await f.buildAccount({ name: 'Alpha Analytics', arr: 750_000, team: { tam: tamA.user } });
const accountB = await f.buildAccount({ name: 'Beta Biotech', arr: 120_000, team: { tam: tamB.user } });
const customerA = await buildCustomer(app, accountA, 'Ada Alpha');
const customerB = await buildCustomer(app, accountB, 'Ben Beta');

const staffOnly =
  /health|priority|arr\b|"arr"|assessment|sentiment|tier|segment|region|version|passwordHash/i;

describe('two accounts’ customers', () => {
  it('each get their own account, TAM and nothing staff-only', async () => {
    const a = await customerA.client.get('/api/v1/portal/me');
    const b = await customerB.client.get('/api/v1/portal/me');
    expect(a.body.account).toEqual({ id: accountA.id, name: 'Alpha Analytics' });
    expect(a.body.tam).toEqual({ name: 'Alma Ames', initials: 'AA' });
    expect(b.body.account).toEqual({ id: accountB.id, name: 'Beta Biotech' });
    expect(b.body.tam).toEqual({ name: 'Bruno Bell', initials: 'BB' });
    for (const answer of [a.body, b.body]) {
      // Field by field: exactly the contract's fields, none of them staff-only.
      expect(PortalMe.strict().safeParse(answer).success).toBe(true);
      expect(JSON.stringify(answer)).not.toMatch(staffOnly);
    }
    expect(JSON.stringify(a.body)).not.toContain('Beta');
  });

  it('cannot use the other account’s links, nor the staff routes about customer users', async () => {
    // A link is bound to its customer user: B's sign-in link signs in B, never A's account.
    await portalClient(app).post('/api/v1/portal/magic-link', { email: customerB.email });
    const { token } = await linkFromOutbox(app, customerB.email, 'portal-sign-in');
    const holder = portalClient(app);
    expect((await holder.post('/api/v1/portal/magic-link/sign-in', { token })).body.account.id).toBe(
      accountB.id,
    );
    expect((await customerA.client.get('/api/v1/portal/me')).body.account.id).toBe(accountA.id);
    // The staff routes are out of reach for a portal session, whatever the ids.
    const cookie = customerA.client.sessionCookie()!;
    for (const path of [
      `/api/v1/accounts/${accountA.id}/customer-users`,
      `/api/v1/accounts/${accountB.id}/customer-users`,
      `/api/v1/accounts/${accountB.id}`,
    ]) {
      expect((await httpClient(app.http).get(path, { cookie })).status).toBe(401);
    }
    const csrf = await customerA.client.csrf();
    const deactivate = await httpClient(app.http).post(
      `/api/v1/customer-users/${customerB.user.id}/deactivate`,
      {},
      {
        cookie,
        'x-liaison-csrf': csrf,
      },
    );
    expect(deactivate.status).toBe(401);
    const list = await tamB.get(`/api/v1/accounts/${accountB.id}/customer-users`);
    expect(list.body.items[0]).toMatchObject({ id: customerB.user.id, status: 'active' });
  });

  it('a TAM of one account cannot manage the other’s customer users', async () => {
    const refused = await tamA.post(`/api/v1/customer-users/${customerB.user.id}/deactivate`);
    expect(refused.status).toBe(403);
    expect((await customerB.client.get('/api/v1/portal/me')).status).toBe(200);
  });
});
