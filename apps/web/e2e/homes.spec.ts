import { expect, test } from '@playwright/test';
import { money } from '../src/format.ts';
import { getJson, MANAGER, screenshot, signIn, VIEWER } from './demo.ts';
import { AE, SA } from './journey-helpers.ts';

// A home for every role (issue #15): each demo role lands on its home with real content, and a
// SAL reads their renewals. Read-only against the demo book.
const SAL = 'ryan.castillo@liaison.example';

interface Home {
  view: string;
  views: { view: string; label: string }[];
  renewals: {
    windows: { days: number; accounts: number; arr: number }[];
    accounts: { name: string }[];
  } | null;
  myAccounts: unknown[] | null;
  presales: { name: string }[] | null;
  arrAtRisk: { flagged: { arr: number } } | null;
  book: { accounts: number } | null;
}

const roles = [
  { who: 'SAL', email: SAL, view: 'account_owner', shot: '24-home-sal', section: 'home-renewals' },
  // The AE's screenshot shows the pipeline (the SAL's shows the renewals at the top).
  { who: 'AE', email: AE, view: 'account_owner', shot: '25-home-ae', section: 'home-pipeline', scroll: true },
  { who: 'SA', email: SA, view: 'sa', shot: '26-home-sa', section: 'home-presales' },
  {
    who: 'TAM manager',
    email: MANAGER,
    view: 'manager',
    shot: '27-home-manager',
    section: 'home-arr-at-risk',
  },
  { who: 'viewer', email: VIEWER, view: 'viewer', shot: '28-home-viewer', section: 'home-book' },
];

for (const role of roles) {
  test(`a ${role.who} lands on their home with real content`, async ({ page }) => {
    await signIn(page, role.email);
    await expect(page).toHaveURL(/\/home$/);
    const home = page.getByTestId('home');
    await expect(home).toHaveAttribute('data-view', role.view);
    const served = await getJson<Home>(page, '/api/v1/home');
    // The title and the switcher are the server's labels.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(served.views[0]!.label);
    await expect(home.getByTestId(role.section)).toBeVisible();
    await expect(home.getByTestId(role.section).locator('tbody tr, [data-key]').first()).toBeVisible();
    if ('scroll' in role)
      await home.getByTestId(role.section).evaluate((card) => card.scrollIntoView({ block: 'start' }));
    await screenshot(page, role.shot, { docs: true });
  });
}

test('a SAL reads renewals by window, with days left, ARR, health and the renewal obligations', async ({
  page,
}) => {
  await signIn(page, SAL);
  const served = await getJson<Home>(page, '/api/v1/home');
  const renewals = served.renewals!;
  expect(renewals.windows.map((window) => window.days)).toEqual([30, 60, 90, 180]);
  for (const window of renewals.windows) {
    const card = page.getByTestId(`renewal-window-${window.days}`);
    await expect(card).toContainText(money(window.arr));
    await expect(card).toContainText(`${window.accounts} account`);
  }
  const rows = page.getByRole('table', { name: 'Renewals' }).locator('tbody tr');
  await expect(rows).toHaveCount(Math.min(renewals.accounts.length, 20));
  await expect(rows.first()).toContainText(renewals.accounts[0]!.name);

  // Another view the role allows, by the server's label; then back.
  const other = served.views.find((view) => view.view !== served.view)!;
  await page.getByText(other.label, { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`view=${other.view}`));
  await expect(page.getByTestId('home')).toHaveAttribute('data-view', other.view);
  await page.getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByTestId('home')).toHaveAttribute('data-view', served.view);
});

test('a TAM manager opens a TAM’s home from their team, read-only, as the TAM sees it', async ({ page }) => {
  await signIn(page, MANAGER);
  const team = page.getByTestId('home-team');
  await team.getByRole('link', { name: 'Priya Natarajan', exact: true }).click();
  await expect(page).toHaveURL(/userId=/);
  const home = page.getByTestId('home');
  await expect(home).toHaveAttribute('data-view', 'tam');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan’s home');
  await expect(home.getByText('Read-only')).toBeVisible();
  await expect(home.getByTestId('home-work')).toContainText('Their work');
  // Her worklist and portfolio, one click on.
  await home.getByRole('button', { name: 'Open their worklist and portfolio' }).click();
  await expect(page).toHaveURL(/\/week\?owner=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Priya Natarajan’s week');
});
