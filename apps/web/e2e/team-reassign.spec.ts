import { expect, test } from '@playwright/test';
import { getJson, MANAGER, signIn } from './demo.ts';

// Bulk reassign when a person leaves (issue #15): a TAM manager gives every open task of one
// TAM to another from the Team page, in one write.

interface Item {
  title: string;
  task: { id: string } | null;
}

test('a manager reassigns a leaving TAM’s open tasks from the Team page', async ({ page }) => {
  await signIn(page, MANAGER);
  const users = await getJson<{ items: { id: string; name: string }[] }>(page, '/api/v1/users');
  const kenji = users.items.find((user) => user.name === 'Kenji Watanabe')!;
  const ravi = users.items.find((user) => user.name === 'Ravi Menon')!;
  const stored = (items: Item[]) => items.filter((item) => item.task).map((item) => item.task!.id);
  const before = stored(
    (await getJson<{ items: Item[] }>(page, `/api/v1/tasks?owner=${kenji.id}&limit=100`)).items,
  );
  expect(before.length).toBeGreaterThan(0);

  await page.goto('/team');
  const row = page.getByTestId('team-load').getByRole('row').filter({ hasText: 'Kenji Watanabe' });
  await row.getByRole('button', { name: 'reassign tasks' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reassign Kenji Watanabe’s open tasks' });
  await dialog.getByRole('combobox', { name: 'Give them to' }).fill('Ravi');
  await page.getByRole('option', { name: 'Ravi Menon', exact: true }).click();
  await dialog.getByRole('button', { name: 'Reassign' }).click();
  await expect(
    page.getByText(
      `${before.length} open task${before.length === 1 ? '' : 's'} of Kenji Watanabe reassigned.`,
    ),
  ).toBeVisible();

  const after = stored(
    (await getJson<{ items: Item[] }>(page, `/api/v1/tasks?owner=${kenji.id}&limit=100`)).items,
  );
  expect(after).toEqual([]);
  const ravis = stored(
    (await getJson<{ items: Item[] }>(page, `/api/v1/tasks?owner=${ravi.id}&limit=100`)).items,
  );
  for (const id of before) expect(ravis).toContain(id);
});
