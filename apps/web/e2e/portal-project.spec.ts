import { expect, test } from '@playwright/test';
import { getJson, screenshot, signIn, TAM } from './demo.ts';
import { signedInCustomer, tamAccount } from './portal-helpers.ts';

// The customer's collaboration project in the portal (docs/portal.md, Projects in the portal):
// the customer reads the README and milestones on the home, opens a question for the account
// team (a template fills the description, a label picked among the project's), comments on it,
// attaches a log and reads the TAM's answer and file — never the TAM's internal note; a problem
// with the product goes to support instead (LIAISON_SUPPORT_URL, set in playwright.config.ts).
test.describe.configure({ mode: 'serial' });

interface StaffProject {
  id: string;
  name: string;
  milestones: { title: string }[];
}

test('a customer reads the project, opens a question, comments, attaches a file and reads the answer', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, TAM);
  const account = await tamAccount(page);
  // The account's project, created by the TAM when the demo gave it none (one per account).
  let project = (await getJson<{ items: StaffProject[] }>(page, `/api/v1/accounts/${account.id}/projects`))
    .items[0];
  if (!project) {
    const created = await page.request.post(`/api/v1/accounts/${account.id}/projects`, { data: {} });
    expect(created.status()).toBe(201);
    project = (await created.json()) as StaffProject;
  }
  const milestone = project.milestones[0]!.title;

  const customer = await signedInCustomer(page, browser, baseURL!, account.id, 'Grace Lindqvist');
  await expect(customer.getByRole('heading', { name: 'Welcome, Grace' })).toBeVisible();
  const readme = customer.getByTestId('portal-readme');
  await expect(readme.getByRole('heading').first()).toBeVisible();
  await expect(readme).toContainText(project.name);
  await expect(customer.getByTestId('portal-milestones')).toContainText(milestone);
  await expect(customer.getByTestId('portal-tam-card')).toBeVisible();
  await expect(
    customer.getByTestId('portal-open-issues').getByRole('link', { name: 'All issues' }),
  ).toBeVisible();
  await screenshot(customer, '49-portal-project', { docs: true });

  // A question for the account team: the template fills the description; a label is picked.
  await customer.getByRole('link', { name: 'New issue' }).click();
  await expect(customer).toHaveURL(/\/issues\/new$/);
  await customer.getByRole('radio', { name: 'A question or request for your account team' }).click();
  const form = customer.getByRole('form', { name: 'New issue' });
  // A chip's input is visually hidden: its label is what a person clicks.
  await form.getByText('Question', { exact: true }).click();
  const description = form.getByRole('textbox', { name: 'Description' });
  await expect(description).toHaveValue(/## Your question/);
  await form.getByRole('textbox', { name: /^Title/ }).fill('How should we size our build runners?');
  await description.fill('## Your question\n\nWe have **40 teams** sharing runners. How many do we need?');
  await form.getByRole('radio', { name: 'question', exact: true }).check();
  await screenshot(customer, '50-portal-new-issue', { docs: true });
  await form.getByRole('button', { name: 'Open the issue' }).click();

  await expect(customer).toHaveURL(/\/issues\/\d+$/);
  const number = Number(/\/issues\/(\d+)$/.exec(customer.url())![1]);
  const issue = customer.getByTestId('portal-issue');
  await expect(issue.getByRole('heading', { name: /How should we size our build runners\?/ })).toBeVisible();
  await expect(issue.getByTestId('portal-issue-description').locator('strong')).toHaveText('40 teams');
  await expect(issue).toContainText('question');

  // A comment appears at once.
  await customer.getByRole('textbox', { name: 'Your comment' }).fill('Most teams build **twice a day**.');
  await customer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(issue.getByTestId('portal-comment')).toHaveCount(1);
  await expect(issue.getByTestId('portal-comment').first().locator('strong')).toHaveText('twice a day');
  await expect(customer.getByRole('textbox', { name: 'Your comment' })).toHaveValue('');

  // The customer attaches a log: it is listed at once, and the TAM has it on the staff issue.
  const chooser = customer.waitForEvent('filechooser');
  await issue.getByRole('button', { name: 'Attach a file' }).click();
  await (await chooser).setFiles({
    name: 'runner-log.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('runner exited with code 137\n'),
  });
  await expect(
    issue.getByTestId('portal-attachments').getByRole('link', { name: /runner-log\.txt/ }),
  ).toBeVisible();
  const staffIssue = await getJson<{ attachments: { fileName: string; author: { kind: string } }[] }>(
    page,
    `/api/v1/projects/${project.id}/issues/${number}`,
  );
  expect(staffIssue.attachments).toEqual([
    expect.objectContaining({
      fileName: 'runner-log.txt',
      author: expect.objectContaining({ kind: 'contact' }),
    }),
  ]);

  // The TAM answers, and leaves an internal note the customer never sees.
  const comments = `/api/v1/projects/${project.id}/issues/${number}/comments`;
  const answer = await page.request.post(comments, {
    data: { body: 'Start with **eight** runners; we will review the queue times together.' },
  });
  expect(answer.status()).toBe(201);
  const note = await page.request.post(comments, { data: { body: 'Upsell: runner add-on', internal: true } });
  expect(note.status()).toBe(201);
  const file = { name: 'runner-sizing.csv', contentType: 'text/csv', base64: btoa('team,builds\nweb,12\n') };
  const attached = await page.request.post(`/api/v1/projects/${project.id}/issues/${number}/attachments`, {
    data: { file },
  });
  expect(attached.status()).toBe(201);
  await customer.reload();
  const download = issue.getByRole('link', { name: /runner-sizing\.csv/ });
  const href = (await download.getAttribute('href'))!;
  expect(href).toMatch(new RegExp(`^/api/v1/portal/projects/${project.id}/attachments/`));
  expect(await (await customer.request.get(href)).text()).toContain('web,12');
  await expect(issue.getByTestId('portal-comment')).toHaveCount(2);
  await expect(issue.getByTestId('portal-comment').nth(1)).toContainText('account team');
  await expect(issue.getByTestId('portal-comment').nth(1).locator('strong')).toHaveText('eight');
  await expect(issue).not.toContainText('Upsell');
  await screenshot(customer, '51-portal-issue', { docs: true, fullPage: true });

  // The issues list: the new issue, with its comment count; All shows it too.
  await issue.getByRole('link', { name: 'All issues' }).click();
  const row = customer.getByRole('row').filter({ hasText: 'How should we size our build runners?' });
  await expect(row).toContainText('Grace Lindqvist');
  await expect(row).toContainText('2 comments');
  await customer.getByText('All', { exact: true }).click();
  await expect(customer).toHaveURL(/state=all/);
  await expect(row).toBeVisible();

  // A problem with the product goes to support, in a new tab.
  await customer.getByRole('link', { name: 'New issue' }).click();
  await customer.getByRole('radio', { name: /A problem with the product/ }).click();
  const support = customer.getByRole('link', { name: 'Open a support ticket' });
  await expect(support).toHaveAttribute('href', 'https://support.northwind.example');
  await expect(support).toHaveAttribute('target', '_blank');
  await expect(customer.getByRole('form', { name: 'New issue' })).toHaveCount(0);

  // Another number, or another project: not found, as the server says.
  await customer.goto(`/portal/projects/${project.id}/issues/99999`);
  await expect(customer.getByRole('heading', { name: 'Issue not found' })).toBeVisible();
  await customer.goto('/portal/projects/00000000-0000-4000-8000-000000000000/issues');
  await expect(customer.getByRole('heading', { name: 'Project not found' })).toBeVisible();
  await customer.context().close();
});
