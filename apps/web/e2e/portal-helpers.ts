import { type Browser, expect, type Page, request } from '@playwright/test';
import { ADMIN, getJson, PASSWORD } from './demo.ts';

// What the portal flows share (docs/portal.md): the TAM's account, the invitation's link read
// from the admins' outbox (the demo has no SMTP server, so it is held there), and a customer
// who accepted it in a browser of their own.

interface Assignment {
  userId: string;
  role: string;
  endsAt: string | null;
}

/** A customer account of the signed-in TAM, where they hold the TAM seat now. */
export async function tamAccount(page: Page): Promise<{ id: string; name: string }> {
  const me = await getJson<{ user: { id: string } }>(page, '/api/v1/auth/me');
  const accounts = await getJson<{ items: { id: string; name: string; relationshipStage: string }[] }>(
    page,
    `/api/v1/accounts?teamMember=${me.user.id}&relationshipStage=customer&limit=20`,
  );
  for (const account of accounts.items) {
    const team = await getJson<{ items: Assignment[] }>(page, `/api/v1/accounts/${account.id}/team`);
    if (team.items.some((seat) => seat.role === 'tam' && seat.userId === me.user.id && !seat.endsAt))
      return account;
  }
  throw new Error('The demo TAM holds no customer account');
}

/** The invitation's token, read from the admins' outbox as an admin would. */
export async function invitationToken(baseURL: string, to: string): Promise<string> {
  const admin = await request.newContext({ baseURL });
  try {
    const login = await admin.post('/api/v1/auth/login', { data: { email: ADMIN, password: PASSWORD } });
    expect(login.status()).toBe(200);
    const page = await (
      await admin.get(`/api/v1/mail/outbox?kind=portal-invitation&to=${encodeURIComponent(to)}`)
    ).json();
    expect(page.items.length).toBeGreaterThan(0);
    const message = await (await admin.get(`/api/v1/mail/outbox/${page.items[0].id}`)).json();
    const match = /\/portal\/invite\/([\w-]+)/.exec(message.text);
    expect(match, message.text).toBeTruthy();
    return match![1]!;
  } finally {
    await admin.dispose();
  }
}

/**
 * A new contact of the account, invited by the signed-in TAM through the staff API, who accepts
 * the invitation in a browser of their own and lands signed in on /portal.
 */
export async function signedInCustomer(
  tam: Page,
  browser: Browser,
  baseURL: string,
  accountId: string,
  name: string,
): Promise<Page> {
  const email = `${name.split(' ')[0]!.toLowerCase()}.${Date.now()}@customer.example`;
  const contact = await tam.request.post(`/api/v1/accounts/${accountId}/contacts`, {
    data: { name, email, title: 'Engineering manager' },
  });
  expect(contact.status()).toBe(201);
  const invited = await tam.request.post(`/api/v1/accounts/${accountId}/customer-users`, {
    data: { contactId: (await contact.json()).id },
  });
  expect(invited.status()).toBe(201);
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(`/portal/invite/${await invitationToken(baseURL, email)}`);
  await customer.getByRole('textbox', { name: /^Password/ }).fill('customer password 1');
  await customer.getByRole('textbox', { name: /^Repeat the password/ }).fill('customer password 1');
  await customer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(customer).toHaveURL(/\/portal\/?$/);
  return customer;
}
