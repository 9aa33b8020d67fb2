import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn, TAM } from './demo.ts';

// The e-mail outbox (docs/mail.md): the demo has no SMTP server, so a message is held, listed and
// readable by admins, never dropped; its HTML is shown only in a sandboxed frame.
test.describe.configure({ mode: 'serial' });

test('an admin sends a test e-mail, sees it held in the outbox, and reads it', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
  await expect(page.getByText('No SMTP server is configured')).toBeVisible();

  await page.getByRole('button', { name: 'Send test e-mail' }).click();
  const drawer = page.getByRole('dialog', { name: 'E-mail' });
  await expect(drawer.getByText('Liaison test message')).toBeVisible();
  // Delivered by the server's job: with no SMTP server, held with the reason.
  await expect(drawer.getByText('Held', { exact: true })).toBeVisible();
  await expect(
    drawer.getByText('No SMTP server is configured (SMTP_URL): kept in the outbox.'),
  ).toBeVisible();
  await expect(drawer.getByLabel('Message text')).toContainText('This is a test message from Liaison');
  await drawer.getByRole('tab', { name: 'HTML' }).click();
  const frame = drawer.locator('iframe[title="HTML version"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().getByText('test message', { exact: true })).toBeVisible();
  await drawer.getByRole('tab', { name: 'Text' }).click();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Listed as held, and opened again from the list.
  // The segmented control's radios are hidden inputs: its label is what a person clicks.
  await page.getByText(/^Held \(\d+\)$/).click();
  await expect(page.getByRole('radio', { name: /^Held/ })).toBeChecked();
  const row = page.getByRole('row').filter({ hasText: 'Liaison test message' }).first();
  await expect(row).toContainText(ADMIN);
  await expect(row).toContainText('Held');
  await screenshot(page, '33-outbox', { docs: true });
  await row.getByRole('button', { name: 'Open “Liaison test message”' }).click();
  await expect(drawer.getByRole('button', { name: 'Re-send' })).toBeVisible();
  await screenshot(page, 'outbox-message');

  // Re-sent: queued, then held again (still no SMTP server).
  await drawer.getByRole('button', { name: 'Re-send' }).click();
  await expect(drawer.getByText('Held', { exact: true })).toBeVisible();
  await expect(drawer.getByText('Attempts')).toBeVisible();
});

test('the outbox is for admins: others see no link, and the server refuses them', async ({ page }) => {
  await signIn(page, TAM);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }),
  ).toHaveCount(0);
  const response = await page.request.get('/api/v1/mail/outbox');
  expect(response.status()).toBe(403);
});
