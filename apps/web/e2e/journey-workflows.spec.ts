import { expect, test } from '@playwright/test';
import { dayOf } from '../src/format.ts';
import { choose, getJson, MANAGER, screenshot, signIn, TAM } from './demo.ts';
import { markDone, openJourney, post, responsibleOf, stepOf, userNamed } from './journey-helpers.ts';

// The journey's other flows on the web: a disengagement with its generated summary ending the
// TAM's assignment, the gate refusing a stage move until a reason is given, and the managers'
// overview. Each sets its own scene, so the demo book need not have journeys.
test.describe.configure({ mode: 'serial' });

interface Item {
  id: string;
  name: string;
}

test('a TAM disengages: the summary is generated, and completion ends the TAM’s assignment', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, TAM);
  const priya = await userNamed(page, 'Priya Natarajan');
  const accounts = await getJson<{ items: Item[] }>(page, `/api/v1/accounts?teamMember=${priya.id}&limit=40`);
  // An account of Priya's where a disengagement may start now (she is its TAM, none running).
  let account: Item | undefined;
  for (const candidate of accounts.items) {
    const journey = await getJson<{ canStart: string[]; disengagementCandidate: boolean }>(
      page,
      `/api/v1/accounts/${candidate.id}/journey`,
    );
    const team = await getJson<{ items: { userId: string; role: string }[] }>(
      page,
      `/api/v1/accounts/${candidate.id}/team`,
    );
    const isTam = team.items.some((member) => member.userId === priya.id && member.role === 'tam');
    if (isTam && journey.canStart.includes('disengagement')) {
      account = candidate;
      if (journey.disengagementCandidate) break;
    }
  }
  expect(account, 'Priya is the TAM of an account she may disengage').toBeTruthy();
  const accountId = account!.id;

  await openJourney(page, accountId);
  await page.getByRole('button', { name: 'Start workflow' }).click();
  await page.getByRole('menuitem', { name: 'Disengagement' }).click();
  const dialog = page.getByRole('dialog', { name: /Start: Disengagement/ });
  await choose(page, dialog, 'Reason', 'Below the alignment threshold after a downgrade');
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Downgraded to Premium at renewal.');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog).toHaveCount(0);
  const workflow = page.getByTestId('workflow-disengagement');
  await expect(responsibleOf(stepOf(page, 'disengagement', 'talk_with_manager'))).toContainText(
    'TAM · Priya Natarajan',
  );
  await markDone(page, 'disengagement', 'talk_with_manager');

  await post(page, `/api/v1/accounts/${accountId}/activities`, {
    kind: 'meeting',
    summary: 'Disengagement conversation with the account owner',
  });
  await page.reload();
  const conversation = stepOf(page, 'disengagement', 'customer_conversation');
  await conversation
    .getByRole('textbox', { name: 'Logged meeting' })
    .or(conversation.getByRole('combobox', { name: 'Logged meeting' }))
    .click();
  await page.getByRole('option', { name: /Disengagement conversation/ }).click();
  await conversation.getByRole('button', { name: 'Link meeting' }).click();
  await expect(conversation.getByTestId('linked-meeting')).toBeVisible();
  await markDone(page, 'disengagement', 'customer_conversation');

  const options = stepOf(page, 'disengagement', 'options_reviewed');
  await options.getByRole('textbox', { name: /^Support/ }).fill('support.liaison.example, 24×5');
  await options
    .getByRole('textbox', { name: /Features they lose/ })
    .fill('Dedicated TAM\nQuarterly roadmap reviews');
  await markDone(page, 'disengagement', 'options_reviewed');

  await workflow.getByRole('button', { name: 'Follow-up summary' }).click();
  const summary = page.getByRole('dialog', { name: 'Follow-up summary' });
  await expect(summary.getByRole('heading', { name: /your engagement with us/ })).toContainText(
    account!.name,
  );
  await expect(summary).toContainText('Downgraded to Premium at renewal.');
  await expect(summary.getByRole('listitem').filter({ hasText: 'Dedicated TAM' })).toBeVisible();
  await expect(summary.getByRole('button', { name: 'Copy Markdown' })).toBeVisible();
  await screenshot(page, '20-journey-disengagement-summary', { docs: true });
  await summary.getByRole('tab', { name: 'Markdown' }).click();
  await expect(summary.getByTestId('summary-markdown')).toContainText('- Dedicated TAM');
  await page.keyboard.press('Escape');
  await expect(summary).toHaveCount(0);

  await markDone(page, 'disengagement', 'follow_up_summary');
  await markDone(page, 'disengagement', 'end_engagement', { last: true });
  await expect(page.getByRole('button', { name: /Disengagement, completed/ })).toBeVisible();
  await page.getByRole('tab', { name: 'People' }).click();
  const ended = page
    .getByRole('table', { name: 'Account team' })
    .getByRole('row')
    .filter({ hasText: 'Priya Natarajan' })
    .filter({ hasText: 'Technical Account Manager' });
  await expect(ended.first()).toHaveAttribute('data-status', 'ended');
  const team = await getJson<{ items: { role: string }[] }>(page, `/api/v1/accounts/${accountId}/team`);
  expect(team.items.some((member) => member.role === 'tam')).toBe(false);
});

