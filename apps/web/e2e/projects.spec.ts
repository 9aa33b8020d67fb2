import { expect, test } from '@playwright/test';
import { screenshot, signIn, TAM } from './demo.ts';
import { enterpriseProspect, SA } from './journey-helpers.ts';

// Collaboration projects (docs/projects.md) in Chromium: an SA creates the pre-sales project from
// the Enterprise template on a prospect; closing the opportunity won moves it to post-sales under
// the TAM; the Welcome call issue is there. Then the TAM's list of customers waiting for an answer.
test.describe.configure({ mode: 'serial' });

test('an SA creates a pre-sales project; closed-won hands it to the TAM with the Welcome call', async ({
  page,
  browser,
}) => {
  // The scene, through the API: an Enterprise prospect with its SA and TAM, and a deal negotiating.
  const { account, deal } = await enterpriseProspect(browser, 'Northwind Robotics', 320_000);

  await signIn(page, SA);
  await page.goto(`/accounts/${account.id}?tab=project`);
  const tab = page.getByTestId('project-tab');
  await expect(tab).toContainText('Enterprise collaboration project');
  await tab.getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByTestId('project-phase')).toHaveText('Pre-sales');
  await expect(page.getByTestId('project-owner')).toContainText('Owner: Elliot Park');
  await expect(page.getByTestId('project-readme')).toContainText(
    `${account.name} and our collaboration project`,
  );
  await expect(page.getByTestId('project-issues')).toContainText('Welcome call');

  // The SA works on the team: closing the deal won (through the API, as the SA) is the purchase.
  const won = await page.request.patch(`/api/v1/opportunities/${deal.id}`, {
    data: { stage: 'closed_won', version: deal.version },
  });
  expect(won.status(), await won.text()).toBe(200);
  await page.reload();
  await expect(page.getByTestId('project-phase')).toHaveText('Post-sales');
  await expect(page.getByTestId('project-owner')).toContainText('Owner: Priya Natarajan');

  await page.getByTestId('project-issues').getByText('Welcome call', { exact: true }).click();
  const issue = page.getByTestId('project-issue');
  await expect(issue).toContainText('#1 Welcome call');
  await expect(issue).toContainText('Priya Natarajan');
  // An internal note is marked as such, and the customer never sees it.
  await issue.getByRole('switch', { name: 'Internal note' }).check({ force: true });
  await issue.getByRole('textbox').fill('Book the **Tuesday** slot; the CTO joins.');
  await issue.getByRole('button', { name: 'Add note' }).click();
  await expect(issue.getByTestId('internal-note')).toContainText('Internal note · staff only');
  await screenshot(page, '38-project', { docs: true, fullPage: true });
});

test('the TAM sees the customers waiting on her, with the SLA', async ({ page }) => {
  await signIn(page, TAM);
  await page.goto('/customer-issues');
  const list = page.getByTestId('customer-issues');
  await expect(list).toContainText('How should we size our CI runners?');
  await expect(list).toContainText(/overdue by/);
  await screenshot(page, '39-customer-issues', { docs: true });
  await list.getByRole('link', { name: /How should we size our CI runners/ }).click();
  await expect(page.getByTestId('issue-waiting')).toContainText(/Customer waiting .* overdue by/);
  await expect(page.getByTestId('internal-note')).toBeVisible();
});
