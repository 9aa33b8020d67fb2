import { expect, type Page, test } from '@playwright/test';
import { date, dayOf } from '../src/format.ts';
import { choose, getJson, MANAGER, screenshot, signIn, TAM, VIEWER } from './demo.ts';

// Changing the account team and the opportunities from the account page, against the demo book.
test.describe.configure({ mode: 'serial' });

interface User {
  id: string;
  name: string;
}
interface Assignment {
  id: string;
  userId: string;
  role: string;
  endsAt: string | null;
}
interface AccountItem {
  id: string;
  name: string;
  relationshipStage: string;
}

async function userNamed(page: Page, name: string): Promise<User> {
  const users = await getJson<{ items: User[] }>(page, '/api/v1/users');
  const user = users.items.find((candidate) => candidate.name === name);
  expect(user, `the demo book has ${name}`).toBeTruthy();
  return user!;
}

test('a TAM manager hands an account over to another TAM', async ({ page }) => {
  await signIn(page, MANAGER);
  const [marcus, jenna] = [await userNamed(page, 'Marcus Bell'), await userNamed(page, 'Jenna Okafor')];
  const accounts = await getJson<{ items: AccountItem[] }>(
    page,
    `/api/v1/accounts?teamMember=${marcus.id}&limit=20`,
  );
  let accountId: string | undefined;
  for (const account of accounts.items) {
    const team = await getJson<{ items: Assignment[] }>(page, `/api/v1/accounts/${account.id}/team`);
    if (team.items.some((item) => item.userId === marcus.id && item.role === 'tam')) {
      accountId = account.id;
      break;
    }
  }
  expect(accountId, 'Marcus Bell is the TAM of a demo account').toBeTruthy();
  const today = dayOf(new Date());

  await page.goto(`/accounts/${accountId}?tab=people`);
  const team = page.getByRole('table', { name: 'Account team' });
  const marcusNow = team.getByRole('row').filter({ hasText: 'Marcus Bell' }).filter({ hasText: 'Current' });
  await expect(marcusNow).toHaveCount(1);

  await page.getByRole('button', { name: 'Assign someone' }).click();
  const form = page.getByRole('form', { name: 'Assign to the account team' });
  await expect(form.getByRole('textbox', { name: 'Starts on' })).toHaveValue(today);
  await choose(page, form, 'Person', 'Jenna Okafor');
  const handover = form.getByRole('checkbox', { name: /Hand over: end Marcus Bell's assignment/ });
  await expect(handover).toBeChecked();
  await screenshot(page, 'team-handover-form', { fullPage: true });
  await form.getByRole('button', { name: 'Hand over' }).click();
  await expect(form).toHaveCount(0);

  const marcusRow = team
    .getByRole('row')
    .filter({ hasText: 'Marcus Bell' })
    .filter({ hasText: date(today) });
  await expect(marcusRow).toHaveAttribute('data-status', 'ended');
  await expect(marcusRow).toContainText(date(today));
  await expect(marcusRow).not.toContainText('Current');
  const jennaRow = team.getByRole('row').filter({ hasText: 'Jenna Okafor' });
  await expect(jennaRow).toHaveAttribute('data-status', 'current');
  await expect(jennaRow).toContainText('Technical Account Manager');
  await expect(jennaRow).toContainText('Current');
  // The server holds the same: Jenna alone is the TAM now.
  const current = await getJson<{ items: Assignment[] }>(page, `/api/v1/accounts/${accountId}/team`);
  expect(current.items.filter((item) => item.role === 'tam').map((item) => item.userId)).toEqual([jenna.id]);

  // A correction the server refuses shows its message under the field and changes nothing.
  await team
    .getByRole('button', { name: 'Correct the dates of Jenna Okafor as Technical Account Manager' })
    .click();
  const correction = page.getByRole('form', { name: /Correct the dates of Jenna Okafor/ });
  await correction.getByRole('textbox', { name: 'Until' }).fill('2001-01-01');
  await correction.getByRole('button', { name: 'Save dates' }).click();
  await expect(correction.getByText('must be after startsAt')).toBeVisible();
  await screenshot(page, 'team-correction-error', { fullPage: true });
  await correction.getByRole('button', { name: 'Cancel' }).click();
  await expect(jennaRow).toContainText('Current');
  await screenshot(page, '13-account-team', { docs: true, fullPage: true });
});

test('a TAM adds, wins and deletes opportunities but cannot change the team', async ({ page }) => {
  await signIn(page, TAM);
  const priya = await userNamed(page, 'Priya Natarajan');
  const accounts = await getJson<{ items: AccountItem[] }>(
    page,
    `/api/v1/accounts?teamMember=${priya.id}&limit=1`,
  );
  const account = accounts.items[0]!;
  await page.goto(`/accounts/${account.id}`);
  const card = page.getByTestId('opportunities');
  const table = card.getByRole('table', { name: 'Opportunities' });

  for (const name of ['Platform expansion 2027', 'Pilot for the data team']) {
    await card.getByRole('button', { name: 'Add opportunity' }).click();
    const dialog = page.getByRole('dialog', { name: 'New opportunity' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: /Amount/ }).fill('120000');
    if (name === 'Platform expansion 2027') await screenshot(page, 'opportunity-form');
    await dialog.getByRole('button', { name: 'Add opportunity' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(table.getByRole('row').filter({ hasText: name })).toContainText('Discovery');
  }

  // A 400 names its field: an opportunity needs a name.
  await table.getByRole('button', { name: 'Edit Platform expansion 2027' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Platform expansion 2027' });
  await edit.getByRole('textbox', { name: 'Name' }).fill('');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByText(/Too small|>=1 characters/)).toBeVisible();
  await edit.getByRole('textbox', { name: 'Name' }).fill('Platform expansion 2027');
  await choose(page, edit, 'Stage', 'Closed won');

  // Someone else changes the amount meanwhile: 409, reload, the chosen stage survives.
  const listed = await getJson<{ items: { id: string; name: string; version: number }[] }>(
    page,
    `/api/v1/accounts/${account.id}/opportunities`,
  );
  const target = listed.items.find((item) => item.name === 'Platform expansion 2027')!;
  const concurrent = await page.request.patch(`/api/v1/opportunities/${target.id}`, {
    data: { amount: 150000, version: target.version },
  });
  expect(concurrent.status()).toBe(200);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert').filter({ hasText: 'Someone else changed this record' })).toBeVisible();
  await screenshot(page, 'opportunity-conflict');
  await edit.getByRole('button', { name: 'Reload latest' }).click();
  await expect(edit.getByRole('textbox', { name: /Amount/ })).toHaveValue('150000');
  await expect(edit.getByText('Latest saved: Discovery')).toBeVisible();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  const won = table.getByRole('row').filter({ hasText: 'Platform expansion 2027' });
  await expect(won).toContainText('Closed won');
  await expect(won).toContainText('$150k');

  await table.getByRole('button', { name: 'Delete Pilot for the data team' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this opportunity?' });
  await confirm.getByRole('button', { name: 'Delete opportunity' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Pilot for the data team' })).toHaveCount(0);
  await expect(won).toBeVisible();
  await screenshot(page, 'opportunities');

  // Team changes are for TAM managers and admins, even on the TAM's own account.
  await page.getByRole('tab', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'Account team' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign someone' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(End|Correct the dates of|Delete) / })).toHaveCount(0);
});

test('closing won on a lead makes it a customer', async ({ page }) => {
  await signIn(page, MANAGER);
  const leads = await getJson<{ items: AccountItem[] }>(
    page,
    '/api/v1/accounts?relationshipStage=lead&limit=1',
  );
  const lead = leads.items[0];
  expect(lead, 'the demo book has a lead').toBeTruthy();
  await page.goto(`/accounts/${lead!.id}`);
  const card = page.getByTestId('opportunities');
  await card.getByRole('button', { name: 'Add opportunity' }).click();
  const dialog = page.getByRole('dialog', { name: 'New opportunity' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('First deal');
  await choose(page, dialog, 'Type', 'New business');
  await choose(page, dialog, 'Stage', 'Closed won');
  await expect(dialog.getByText(/turns .* from lead into a customer/)).toBeVisible();
  await screenshot(page, 'opportunity-wins-customer');
  await dialog.getByRole('button', { name: 'Add opportunity' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByRole('row').filter({ hasText: 'First deal' })).toContainText('Closed won');
  // The account and its assessment were refetched: the header shows the new stage.
  await expect(page.getByText(/ · Customer$/)).toBeVisible();
  const account = await getJson<AccountItem>(page, `/api/v1/accounts/${lead!.id}`);
  expect(account.relationshipStage).toBe('customer');
});

test('a viewer sees the team and the opportunities without edit controls', async ({ page }) => {
  await signIn(page, VIEWER);
  const list = await getJson<{ items: AccountItem[] }>(page, '/api/v1/accounts?sort=-arr&limit=1');
  await page.goto(`/accounts/${list.items[0]!.id}`);
  await expect(page.getByTestId('opportunities')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add opportunity' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);
  await page.getByRole('tab', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'Account team' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign someone' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(End|Correct the dates of|Delete) / })).toHaveCount(0);
});
