import { expect, type Page, test } from '@playwright/test';
import { screenshot, signIn, TAM } from './demo.ts';

// The calendar feed on My week (docs/calendar.md): the TAM makes it, copies the address shown
// once, a calendar app (here a request without any cookie) reads a calendar from it; a new
// address ends the old one, and revoking ends the feed.
test.describe.configure({ mode: 'serial' });

const card = (page: Page) => page.getByTestId('calendar-feed');

test('a TAM makes a calendar feed, a calendar app reads it, and it is rotated and revoked', async ({
  page,
  context,
  request,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, TAM);
  await page.goto('/week');
  await card(page).scrollIntoViewIfNeeded();
  await card(page).getByRole('button', { name: 'Create calendar feed' }).click();

  const dialog = page.getByRole('dialog', { name: 'Subscribe to your calendar feed' });
  await expect(dialog.getByText('you will not see this address again')).toBeVisible();
  await expect(dialog.getByText('From URL')).toBeVisible();
  await expect(dialog.getByText('Subscribe from web')).toBeVisible();
  const url = (await dialog.getByTestId('calendar-feed-url').textContent())?.trim() ?? '';
  expect(url).toMatch(/^http:\/\/localhost:\d+\/api\/v1\/calendar\/feeds\/lcf_[\w-]{43}\.ics$/);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await screenshot(page, '32-calendar-feed', { docs: true });

  // The `request` fixture shares no cookies with the page: the address alone is the credential.
  const feed = await request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await feed.text();
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(text.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
  expect(text).toContain('X-WR-CALNAME:Liaison — Priya Natarajan');
  // The demo TAM's book has obligations due: each an all-day event linking back to its account.
  expect(text.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThan(0);
  expect(text).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
  expect(text).toMatch(/SUMMARY:Cadence call: /);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(url)).toHaveCount(0);
  await page.reload();
  await expect(card(page)).toContainText('Last read by a calendar app: today');

  // A new address: the old one stops at once.
  await card(page).getByRole('button', { name: 'New address' }).click();
  await page
    .getByRole('dialog', { name: 'Make a new address?' })
    .getByRole('button', { name: 'Make a new address' })
    .click();
  const rotated = (await dialog.getByTestId('calendar-feed-url').textContent())?.trim() ?? '';
  expect(rotated).not.toBe(url);
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get(rotated)).status()).toBe(200);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Revoked: the address is a 404 and the card offers a new feed.
  await card(page).getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke your calendar feed?' })
    .getByRole('button', { name: 'Revoke feed' })
    .click();
  await expect(card(page).getByRole('button', { name: 'Create calendar feed' })).toBeVisible();
  const gone = await request.get(rotated);
  expect(gone.status()).toBe(404);
  expect((await gone.json()).error.code).toBe('NOT_FOUND');
});
