import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn, TAM } from './demo.ts';
import { mailTo } from './mail-catcher.ts';

// The e-mail outbox (docs/mail.md): every message is listed and readable by admins, its HTML
// shown only in a sandboxed frame; delivered over SMTP (the run's catcher, mail-catcher.ts) it is
// marked sent and arrives as its recipient reads it. (Held without an SMTP server: mail tests.)
test.describe.configure({ mode: 'serial' });

test('an admin sends a test e-mail, sees it sent from the outbox, and it arrives', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page).toHaveURL(/\/admin\/outbox$/);
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();

  await page.getByRole('button', { name: 'Send test e-mail' }).click();
  const drawer = page.getByRole('dialog', { name: 'E-mail' });
  await expect(drawer.getByText('Liaison test message')).toBeVisible();
  // Delivered by the server's job over SMTP.
  await expect(drawer.getByText('SMTP answer')).toBeVisible();
  const arrived = await mailTo(ADMIN, /Liaison test message/);
  expect(arrived.text).toContain('This is a test message from Liaison');
  await expect(drawer.getByLabel('Message text')).toContainText('This is a test message from Liaison');
  await drawer.getByRole('tab', { name: 'HTML' }).click();
  const frame = drawer.locator('iframe[title="HTML version"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().getByText('test message', { exact: true })).toBeVisible();
  await drawer.getByRole('tab', { name: 'Text' }).click();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Listed as sent, and opened again from the list.
  // The segmented control's radios are hidden inputs: its label is what a person clicks.
  await page.getByText(/^Sent \(\d+\)$/).click();
  await expect(page.getByRole('radio', { name: /^Sent/ })).toBeChecked();
  const row = page.getByRole('row').filter({ hasText: 'Liaison test message' }).first();
  await expect(row).toContainText(ADMIN);
  await expect(row).toContainText('Sent');
  await screenshot(page, '33-outbox', { docs: true });
  await row.getByRole('button', { name: 'Open “Liaison test message”' }).click();
  // Sent is final: what the SMTP server answered is there, and nothing to re-send (a held or
  // failed message offers it: mail tests).
  await expect(drawer.getByText('SMTP answer')).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Re-send' })).toHaveCount(0);
  await screenshot(page, 'outbox-message');
});

test('the outbox is for admins: others see no link, and the server refuses them', async ({ page }) => {
  await signIn(page, TAM);
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }),
  ).toHaveCount(0);
  const response = await page.request.get('/api/v1/mail/outbox');
  expect(response.status()).toBe(403);
});
