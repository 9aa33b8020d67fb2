import { type Browser, expect, type Locator, type Page } from '@playwright/test';
import { choose, getJson, MANAGER, signIn } from './demo.ts';

// The journey flows' shared moves: other people's sessions, API writes that set the scene, and
// the clicks on one step of a workflow on the Journey tab.

export const AE = 'tyler.brooks@liaison.example';
export const SA = 'elliot.park@liaison.example';

export interface User {
  id: string;
  name: string;
}

/** Another person's browser session (its own cookies), signed in. */
export async function sessionOf(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export async function userNamed(page: Page, name: string): Promise<User> {
  const users = await getJson<{ items: User[] }>(page, '/api/v1/users');
  const user = users.items.find((candidate) => candidate.name === name);
  expect(user, `the demo book has ${name}`).toBeTruthy();
  return user!;
}

/** A write through the API as the page's user; fails the test on anything but 2xx. */
export async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), `POST ${path}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** One step of a running workflow on the Journey tab. */
export const stepOf = (page: Page, kind: string, stepId: string): Locator =>
  page.getByTestId(`workflow-${kind}`).getByTestId(`step-${stepId}`);

/** The person a step names as responsible (its first RACI chip). */
export const responsibleOf = (step: Locator) => step.getByTestId('raci').locator('[data-role]').first();

/** Clicks the step's "Mark done" (or `button`); the last step moves its workflow to the finished list. */
export async function markDone(
  page: Page,
  kind: string,
  stepId: string,
  { button = 'Mark done', last = false }: { button?: string; last?: boolean } = {},
) {
  const step = stepOf(page, kind, stepId);
  await step.getByRole('button', { name: button }).click();
  if (last) await expect(page.getByTestId(`workflow-${kind}`)).toHaveCount(0);
  else await expect(step).toHaveAttribute('data-state', 'done');
}

export async function openJourney(page: Page, accountId: string) {
  await page.goto(`/accounts/${accountId}?tab=journey`);
  await expect(page.getByTestId('journey')).toBeVisible();
}

/** Attaches a link as the step's artefact through its "Add artefact" dialog. */
export async function attachLink(page: Page, step: Locator, title: string, url: string) {
  await step.getByRole('button', { name: 'Add artefact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add artefact' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('textbox', { name: 'URL' }).fill(url);
  await dialog.getByRole('button', { name: 'Attach' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(step.getByTestId('artefact').filter({ hasText: title })).toBeVisible();
}

/** Records the caller's sign-off on the step (the role the dialog offers first, or `role`). */
export async function signOff(page: Page, step: Locator, role?: string, contact?: string) {
  await step.getByRole('button', { name: 'Record sign-off' }).click();
  const dialog = page.getByRole('dialog', { name: /^Sign off step/ });
  if (role) await choose(page, dialog, 'Signing as', role);
  if (contact) await choose(page, dialog, 'Customer contact who signed', contact);
  await dialog.getByRole('button', { name: 'Record sign-off' }).click();
  await expect(dialog).toHaveCount(0);
}

/**
 * The collaboration project's scene, through the API as the TAM manager (docs/projects.md): an
 * Enterprise prospect named `name` with Elliot Park as its SA and Priya Natarajan as its TAM, and
 * a new-business deal negotiating. Returns the manager's page (to add more), the account and deal.
 */
export async function enterpriseProspect(browser: Browser, name: string, arr: number) {
  const manager = await sessionOf(browser, MANAGER);
  const account = await post<{ id: string; name: string }>(manager, '/api/v1/accounts', {
    name: `${name} ${Date.now().toString(36)}`,
    segment: 'enterprise',
    region: 'noram',
    relationshipStage: 'opportunity',
    plan: 'ultimate',
    arr,
  });
  const elliot = await userNamed(manager, 'Elliot Park');
  const priya = await userNamed(manager, 'Priya Natarajan');
  await post(manager, `/api/v1/accounts/${account.id}/team`, { userId: elliot.id, role: 'sa' });
  await post(manager, `/api/v1/accounts/${account.id}/team`, { userId: priya.id, role: 'tam' });
  const deal = await post<{ id: string; version: number }>(
    manager,
    `/api/v1/accounts/${account.id}/opportunities`,
    {
      name: 'Platform deal',
      type: 'new_business',
      stage: 'negotiating',
      closeDate: '2026-12-31',
      amount: arr,
    },
  );
  return { manager, account, deal };
}
