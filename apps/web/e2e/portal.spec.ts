import { expect, test } from '@playwright/test';
import { choose, getJson, screenshot, signIn, TAM } from './demo.ts';
import { invitationToken, tamAccount } from './portal-helpers.ts';

// The customer portal (docs/portal.md): the TAM invites a contact from the account's People tab,
// the invitation's link (read from the admins' outbox: the demo has no SMTP server, so it is held
// there) lets the customer set a password, and the customer signs in at /portal to their own
// portal, which names their TAM. The customer's session opens no staff page or API.
test.describe.configure({ mode: 'serial' });

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
  // The account's project, or where it will appear (portal-project.spec.ts may have made one).
  await expect(
    customer.getByTestId('portal-project').or(customer.getByTestId('portal-no-project')),
  ).toBeVisible();
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
