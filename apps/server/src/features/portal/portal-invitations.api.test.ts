import type { CustomerUser, PortalMe } from '@liaison/contracts';
import type { ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { httpClient } from '../../../test/http-client.ts';
import { linkFromOutbox, linkIn, portalClient } from '../../../test/portal-client.ts';
import { startSmtpReceiver } from '../../../test/smtp-receiver.ts';
import { createTestApp } from '../../../test/test-app.ts';

// Inviting a contact to the customer portal, end to end (docs/portal.md): the TAM invites, a real
// SMTP server in-process receives the invitation, its link sets the password once, and the new
// customer user is signed in to a portal that shows their account and their TAM.

const smtp = await startSmtpReceiver();

const app = await createTestApp({
  mail: {
    smtpUrl: smtp.url,
    from: 'Acme Cloud <liaison@acme.example>',
    publicUrl: 'https://liaison.example.com',
  },
});
const f = factories(app);
await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });
afterAll(async () => {
  await app.services.queue.stop();
});

const tam = await f.buildUser({ roles: ['tam'], name: 'Tamsin Reyes' });
const viewer = await f.buildUser({ roles: ['viewer'] });
const account = await f.buildAccount({ name: 'Globex Industries', team: { tam: tam.user } });

async function arrival(to: string, count = 1): Promise<ParsedMail> {
  const mine = await smtp.arrivals(to, count);
  expect(mine).toHaveLength(count);
  return mine.at(-1)!;
}

