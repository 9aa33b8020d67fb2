import { expect, test } from '@playwright/test';
import { screenshot, signIn, TAM } from './demo.ts';

// API tokens made in the web app work against the API and stop working once revoked; the
// accounts list names each account's TAM.
test.describe.configure({ mode: 'serial' });

test('a user creates an API token, sees its secret once, uses it, and revokes it', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, TAM);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'API tokens' }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expect(page.getByText('You have no API tokens')).toBeVisible(); // a fresh demo book
  await screenshot(page, 'tokens-empty');

  // The server's own validation (a blank name after trimming) shows on the field.
  await page.getByRole('button', { name: 'New token' }).click();
  const dialog = page.getByRole('dialog', { name: 'New API token' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('   ');
  await dialog.getByRole('button', { name: 'Create token' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, 'token-create-invalid');

  const name = `e2e script ${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create token' }).click();
  const secretDialog = page.getByRole('dialog', { name: 'Copy your new token' });
  await expect(secretDialog.getByText('you will not see this token again')).toBeVisible();
  const secret = (await secretDialog.getByTestId('api-token-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^lia_/);
  await secretDialog.getByRole('button', { name: 'Copy' }).click();
  await expect(secretDialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await screenshot(page, 'token-secret');
  await secretDialog.getByRole('button', { name: 'Done' }).click();
  await expect(secretDialog).toBeHidden();

  // Listed without its secret, which the page never shows again.
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Never'); // not used yet
  await expect(page.getByText(secret)).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByText(secret)).toHaveCount(0);

  // The `request` fixture shares no cookies with the page: only the token identifies the caller.
  const bearer = { authorization: `Bearer ${secret}` };
  const me = await request.get('/api/v1/auth/me', { headers: bearer });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ authenticatedBy: 'api_token', user: { email: TAM } });
  await page.reload();
  await expect(row.getByText('today')).toBeVisible(); // last used
  await screenshot(page, '15-api-tokens', { docs: true });

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Revoke API token?' });
  await expect(confirm).toContainText(name);
  await screenshot(page, 'token-revoke');
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);

  const refused = await request.get('/api/v1/auth/me', { headers: bearer });
  expect(refused.status()).toBe(401);
});

test('the accounts list shows each account’s current TAM', async ({ page }) => {
  await signIn(page, TAM);
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as {
    user: { id: string; name: string };
  };
  // Priya's own book: she is the TAM of at least one of these accounts.
  await page.goto(`/accounts?teamMember=${me.user.id}`);
  const table = page.getByTestId('accounts-table');
  await expect(table.getByRole('columnheader', { name: 'TAM' })).toBeVisible();
  const headers = await table.getByRole('columnheader').allTextContents();
  const tamColumn = headers.indexOf('TAM');
  const firstRow = table.locator('tbody tr').first();
  await expect(firstRow).toBeVisible();

  const listed = (await (
    await page.request.get(`/api/v1/accounts?teamMember=${me.user.id}&limit=50`)
  ).json()) as { items: { name: string; tam: { name: string } | null }[] };
  const tams = listed.items.map((item) => item.tam?.name ?? '—');
  expect(tams).toContain(me.user.name);
  const cells = await table.locator(`tbody tr td:nth-child(${tamColumn + 1})`).allTextContents();
  expect(cells.slice(0, tams.length)).toEqual(tams);
  await screenshot(page, 'accounts-tam');
});
