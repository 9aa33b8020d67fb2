import { expect, type Page, test } from '@playwright/test';
import { dayOf } from '../src/format.ts';
import { choose, getJson, screenshot, signIn, TAM } from './demo.ts';
import { post } from './journey-helpers.ts';

// The task list in the web app (issue #15): a call's action items become tasks, the TAM ticks
// hers off on My week, the account and its timeline follow; snoozing and a stale tick.
// Runs against the demo book; the tests share one server.
test.describe.configure({ mode: 'serial' });

interface Account {
  id: string;
  name: string;
  team: { userId: string; userName: string; role: string }[];
  contacts: { id: string; name: string }[];
}
interface TaskItem {
  key: string;
  title: string;
  status: string;
  overdue: boolean;
  snoozedUntil: string | null;
  owner: { kind: string; name: string } | null;
  task: { id: string; version: number; activityId: string | null } | null;
}

const addDays = (days: number) => dayOf(new Date(Date.now() + days * 86_400_000));

/** The demo TAM's first account with a colleague on its team and a customer contact. */
async function accountWithTeamAndContacts(page: Page): Promise<Account> {
  const portfolio = await getJson<{ items: { accountId: string }[] }>(page, '/api/v1/portfolio');
  for (const { accountId } of portfolio.items) {
    const account = await getJson<Account>(page, `/api/v1/accounts/${accountId}`);
    if (account.contacts.length > 0 && account.team.some((member) => member.role !== 'tam')) return account;
  }
  throw new Error('the demo TAM has no account with a colleague and a contact');
}

const myTasks = (page: Page) => page.getByTestId('my-tasks');
const row = (scope: Page | ReturnType<Page['getByTestId']>, title: string) =>
  scope.getByTestId('task-row').filter({ hasText: title });

test('a call’s three action items become tasks; the TAM ticks hers off on My week', async ({ page }) => {
  await signIn(page, TAM);
  const account = await accountWithTeamAndContacts(page);
  const me = account.team.find((member) => member.role === 'tam')!;
  const colleague = account.team.find((member) => member.role !== 'tam')!;
  const contact = account.contacts[0]!;
  const items = [
    { text: `Send the runbook`, owner: me.userName },
    { text: `Book the architecture review`, owner: colleague.userName },
    { text: `Confirm the pilot teams`, owner: contact.name },
  ];

  await page.goto(`/accounts/${account.id}?tab=timeline`);
  const form = page.getByRole('form', { name: 'Log activity' });
  const summary = `Cadence call: pilot plan`;
  await form.getByLabel('Summary').fill(summary);
  for (const [index, item] of items.entries()) {
    const n = index + 1;
    await form.getByRole('button', { name: 'Add action item' }).click();
    await form.getByLabel(`Action item ${n}`, { exact: true }).fill(item.text);
    await choose(page, form, `Owner of action item ${n}`, item.owner);
    await form.getByLabel(`Due date of action item ${n}`).fill(addDays(3));
  }
  await form.getByRole('button', { name: 'Log activity' }).click();
  await expect(page.getByTestId('timeline')).toContainText(summary);

  // Three tasks on the account: two for staff, one for the customer's contact.
  const listed = await getJson<{ items: TaskItem[] }>(
    page,
    `/api/v1/tasks?accountId=${account.id}&limit=100`,
  );
  const made = items.map((item) => listed.items.find((task) => task.title === item.text)!);
  expect(made.map((task) => [task.owner?.kind, task.owner?.name])).toEqual([
    ['staff', me.userName],
    ['staff', colleague.userName],
    ['contact', contact.name],
  ]);

  // My week lists the TAM's own, not her colleague's; she ticks hers off.
  await page.getByRole('link', { name: 'My week' }).click();
  await expect(row(myTasks(page), items[0]!.text)).toBeVisible();
  await expect(row(myTasks(page), items[1]!.text)).toHaveCount(0);
  await myTasks(page).evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await screenshot(page, '29-my-week-tasks', { docs: true });
  await myTasks(page)
    .getByRole('checkbox', { name: `Done: ${items[0]!.text}` })
    .click();
  await expect(row(myTasks(page), items[0]!.text)).toHaveCount(0);
  const done = await getJson<{ status: string }>(page, `/api/v1/tasks/${made[0]!.task!.id}`);
  expect(done.status).toBe('done');

  // The account's Tasks tab: the other two open (the customer's marked), hers among the done.
  await page.goto(`/accounts/${account.id}?tab=tasks`);
  const tab = page.getByTestId('account-tasks');
  await expect(row(tab, items[1]!.text)).toBeVisible();
  await expect(row(tab, items[2]!.text)).toContainText('customer');
  await expect(row(tab.getByRole('table', { name: 'Open tasks' }), items[0]!.text)).toHaveCount(0);
  await tab.getByRole('button', { name: 'Show done' }).click();
  await expect(row(tab.getByRole('table', { name: 'Done tasks' }), items[0]!.text)).toBeVisible();
  await screenshot(page, '30-account-tasks', { docs: true });

  // The timeline's activity shows the item done, and the history has the change.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const activity = page.locator(`[data-testid="activity"][data-id="${made[0]!.task!.activityId}"]`);
  const itemLine = (text: string) => activity.locator('.mantine-Group-root').filter({ hasText: text });
  await expect(itemLine(items[0]!.text).getByLabel('done')).toBeVisible();
  await expect(itemLine(items[1]!.text).getByLabel('open')).toBeVisible();
  const history = await getJson<{ items: { entityType: string; entityId: string }[] }>(
    page,
    `/api/v1/accounts/${account.id}/history?limit=30`,
  );
  expect(
    history.items.some((entry) => entry.entityType === 'task' && entry.entityId === made[0]!.task!.id),
  ).toBe(true);

  // Reopened from the account's done list, it is open again on the activity too.
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await tab.getByRole('button', { name: 'Show done' }).click();
  await tab
    .getByRole('table', { name: 'Done tasks' })
    .getByRole('checkbox', { name: `Reopen: ${items[0]!.text}` })
    // A click, not uncheck(): the box is the server's state, and its row leaves the done list once
    // the server answers (uncheck() insists on seeing the box itself change, which under load it
    // may not before the row is gone).
    .click();
  await expect(row(tab.getByRole('table', { name: 'Open tasks' }), items[0]!.text)).toBeVisible();
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(itemLine(items[0]!.text).getByLabel('open')).toBeVisible();
});

