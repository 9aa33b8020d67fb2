import { expect, test } from '@playwright/test';
import { choose, getJson, screenshot, signIn, TAM } from './demo.ts';

// The account team meeting (issue #15): the TAM opens the agenda the server wrote for one of her
// teams, takes a note, decides, assigns an action item and saves; the account's timeline gets
// the meeting, the owner gets the task, and the agenda of the next meeting carries it.

interface AccountTeam {
  key: string;
  accounts: { accountId: string; name: string }[];
  owner: { userId: string; name: string } | null;
}
interface Agenda {
  sections: { section: string; items: { key: string; title: string; accountId: string | null }[] }[];
}

test('a TAM holds an account team meeting from the agenda Liaison wrote', async ({ page }) => {
  await signIn(page, TAM);
  const teams = (await getJson<{ items: AccountTeam[] }>(page, '/api/v1/account-teams')).items;
  const team = teams[0]!;
  const agenda = await getJson<Agenda>(page, `/api/v1/account-teams/${team.key}/agenda`);
  const first = agenda.sections.flatMap((section) => section.items).find((item) => item.accountId)!;
  const account = team.accounts.find((candidate) => candidate.accountId === first.accountId)!;

  await page.getByRole('link', { name: 'Team meeting', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account team meeting' })).toBeVisible();
  const item = page.getByTestId(`agenda-${first.key}`);
  await expect(item).toBeVisible();
  await item.getByRole('textbox').fill('Discussed with the whole team; follow up next week.');
  await page.getByRole('textbox', { name: 'Decisions' }).fill('Review this account again next meeting');
  await page
    .getByRole('textbox', { name: 'Action item 1', exact: true })
    .fill('Send the recap to the customer');
  await choose(page, page, 'Owner of action item 1', 'Priya Natarajan');
  await choose(page, page, 'Account of action item 1', account.name);
  await screenshot(page, '31-team-meeting', { docs: true });
  await page.getByRole('button', { name: 'Save the meeting' }).click();

  const markdown = page.getByTestId('meeting-markdown');
  await expect(markdown).toContainText('Note: Discussed with the whole team; follow up next week.');
  await expect(markdown).toContainText('- Send the recap to the customer (Priya Natarajan)');
  await expect(page.getByText(/Logged on \d+ accounts?; 1 task created\./)).toBeVisible();

  const activities = await getJson<{
    items: { kind: string; summary: string; actionItems: { text: string }[] }[];
  }>(page, `/api/v1/accounts/${account.accountId}/activities`);
  expect(activities.items[0]).toMatchObject({
    kind: 'meeting',
    summary: 'Account team meeting',
    actionItems: [expect.objectContaining({ text: 'Send the recap to the customer' })],
  });
  const tasks = await getJson<{ items: { title: string }[] }>(
    page,
    '/api/v1/tasks?owner=me&source=action_item&limit=100',
  );
  expect(tasks.items.map((task) => task.title)).toContain('Send the recap to the customer');

  await page.getByRole('button', { name: 'Back to the agenda' }).click();
  await expect(page.getByText('Carried over from the last meeting')).toBeVisible();
  await expect(page.getByText('Send the recap to the customer').first()).toBeVisible();
});
