import { expect, type Page, test } from '@playwright/test';
import { ADMIN, choose, signIn } from './demo.ts';

// EMEA Enterprise accounts: the TAM records the parameters behind a priority proposal, ends one
// when it no longer applies, and removes one recorded by mistake.

async function emeaEnterpriseAccount(page: Page): Promise<string> {
  const list = await page.request.get('/api/v1/accounts?segment=enterprise&region=emea&limit=100');
  expect(list.status()).toBe(200);
  for (const account of (await list.json()).items as { id: string }[]) {
    const assessment = await (await page.request.get(`/api/v1/accounts/${account.id}/assessment`)).json();
    if (assessment.priority.model === 'emea_enterprise') return account.id;
  }
  throw new Error('the demo book has no EMEA Enterprise account');
}

test('records, ends and removes EMEA parameters on an EMEA Enterprise account', async ({ page }) => {
  await signIn(page, ADMIN);
  const accountId = await emeaEnterpriseAccount(page);
  await page.goto(`/accounts/${accountId}`);

  await page.getByRole('button', { name: 'Record a parameter' }).click();
  await choose(page, page, 'Parameter', 'Organisational change within the customer');
  // The playbook's example says what the parameter means.
  await expect(page.getByText('GitLab ownership is moving to another department')).toBeVisible();
  await page.getByLabel('Note').fill('Platform team moves under the CTO office');
  await page.getByRole('button', { name: 'Record', exact: true }).click();

  const table = page.getByRole('table', { name: 'EMEA parameters' });
  const row = table.getByRole('row').filter({ hasText: 'Organisational change within the customer' });
  await expect(row).toContainText('Platform team moves under the CTO office');
  await expect(row).toContainText('open');

  // A start in the future is fine; an end before the start is refused with the field's reason.
  await page.getByRole('button', { name: 'Record a parameter' }).click();
  await choose(page, page, 'Parameter', 'Current/upcoming infrastructure change');
  await page.getByLabel('Starts').fill('2030-03-01');
  await page.getByLabel('Ends (optional)').fill('2030-02-01');
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByText('must be on or after startsOn')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'infrastructure change' })).toHaveCount(0);

  await row.getByRole('button', { name: 'End Organisational change within the customer today' }).click();
  await expect(row).not.toContainText('open');

  await row.getByRole('button', { name: 'Remove Organisational change within the customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this parameter?' });
  await expect(dialog).toContainText('end it instead');
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(table).toHaveCount(0);
  await expect(page.getByText('No parameter recorded.')).toBeVisible();
});
