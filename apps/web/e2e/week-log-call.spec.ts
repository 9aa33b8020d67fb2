import { expect, test } from '@playwright/test';
import { getJson, signIn, TAM } from './demo.ts';

// Inline "log call" from a worklist row (issue #15): the TAM logs the cadence call an overdue
// row asks for without leaving My week; the row leaves the worklist in the same response cycle.

interface WorkItem {
  accountId: string;
  accountName: string;
  kind: string;
}

test('a TAM logs the call a worklist row asks for, from the row', async ({ page }) => {
  await signIn(page, TAM);
  const before = (await getJson<{ items: WorkItem[] }>(page, '/api/v1/worklist')).items;
  const cadence = before.find((item) => item.kind === 'cadence');
  expect(cadence, 'the demo TAM has a cadence call due this week').toBeTruthy();
  await page.goto('/week');
  const row = page.locator(
    `[data-testid="worklist"] tr[data-kind="cadence"][data-account="${cadence!.accountId}"]`,
  );
  await row.getByRole('button', { name: `Log Cadence call for ${cadence!.accountName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Cadence call · ${cadence!.accountName}` });
  await expect(dialog.getByRole('textbox', { name: 'Summary' })).toHaveValue('Cadence call');
  await dialog.getByRole('button', { name: 'Log activity' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  const after = (await getJson<{ items: WorkItem[] }>(page, '/api/v1/worklist')).items;
  expect(after.some((item) => item.kind === 'cadence' && item.accountId === cadence!.accountId)).toBe(false);
});
