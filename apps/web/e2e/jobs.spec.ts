import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn, TAM } from './demo.ts';

// The admins' view of the job queue every server shares: the scheduled jobs have run on the
// demo server (the start's refresh at least), and only admins see the page.

test('an admin sees every queue, its schedule and what ran', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Jobs' }).click();
  await expect(page).toHaveURL(/\/admin\/jobs$/);
  const queues = page.getByRole('table', { name: 'Job queues' });
  for (const name of ['events-dispatch', 'assessments-refresh', 'book-watch'])
    await expect(queues.getByText(name, { exact: true })).toBeVisible();
  // The server's start queues one refresh: it has run by the time anyone looks.
  const refresh = queues.getByRole('row').filter({ hasText: 'assessments-refresh' });
  await expect(refresh.getByRole('cell').nth(4)).not.toHaveText('0', { timeout: 20_000 });
  await expect(refresh.getByRole('cell').nth(1)).toHaveText('0 0 * * *');
  await expect(page.getByText('No job has failed all its attempts.')).toBeVisible();
  await screenshot(page, '37-jobs', { docs: true });
});

test('the jobs page is not on a TAM’s menu', async ({ page }) => {
  await signIn(page, TAM);
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Jobs' })).toHaveCount(0);
});