describe('inviting a contact', () => {
  it('mails an invitation whose link sets the password once and signs the customer in', async () => {
    const contact = await f.buildContact(account, { name: 'Nadia Novak', email: 'Nadia@Globex.example' });
    const invited = await tam.post<CustomerUser>(`/api/v1/accounts/${account.id}/customer-users`, {
      contactId: contact.id,
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      status: 'invited',
      email: 'nadia@globex.example',
      name: 'Nadia Novak',
      invitedBy: { id: tam.user.id, name: 'Tamsin Reyes' },
      activatedAt: null,
    });
    expect(invited.body).not.toHaveProperty('passwordHash');

    const mail = await arrival('nadia@globex.example');
    expect(mail.subject).toContain('invitation to the customer portal');
    expect(mail.text).toContain('Tamsin Reyes');
    expect(mail.text).toContain('Globex Industries');
    const { url, token } = linkIn(mail.text ?? '');
    expect(url.startsWith('https://liaison.example.com/portal/invite/')).toBe(true);
    // Only the token's hash is stored.
    const stored = await app.database.pool.query('SELECT token_hash FROM portal_tokens');
    expect(JSON.stringify(stored.rows)).not.toContain(token);

    const customer = portalClient(app);
    const tooShort = await customer.post('/api/v1/portal/invitation/accept', { token, password: 'short' });
    expect(tooShort.status).toBe(400);
    const accepted = await customer.post<PortalMe>('/api/v1/portal/invitation/accept', {
      token,
      password: 'a new customer password',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({
      customerUser: {
        id: invited.body.id,
        name: 'Nadia Novak',
        email: 'nadia@globex.example',
        contactId: contact.id,
      },
      account: { id: account.id, name: 'Globex Industries' },
      vendor: { name: 'Your vendor', supportUrl: null },
      tam: { name: 'Tamsin Reyes', initials: 'TR' },
    });
    const cookie = String(accepted.headers['set-cookie']);
    expect(cookie).toMatch(/liaison_portal=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await customer.get('/api/v1/portal/me')).body).toEqual(accepted.body);

    // Single use: the same link again is refused, by another browser too.
    const again = await portalClient(app).post('/api/v1/portal/invitation/accept', {
      token,
      password: 'another password here',
    });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('INVALID_CREDENTIALS');

    // The password works; staff see the customer user active, and the account's history has it all.
    const signedIn = await portalClient(app).signIn('NADIA@globex.example', 'a new customer password');
    expect(signedIn.status).toBe(200);
    const list = await tam.get(`/api/v1/accounts/${account.id}/customer-users`);
    expect(list.body.can).toEqual({ manage: true });
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: invited.body.id, status: 'active', lastSignInAt: expect.any(String) }),
    ]);
    const history = await tam.get(`/api/v1/accounts/${account.id}/history?limit=100`);
    const entries = history.body.items.filter(
      (entry: { entityType: string }) => entry.entityType === 'customer_user',
    );
    expect(
      entries.map((entry: { operation: string; actor: { type: string; name: string } }) => [
        entry.operation,
        entry.actor.type,
        entry.actor.name,
      ]),
    ).toEqual([
      // The customer, named by their contact like every write of theirs.
      ['update', 'contact', 'Nadia Novak'],
      // The TAM's client signs with an API token.
      ['create', 'api_token', 'Tamsin Reyes (token "test")'],
    ]);
    expect(entries[0].actor.id).toBe(invited.body.contactId);
  });

  it('re-sends: a new link works, the earlier one no longer does', async () => {
    const contact = await f.buildContact(account, { name: 'Omar Oduya', email: 'omar@globex.example' });
    const invited = await tam.post<CustomerUser>(`/api/v1/accounts/${account.id}/customer-users`, {
      contactId: contact.id,
    });
    const first = linkIn((await arrival('omar@globex.example')).text ?? '');
    const resent = await tam.post(`/api/v1/customer-users/${invited.body.id}/resend-invitation`);
    expect(resent.status).toBe(200);
    const second = linkIn((await arrival('omar@globex.example', 2)).text ?? '');
    expect(second.token).not.toBe(first.token);
    const old = await portalClient(app).post('/api/v1/portal/invitation/accept', {
      token: first.token,
      password: 'a password long enough',
    });
    expect(old.status).toBe(401);
    const fresh = await portalClient(app).post('/api/v1/portal/invitation/accept', {
      token: second.token,
      password: 'a password long enough',
    });
    expect(fresh.status).toBe(200);
    // Accepted: nothing left to re-send.
    const late = await tam.post(`/api/v1/customer-users/${invited.body.id}/resend-invitation`);
    expect(late.status).toBe(422);
  });

  it('refuses an invitation link after its seven days', async () => {
    const contact = await f.buildContact(account, { name: 'Pia Late', email: 'pia@globex.example' });
    await tam.post(`/api/v1/accounts/${account.id}/customer-users`, { contactId: contact.id });
    const { token } = await linkFromOutbox(app, 'pia@globex.example', 'portal-invitation');
    app.setNow(new Date(Date.parse('2026-03-01T09:00:00.000Z') + 7 * 86_400_000 + 1_000));
    try {
      const expired = await portalClient(app).post('/api/v1/portal/invitation/accept', {
        token,
        password: 'a password long enough',
      });
      expect(expired.status).toBe(401);
      expect(expired.body.error.code).toBe('INVALID_CREDENTIALS');
    } finally {
      app.setNow('2026-03-01T09:00:00.000Z');
    }
  });

  it('refuses what cannot be invited, and callers who may not invite', async () => {
    const contact = await f.buildContact(account, { name: 'No Mail' });
    const path = `/api/v1/accounts/${account.id}/customer-users`;
    const noEmail = await tam.post(path, { contactId: contact.id });
    expect(noEmail.status).toBe(400);
    expect(noEmail.body.error.details[0].path).toBe('body.email');
    const other = await f.buildAccount();
    const foreign = await f.buildContact(other, { name: 'Elsewhere', email: 'elsewhere@example.com' });
    const wrongAccount = await tam.post(path, { contactId: foreign.id });
    expect(wrongAccount.status).toBe(422);
    expect(wrongAccount.body.error.details[0].path).toBe('body.contactId');
    const asViewer = await viewer.post(path, { contactId: contact.id, email: 'no.mail@globex.example' });
    expect(asViewer.status).toBe(403);
    expect((await viewer.get(path)).body.can).toEqual({ manage: false });
    // Another TAM, not on this account's team, may not either.
    const outsider = await f.buildUser({ roles: ['tam'] });
    expect((await outsider.post(path, { contactId: contact.id, email: 'x@globex.example' })).status).toBe(
      403,
    );
    const ok = await tam.post(path, { contactId: contact.id, email: 'no.mail@globex.example' });
    expect(ok.status).toBe(201);
    const twice = await tam.post(path, { contactId: contact.id, email: 'other@globex.example' });
    expect(twice.status).toBe(409);
    const sameEmail = await tam.post(path, {
      contactId: (await f.buildContact(account, { name: 'Twin' })).id,
      email: 'NO.MAIL@globex.example',
    });
    expect(sameEmail.status).toBe(409);
    expect(sameEmail.body.error.details[0].path).toBe('body.email');
    // Unknown ids are 404s, never 500s.
    const admin = httpClient(app.http, app.adminToken);
    expect(
      (await admin.post('/api/v1/customer-users/00000000-0000-4000-8000-000000000000/deactivate')).status,
    ).toBe(404);
    expect(
      (await admin.get('/api/v1/accounts/00000000-0000-4000-8000-000000000000/customer-users')).status,
    ).toBe(404);
  });
});