test('tasks are added by hand: on My week with an account, on an account for a customer contact', async ({
  page,
}) => {
  await signIn(page, TAM);
  const account = await accountWithTeamAndContacts(page);
  const contact = account.contacts[0]!;

  await page.goto('/week');
  await myTasks(page).getByRole('button', { name: 'Add task' }).click();
  const form = myTasks(page).getByRole('form', { name: 'Add task' });
  await form.getByLabel('Task title').fill('Prepare the renewal pricing options');
  await form.getByLabel('Task account').fill(account.name.slice(0, 12));
  await page.getByRole('option', { name: account.name, exact: true }).click();
  await form.getByLabel('Task due date').fill(addDays(5));
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  const added = row(myTasks(page), 'Prepare the renewal pricing options');
  await expect(added).toContainText(account.name);

  await page.goto(`/accounts/${account.id}?tab=tasks`);
  const tab = page.getByTestId('account-tasks');
  await expect(row(tab, 'Prepare the renewal pricing options')).toBeVisible();
  await tab.getByRole('button', { name: 'Add task' }).click();
  const accountForm = tab.getByRole('form', { name: 'Add task' });
  await accountForm.getByLabel('Task title').fill('Share the SSO metadata');
  await choose(page, accountForm, 'Task owner', contact.name);
  await accountForm.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(row(tab, 'Share the SSO metadata')).toContainText(contact.name);
  await expect(row(tab, 'Share the SSO metadata')).toContainText('customer');
});

test('snoozing moves a task out of overdue; a stale tick refreshes with a notice', async ({ page }) => {
  await signIn(page, TAM);
  const late = await post<{ id: string; version: number }>(page, '/api/v1/tasks', {
    title: `Chase the signed order form`,
    dueOn: addDays(-3),
  });
  const other = await post<{ id: string; version: number }>(page, '/api/v1/tasks', {
    title: `Draft the QBR deck`,
    dueOn: addDays(2),
  });
  await page.goto('/week');
  const lateRow = row(myTasks(page), `Chase the signed order form`);
  await expect(lateRow).toHaveAttribute('data-overdue', 'true');
  await expect(lateRow).toContainText('overdue by 3 days');

  await lateRow.getByRole('button', { name: /^Snooze/ }).click();
  await page.getByRole('menuitem', { name: /Tomorrow/ }).click();
  await expect(lateRow).toHaveAttribute('data-overdue', 'false');
  await expect(lateRow.getByTestId('snoozed')).toBeVisible();
  const snoozed = await getJson<{ overdue: boolean; snoozedUntil: string }>(page, `/api/v1/tasks/${late.id}`);
  expect(snoozed).toMatchObject({ overdue: false, snoozedUntil: addDays(1) });

  // Someone renames the other task meanwhile: the tick is refused, the list shows their version.
  const renamed = await page.request.patch(`/api/v1/tasks/${other.id}`, {
    data: { title: `Draft the QBR deck v2`, version: other.version },
  });
  expect(renamed.status()).toBe(200);
  await myTasks(page).getByRole('checkbox', { name: `Done: Draft the QBR deck` }).click();
  await expect(page.getByText('Someone else changed this task')).toBeVisible();
  await expect(row(myTasks(page), `Draft the QBR deck v2`)).toBeVisible();
  await expect(
    myTasks(page).getByRole('checkbox', { name: `Done: Draft the QBR deck v2` }),
  ).not.toBeChecked();
});
