import { expect, test } from '@playwright/test';
import { choose, screenshot, signIn, TAM } from './demo.ts';
import { enterpriseProspect, post, SA } from './journey-helpers.ts';
import { mailTo } from './mail-catcher.ts';

// Issue #17's whole story in Chromium (docs/projects.md, docs/portal.md): the SA creates the
// pre-sales project from the Enterprise template; closing the opportunity won moves it to
// post-sales under the TAM, with the Welcome call; the TAM invites a contact — the invitation
// arrives at a real SMTP server —; the customer sets a password, signs in at /portal and opens an
// issue; it waits on the TAM's list; the TAM answers from the Project tab; the first response is
// recorded, the list item clears, and the customer's answer arrives by e-mail.
test.describe.configure({ mode: 'serial' });

test('from the SA’s pre-sales project to a customer’s question answered by the TAM', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  // The scene, through the API: an Enterprise prospect with its SA and TAM, and a deal negotiating.
  const { manager, account, deal } = await enterpriseProspect(browser, 'Contoso Logistics', 410_000);
  const email = `maya.${Date.now()}@contoso.example`;
  await post(manager, `/api/v1/accounts/${account.id}/contacts`, {
    name: 'Maya Chen',
    email,
    title: 'Head of Platform',
  });
  await manager.context().close();

  // The SA creates the pre-sales project from the Enterprise template.
  await signIn(page, SA);
  await page.goto(`/accounts/${account.id}?tab=project`);
  await expect(page.getByTestId('project-tab')).toContainText('Enterprise collaboration project');
  await page.getByTestId('project-tab').getByRole('button', { name: 'Create the project' }).click();
  await expect(page.getByTestId('project-phase')).toHaveText('Pre-sales');
  await expect(page.getByTestId('project-owner')).toContainText('Owner: Elliot Park');
  // Closed won: the purchase moves it to post-sales under the TAM, with the Welcome call.
  const won = await page.request.patch(`/api/v1/opportunities/${deal.id}`, {
    data: { stage: 'closed_won', version: deal.version },
  });
  expect(won.status(), await won.text()).toBe(200);

  // The TAM finds it post-sales and hers, and invites the contact to the portal.
  const tam = await (await browser.newContext()).newPage();
  await signIn(tam, TAM);
  await tam.goto(`/accounts/${account.id}?tab=project`);
  await expect(tam.getByTestId('project-phase')).toHaveText('Post-sales');
  await expect(tam.getByTestId('project-owner')).toContainText('Owner: Priya Natarajan');
  await expect(tam.getByTestId('project-issues')).toContainText('Welcome call');
  await tam.goto(`/accounts/${account.id}?tab=people`);
  const card = tam.getByTestId('customer-portal-card');
  await card.getByRole('button', { name: 'Invite a contact' }).click();
  await choose(tam, card, 'Contact to invite', `Maya Chen — ${email}`);
  await card.getByRole('button', { name: 'Send invitation' }).click();
  await expect(card.getByRole('row').filter({ hasText: 'Maya Chen' })).toContainText('invited');

  // The invitation arrives over SMTP; its link sets the password and signs her in.
  const invitation = await mailTo(email, /invitation to the customer portal/);
  const link = /https?:\/\/\S+\/portal\/invite\/[\w-]+/.exec(invitation.text ?? '')![0];
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(new URL(link).pathname);
  await customer.getByRole('textbox', { name: /^Password/ }).fill('maya customer password');
  await customer.getByRole('textbox', { name: /^Repeat the password/ }).fill('maya customer password');
  await customer.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(customer.getByRole('heading', { name: 'Welcome, Maya' })).toBeVisible();
  await expect(customer.getByTestId('portal-readme')).toContainText(account.name);

  // She opens a question for her account team.
  await customer.getByRole('link', { name: 'New issue' }).click();
  await customer.getByRole('radio', { name: 'A question or request for your account team' }).click();
  const form = customer.getByRole('form', { name: 'New issue' });
  await form
    .getByRole('textbox', { name: /^Title/ })
    .fill('Can we mirror our Jenkins jobs during the migration?');
  await form.getByRole('textbox', { name: 'Description' }).fill('We run **300** Jenkins jobs today.');
  await form.getByRole('button', { name: 'Open the issue' }).click();
  await expect(customer).toHaveURL(/\/issues\/\d+$/);
  const title = 'Can we mirror our Jenkins jobs during the migration?';

  // It waits on the TAM's list (My week: customers waiting on me), due within the playbook's SLA.
  await tam.goto('/week');
  const respond = tam.getByRole('link', { name: `Respond to ${account.name}: ${title}` });
  await expect(respond).toBeVisible();
  await expect(respond.locator('..')).toContainText(/due in \d/);
  await screenshot(tam, '52-respond-to-customer', { docs: true });

  // The TAM answers from the account's Project tab.
  await tam.goto(`/accounts/${account.id}?tab=project`);
  await tam.getByTestId('project-issues').getByText(title, { exact: true }).click();
  const issue = tam.getByTestId('project-issue');
  await expect(issue.getByTestId('issue-waiting')).toContainText('Customer waiting');
  await issue
    .getByRole('textbox', { name: /Comment \(the customer sees it\)/ })
    .fill('Yes: keep Jenkins running and trigger it from the new pipelines until each team has moved.');
  await issue.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(issue).toContainText(/First response in/);
  await expect(issue.getByTestId('issue-waiting')).toHaveCount(0);
  await screenshot(tam, '53-project-answered', { docs: true, fullPage: true });

  // The list item is gone; the customer reads the answer and has it by e-mail.
  await tam.goto('/week');
  await expect(tam.getByRole('link', { name: `Respond to ${account.name}: ${title}` })).toHaveCount(0);
  const answered = await mailTo(email, /Priya Natarajan answered/);
  expect(answered.text).toContain('keep Jenkins running');
  await customer.reload();
  await expect(customer.getByTestId('portal-issue')).toContainText('keep Jenkins running');
});
