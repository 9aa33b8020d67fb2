import { expect, type Page, test } from '@playwright/test';
import { getJson, screenshot, signIn, TAM, VIEWER } from './demo.ts';

// A TAM fixes the timeline (edit, a stale edit, delete) and keeps an account's support tickets;
// a viewer sees both read-only. Runs against the demo book; the tests share one server.
test.describe.configure({ mode: 'serial' });

interface ActivityItem {
  id: string;
  version: number;
  summary: string;
}

/** The demo TAM's first account with at least three activities on its timeline. */
async function accountWithActivities(page: Page) {
  const portfolio = await getJson<{ items: { accountId: string }[] }>(page, '/api/v1/portfolio');
  for (const { accountId } of portfolio.items) {
    const timeline = await getJson<{ items: ActivityItem[] }>(
      page,
      `/api/v1/accounts/${accountId}/activities?limit=3`,
    );
    if (timeline.items.length === 3) return { accountId, activities: timeline.items };
  }
  throw new Error('the demo TAM has no account with three activities');
}

test('a TAM edits an activity, survives a stale edit, and deletes another', async ({ page }) => {
  await signIn(page, TAM);
  const { accountId, activities } = await accountWithActivities(page);
  const [first, second, third] = activities as [ActivityItem, ActivityItem, ActivityItem];
  await page.goto(`/accounts/${accountId}?tab=timeline`);
  const timeline = page.getByTestId('timeline');
  // Demo summaries repeat (a cadence call every month): entries are found by id.
  const item = (activity: ActivityItem) =>
    timeline.locator(`[data-testid="activity"][data-id="${activity.id}"]`);

  // Edit: the log form gives way to the edit form, filled with the activity.
  await item(first).getByRole('button', { name: 'Activity actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = page.getByRole('form', { name: 'Edit activity' });
  await expect(editor.getByLabel('Summary')).toHaveValue(first.summary);
  await expect(page.getByRole('form', { name: 'Log activity' })).toBeHidden();
  await screenshot(page, 'timeline-edit');

  // The server trims the summary: blank is refused, and its message sits under the field.
  await editor.getByLabel('Summary').fill('   ');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor.getByText(/Too small|at least 1/i)).toBeVisible();

  const edited = 'Cadence call: runner fleet migration signed off';
  await editor.getByLabel('Summary').fill(edited);
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('form', { name: 'Edit activity' })).toHaveCount(0);
  await expect(item(first)).toContainText(edited);
  await expect(item(first)).not.toContainText(first.summary);
  await expect(page.getByTestId('log-result')).toContainText('Saved');
  await expect(page.getByRole('form', { name: 'Log activity' })).toBeVisible();
  const saved = await getJson<ActivityItem>(page, `/api/v1/activities/${first.id}`);
  expect(saved.summary).toBe(edited);
  expect(saved.version).toBe(first.version + 1);

  // Someone else saves the same activity meanwhile: 409, reload, the typed summary survives
  // and their notes are kept.
  await item(second).getByRole('button', { name: 'Activity actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await editor.getByLabel('Summary').fill('EBR prep: adoption numbers agreed');
  const concurrent = await page.request.patch(`/api/v1/activities/${second.id}`, {
    data: { notes: 'Added by a colleague.', version: second.version },
  });
  expect(concurrent.status()).toBe(200);
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    editor.getByRole('alert').filter({ hasText: 'Someone else changed this record' }),
  ).toBeVisible();
  await editor.getByRole('button', { name: 'Reload latest' }).click();
  await expect(editor.getByLabel('Summary')).toHaveValue('EBR prep: adoption numbers agreed');
  await expect(editor.getByLabel('Notes')).toHaveValue('Added by a colleague.');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(item(second)).toContainText('EBR prep: adoption numbers agreed');
  await expect(item(second)).toContainText('Added by a colleague.');

  // Delete: asked first, then gone from the timeline.
  await item(third).getByRole('button', { name: 'Activity actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this activity?' });
  await expect(dialog).toContainText(third.summary);
  await screenshot(page, 'timeline-delete');
  await dialog.getByRole('button', { name: 'Delete activity' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(item(third)).toHaveCount(0);
  await expect(item(second)).toBeVisible();
  await expect(page.getByTestId('log-result')).toContainText('Deleted');
  const gone = await page.request.get(`/api/v1/activities/${third.id}`);
  expect(gone.status()).toBe(404);
});

test('a TAM records a support ticket, closes it, and the open filter hides it', async ({ page }) => {
  await signIn(page, TAM);
  const portfolio = await getJson<{ items: { accountId: string }[] }>(page, '/api/v1/portfolio');
  const accountId = portfolio.items[0]!.accountId;
  await page.goto(`/accounts/${accountId}`);
  await page.getByRole('tab', { name: 'Support' }).click();
  await expect(page).toHaveURL(/tab=support/);
  const card = page.getByTestId('support-tickets');
  await expect(card.getByRole('radio', { name: /^Open/ })).toBeChecked();

  const subject = 'Runners time out after the 17.2 upgrade';
  await card.getByRole('button', { name: 'New ticket' }).click();
  const form = page.getByRole('form', { name: 'New ticket' });
  await form.getByLabel('Subject').fill(subject);
  await form.getByText('High', { exact: true }).click();
  await screenshot(page, 'ticket-form');
  await form.getByRole('button', { name: 'Record ticket' }).click();
  await expect(form).toHaveCount(0);

  const row = card.getByTestId('ticket').filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('High');
  await expect(row).toContainText('Open');
  await screenshot(page, '14-account-support', { docs: true });

  // Closing it takes it out of the open tickets; "All" still lists it, closed.
  await row.getByRole('button', { name: 'Ticket actions' }).click();
  await page.getByRole('menuitem', { name: 'Close ticket' }).click();
  await expect(row).toHaveCount(0);
  await card.getByText(/^All \(\d+\)$/).click();
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'closed');
  await expect(row).toContainText('Closed');

  // A closing time before the opening one is refused by the server, under the field.
  await row.getByRole('button', { name: 'Ticket actions' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit ticket' });
  await edit.getByLabel('Closed').fill('2020-01-01T09:00');
  await edit.getByRole('button', { name: 'Save ticket' }).click();
  await expect(edit.getByText('must not be before openedAt')).toBeVisible();
  await edit.getByRole('button', { name: 'Cancel' }).click();

  // Delete, after a confirmation.
  await row.getByRole('button', { name: 'Ticket actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this ticket?' })
    .getByRole('button', { name: 'Delete ticket' })
    .click();
  await expect(row).toHaveCount(0);
});

test('a viewer sees the timeline and the tickets without edit controls', async ({ page }) => {
  await signIn(page, VIEWER);
  const list = await getJson<{ items: { id: string }[] }>(page, '/api/v1/accounts?sort=-arr&limit=1');
  await page.goto(`/accounts/${list.items[0]!.id}?tab=timeline`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Activity actions' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Support' }).click();
  await expect(page.getByTestId('support-tickets')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New ticket' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ticket actions' })).toHaveCount(0);
});
