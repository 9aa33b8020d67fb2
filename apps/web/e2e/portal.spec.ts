import { expect, type Page, request, test } from '@playwright/test';
import { ADMIN, choose, getJson, PASSWORD, screenshot, signIn, TAM } from './demo.ts';

// The customer portal (docs/portal.md): the TAM invites a contact from the account's People tab,
// the invitation's link (read from the admins' outbox: the demo has no SMTP server, so it is held
// there) lets the customer set a password, and the customer signs in at /portal to their own
// portal, which names their TAM. The customer's session opens no staff page or API.
test.describe.configure({ mode: 'serial' });

interface Assignment {
  userId: string;
  role: string;
  endsAt: string | null;
}

/** A customer account of the signed-in TAM, where they hold the TAM seat now. */
async function tamAccount(page: Page): Promise<{ id: string; name: string }> {
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
async function invitationToken(baseURL: string, to: string): Promise<string> {
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

test('a TAM invites a contact, who sets a password and signs in to the portal', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, TAM);
  const tamName = (await getJson<{ user: { name: string } }>(page, '/api/v1/auth/me')).user.name;
  const account = await tamAccount(page);
  const email = `elena.${Date.now()}@customer.example`;
  const contact = await page.request.post(`/api/v1/accounts/${account.id}/contacts`, {
    data: { name: 'Elena Alvarez', email, title: 'Platform lead' },
  });
  expect(contact.status()).toBe(201);

  // The account's People tab: the Customer portal card, the contact invited.
  await page.goto(`/accounts/${account.id}?tab=people`);
  const card = page.getByTestId('customer-portal-card');
  await card.getByRole('button', { name: 'Invite a contact' }).click();
  await choose(page, card, 'Contact to invite', `Elena Alvarez — ${email}`);
  await card.getByRole('button', { name: 'Send invitation' }).click();
  const row = card.getByRole('row').filter({ hasText: 'Elena Alvarez' });
  await expect(row).toContainText('invited');
  await expect(row.getByRole('button', { name: 'Re-send invitation' })).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '45-account-customer-portal', { docs: true });

  // The customer, in a browser of their own, opens the invitation's link.
  const token = await invitationToken(baseURL!, email);
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await customer.goto(`/portal/invite/${token}`);
  await expect(customer.getByRole('heading', { name: 'Welcome to your customer portal' })).toBeVisible();
  await customer.getByRole('textbox', { name: /^Password/ }).fill('elena customer password');
  await customer.getByRole('textbox', { name: /^Repeat the password/ }).fill('elena customer password');
  await screenshot(customer, '46-portal-invitation', { docs: true });
  await customer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(customer).toHaveURL(/\/portal\/?$/);
  await expect(customer.getByRole('heading', { name: 'Welcome, Elena' })).toBeVisible();
  await expect(customer.getByTestId('portal-tam-card')).toContainText(tamName);
  await expect(customer.getByTestId('portal-vendor')).toHaveText('Northwind Cloud');
  await expect(customer.getByTestId('portal-project-placeholder')).toBeVisible();
  // A portal session opens nothing of the staff API.
  expect((await customer.request.get('/api/v1/accounts')).status()).toBe(401);
  expect((await customer.request.get(`/api/v1/accounts/${account.id}`)).status()).toBe(401);

  // Signed out, then in again with the password.
  await customer.getByRole('button', { name: 'Sign out' }).click();
  await expect(customer).toHaveURL(/\/portal\/sign-in$/);
  expect((await customer.request.get('/api/v1/portal/me')).status()).toBe(401);
  await customer.getByRole('textbox', { name: /^E-mail/ }).fill(email);
  await customer.getByRole('textbox', { name: /^Password/ }).fill('elena customer password');
  await screenshot(customer, '47-portal-sign-in', { docs: true });
  await customer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(customer.getByRole('heading', { name: 'Welcome, Elena' })).toBeVisible();
  await expect(customer.getByTestId('portal-tam')).toContainText(tamName);
  await screenshot(customer, '48-portal-home', { docs: true });

  // The TAM sees the customer user active; the staff session means nothing to the portal.
  await page.reload();
  await expect(card.getByRole('row').filter({ hasText: 'Elena Alvarez' })).toContainText('active');
  expect((await page.request.get('/api/v1/portal/me')).status()).toBe(401);

  // Deactivated by the TAM: the customer's session ends at once.
  await card.getByRole('button', { name: 'Deactivate Elena Alvarez' }).click();
  await expect(card.getByRole('row').filter({ hasText: 'Elena Alvarez' })).toContainText('deactivated');
  expect((await customer.request.get('/api/v1/portal/me')).status()).toBe(401);
  await customer.reload();
  await expect(customer).toHaveURL(/\/portal\/sign-in$/);
  await customerContext.close();
});