test('the gate asks for a reason before an opportunity skips past missing outputs', async ({ page }) => {
  // A TAM manager may work on any account's journey (an AE only on their team's).
  await signIn(page, MANAGER);
  const account = await post<Item>(page, '/api/v1/accounts', {
    name: `Gated Goods ${Date.now().toString(36)}`,
    segment: 'mid_market',
    region: 'emea',
    relationshipStage: 'opportunity',
    plan: 'premium',
    arr: 90_000,
  });
  await post(page, `/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' });
  await post(page, `/api/v1/accounts/${account.id}/opportunities`, {
    name: 'First platform deal',
    type: 'new_business',
    stage: 'scoping',
    closeDate: '2027-03-31',
  });
  await page.goto(`/accounts/${account.id}`);
  await page.getByRole('button', { name: 'Edit First platform deal' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit First platform deal' });
  await choose(page, edit, 'Stage', 'Proposal');
  await edit.getByRole('button', { name: 'Save' }).click();
  const gate = edit.getByTestId('gate-refusal');
  await expect(gate).toContainText('step 9: Blueprint solution design diagram is missing');
  await gate.getByRole('textbox', { name: 'Why move on anyway?' }).fill('Imported mid-cycle from the CRM');
  await screenshot(page, '23-journey-gate', { docs: true });
  await gate.getByRole('button', { name: 'Move on with this reason' }).click();
  await expect(edit).toHaveCount(0);
  await expect(
    page.getByTestId('opportunities').getByRole('row').filter({ hasText: 'First platform deal' }),
  ).toContainText('Proposal');
  await page.getByRole('tab', { name: 'Journey' }).click();
  await expect(page.getByTestId('gate-override')).toContainText('Imported mid-cycle from the CRM');

  // Someone else changes step 1 meanwhile: the click gets 409, the notice reloads, then it goes through.
  const journey = await getJson<{
    workflows: { steps: { id: string; stepId: string; version: number }[] }[];
  }>(page, `/api/v1/accounts/${account.id}/journey`);
  const one = journey.workflows[0]!.steps.find((step) => step.stepId === '1')!;
  const concurrent = await page.request.patch(`/api/v1/workflow-steps/${one.id}`, {
    data: { dueOn: '2027-01-15', version: one.version },
  });
  expect(concurrent.status()).toBe(200);
  const step = stepOf(page, 'journey', '1');
  await step.getByRole('button', { name: 'Mark done' }).click();
  await expect(step.getByRole('alert').filter({ hasText: 'Someone else changed this record' })).toBeVisible();
  await step.getByRole('button', { name: 'Reload latest' }).click();
  await expect(step.getByRole('alert')).toHaveCount(0);
  await markDone(page, 'journey', '1');

  // As of a day: the journey as it stood then, read-only.
  await page.getByRole('textbox', { name: 'Show the journey as of' }).fill(dayOf(new Date()));
  await expect(page.getByText('The journey exactly as it was then')).toBeVisible();
  await expect(stepOf(page, 'journey', '1')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('step-actions')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start workflow' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to today' }).click();
  await expect(page.getByTestId('step-actions').first()).toBeVisible();
});

test('a TAM manager reads the journey overview by region and segment', async ({ page }) => {
  await signIn(page, MANAGER);
  await page.getByRole('link', { name: 'Journey', exact: true }).click();
  await expect(page).toHaveURL(/\/journey$/);
  await expect(page.getByRole('heading', { name: 'Journey overview' })).toBeVisible();
  await expect(page.getByTestId('overview-journey')).toBeVisible();
  await screenshot(page, '21-journey-overview', { docs: true });
  await choose(page, page, 'Region', 'EMEA');
  await expect(page).toHaveURL(/region=emea/);
  await expect(page.getByRole('table', { name: 'Workflows by region' })).not.toContainText('NORAM');
});
