import { expect, type Page, test } from '@playwright/test';
import { getJson, MANAGER, screenshot, signIn, TAM } from './demo.ts';

// Notifications in the web app (issue #16): the TAM chooses how she hears of a red health, her
// manager turns one of her accounts red, and she finds it under the bell, clicks through, and
// the unread count drops. The health turn is an event from the assessment's trigger, dispatched
// by the demo server's job queue within seconds.

interface PortfolioItem {
  accountId: string;
  name: string;
  healthColour: string | null;
}

const unreadCount = async (page: Page) =>
  (await getJson<{ count: number }>(page, '/api/v1/notifications/unread-count')).count;

test('a red health reaches the account’s TAM under the bell, per her preferences', async ({ browser }) => {
  const tamPage = await (await browser.newContext()).newPage();
  await signIn(tamPage, TAM);

  // Her preferences: a red health in the app only (no e-mail).
  await tamPage.goto('/settings/notifications');
  const red = tamPage.getByRole('radiogroup', { name: 'Health turning red' });
  await red.getByText('In the app', { exact: true }).click();
  await tamPage.getByRole('combobox', { name: 'Time zone' }).fill('America/Chi');
  await tamPage.getByRole('option', { name: 'America/Chicago', exact: true }).click();
  await tamPage.getByRole('button', { name: 'Save' }).click();
  await expect(tamPage.getByText('Notification preferences saved')).toBeVisible();
  const saved = await getJson<{ channels: Record<string, string>; timeZone: string }>(
    tamPage,
    '/api/v1/me/notification-preferences',
  );
  expect(saved).toMatchObject({ channels: { 'health.red': 'in_app' }, timeZone: 'America/Chicago' });
  await screenshot(tamPage, '35-notification-preferences', { docs: true });

  // One of her green accounts (the last: other flows take the first ones).
  const portfolio = await getJson<{ items: PortfolioItem[] }>(tamPage, '/api/v1/portfolio');
  const account = portfolio.items.filter((item) => item.healthColour === 'green').at(-1);
  expect(account, 'the demo TAM has a green account').toBeTruthy();
  const before = await unreadCount(tamPage);

  // Her manager hears the customer has gone quiet: a red sentiment, so a red health.
  const managerPage = await (await browser.newContext()).newPage();
  await signIn(managerPage, MANAGER);
  await managerPage.goto(`/accounts/${account!.accountId}`);
  const sentiment = managerPage.getByTestId('sentiment-card');
  await sentiment.getByText('Red', { exact: true }).click();
  await sentiment.getByLabel('Why').fill('The sponsor stopped answering; renewal in doubt.');
  await sentiment.getByRole('button', { name: 'Update sentiment' }).click();
  await expect(managerPage.getByTestId('current-sentiment')).toHaveText('Red');

  // The bell shows it (it polls every 30 s; a reload asks at once).
  const bell = tamPage.getByRole('link', { name: /^Notifications/ });
  await expect(async () => {
    await tamPage.goto('/week');
    await expect(bell).toHaveAccessibleName(`Notifications: ${before + 1} unread`, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });

  await bell.click();
  await expect(tamPage).toHaveURL(/\/notifications$/);
  const item = tamPage.getByRole('button', { name: `Unread: Health turned red: ${account!.name}` });
  await expect(item).toBeVisible();
  await screenshot(tamPage, '34-notifications', { docs: true });

  await item.click();
  await expect(tamPage).toHaveURL(new RegExp(`/accounts/${account!.accountId}`));
  await expect(bell).toHaveAccessibleName(before === 0 ? 'Notifications' : `Notifications: ${before} unread`);
  expect(await unreadCount(tamPage)).toBe(before);
});
