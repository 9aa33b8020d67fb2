import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

// What every flow needs against the demo book: its logins, signing in, reading the API as the
// signed-in user, and screenshots of new UI to look at.

export const PASSWORD = 'liaison-demo';
export const TAM = 'priya.natarajan@liaison.example';
export const MANAGER = 'dana.whitfield@liaison.example';
export const ADMIN = 'morgan.reyes@liaison.example';
export const VIEWER = 'sam.patel@liaison.example';

export async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

export async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** Picks an option of a Mantine Select, found by its label within `scope`. */
export async function choose(page: Page, scope: Page | Locator, field: string, option: string) {
  const name = { name: field };
  await scope.getByRole('textbox', name).or(scope.getByRole('combobox', name)).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const reviewShots = join(tmpdir(), 'liaison-e2e-shots');
const docShots = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * A screenshot at 1440×900: into docs/screenshots/ when `docs` (the README shows them; each run
 * overwrites them), else into $TMPDIR/liaison-e2e-shots to look at after a run. Charts, fonts
 * and popovers settle first; toasts are hidden. `fullPage` for cards below the fold.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { docs?: boolean; fullPage?: boolean } = {},
) {
  const dir = options.docs ? docShots : reviewShots;
  mkdirSync(dir, { recursive: true });
  await page.mouse.move(1439, 899);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  await page.screenshot({
    path: join(dir, `${name}.png`),
    fullPage: options.fullPage ?? false,
    style: '.mantine-Notifications-root { display: none; }',
  });
}
