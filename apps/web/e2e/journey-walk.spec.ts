import { expect, test } from '@playwright/test';
import { ADMIN, choose, MANAGER, screenshot, signIn, TAM } from './demo.ts';
import {
  AE,
  attachLink,
  markDone,
  openJourney,
  post,
  responsibleOf,
  SA,
  sessionOf,
  signOff,
  stepOf,
  userNamed,
} from './journey-helpers.ts';

// The walk in Chromium: a lead an AE creates goes through the 21 steps of the
// responsibility matrix, each advanced by a click on the Journey tab, with the responsible
// person shown from the team; closed-won starts the SA→TAM handoff, whose form is prefilled
// from the record; the TAM accepts it. Then an SA overlap on the same account shows on the SA's
// week. The scene (the account, its team, a contact, logged meetings) is set through the API.
test.describe.configure({ mode: 'serial' });

const ACCOUNT = `Lumen Freight ${Date.now().toString(36)}`;
let accountId = '';

test('an AE walks a lead through the 21 steps; closed-won starts the handoff; the TAM accepts it', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  // The scene: a PSE with a login (the demo's has none), the lead, its team, a contact, a deal.
  const admin = await sessionOf(browser, ADMIN);
  const pseEmail = `pia.${Date.now().toString(36)}@liaison.example`;
  const pse = await post<{ id: string }>(admin, '/api/v1/users', {
    name: 'Pia Services',
    email: pseEmail,
    region: 'noram',
    roles: ['pse'],
    password: 'liaison-demo',
  });
  await signIn(page, AE);
  const account = await post<{ id: string }>(page, '/api/v1/accounts', {
    name: ACCOUNT,
    segment: 'mid_market',
    region: 'noram',
    relationshipStage: 'lead',
    plan: 'premium',
    arr: 240_000,
    industry: 'Logistics',
  });
  accountId = account.id;
  const manager = await sessionOf(browser, MANAGER);
  // The AE who entered the lead is on its team already; the manager adds the SA and the PSE.
  const elliot = await userNamed(manager, 'Elliot Park');
  for (const [userId, role] of [
    [elliot.id, 'sa'],
    [pse.id, 'pse'],
  ])
    await post(manager, `/api/v1/accounts/${accountId}/team`, { userId, role });
  const cleo = await post<{ id: string }>(page, `/api/v1/accounts/${accountId}/contacts`, {
    name: 'Cleo Customer',
  });
  // What the AE learnt in discovery: the handoff's review is prefilled from it.
  const patched = await page.request.patch(`/api/v1/accounts/${accountId}/business-profile`, {
    data: {
      championContactId: cleo.id,
      whyTheyBought: 'One platform instead of five tools for 40 delivery teams',
      desiredBusinessOutcomes: ['Release weekly instead of quarterly', 'Pass the SOC 2 audit'],
      painPoints: ['Slow, manual releases', 'Audit evidence gathered by hand'],
      successMetrics: ['Lead time under 2 days'],
      version: 1,
    },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  await post(page, `/api/v1/accounts/${accountId}/opportunities`, {
    name: `${ACCOUNT} — platform`,
    type: 'new_business',
    stage: 'discovery',
    closeDate: '2027-06-30',
    amount: 240_000,
  });

  // The AE starts the journey from the Journey tab.
  await openJourney(page, accountId);
  await page.getByRole('button', { name: 'Start workflow' }).click();
  await page.getByRole('menuitem', { name: 'Customer journey' }).click();
  await page
    .getByRole('dialog', { name: /Start: Customer journey/ })
    .getByRole('button', { name: 'Start' })
    .click();
  const journey = page.getByTestId('workflow-journey');
  await expect(journey.locator('[data-testid^="step-"][role="group"]')).toHaveCount(21);
  await expect(responsibleOf(stepOf(page, 'journey', '1'))).toContainText('SAL/AE · Tyler Brooks');

  for (const id of ['1', '2', '3', '4']) await markDone(page, 'journey', id);
  // The AE names the TAM engaged before the sale.
  const five = stepOf(page, 'journey', '5');
  await five.getByRole('button', { name: 'Name the TAM…' }).click();
  await choose(page, five, 'The TAM', 'Priya Natarajan');
  await five.getByRole('button', { name: 'Name the TAM', exact: true }).click();
  await expect(journey).toContainText('TAM: Priya Natarajan');
  await markDone(page, 'journey', '5');
  await expect(responsibleOf(stepOf(page, 'journey', '6'))).toContainText('SA · Elliot Park');
  for (const id of ['6', '7', '8']) await markDone(page, 'journey', id);

  // Step 9's blueprint is required: done without it is refused, with the server's words.
  const nine = stepOf(page, 'journey', '9');
  await nine.getByRole('button', { name: 'Mark done' }).click();
  await expect(nine.getByRole('alert')).toContainText('attach the blueprint');
  await nine.getByRole('button', { name: 'Add artefact' }).click();
  const upload = page.getByRole('dialog', { name: 'Add artefact' });
  await upload.getByText('Upload a file').click();
  await upload.locator('input[type="file"]').setInputFiles({
    name: 'blueprint.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('HA pair, Geo secondary'),
  });
  await upload.getByRole('button', { name: 'Attach' }).click();
  await expect(upload).toHaveCount(0);
  await expect(nine.getByRole('link', { name: /v1: blueprint\.txt/ })).toBeVisible();
  await markDone(page, 'journey', '9');
  await markDone(page, 'journey', '10');

  // Step 11 asks the PSE and the TAM to sign off; each signs in their own session.
  await expect(responsibleOf(stepOf(page, 'journey', '11'))).toContainText('TAM · Priya Natarajan');
  const pseSession = await sessionOf(browser, pseEmail);
  await openJourney(pseSession, accountId);
  await signOff(pseSession, stepOf(pseSession, 'journey', '11'));
  const tamSession = await sessionOf(browser, TAM);
  await openJourney(tamSession, accountId);
  await signOff(tamSession, stepOf(tamSession, 'journey', '11'));
  await page.reload();
  await expect(stepOf(page, 'journey', '11').getByTestId('sign-off-status')).toContainText('Priya Natarajan');
  await markDone(page, 'journey', '11');
  await expect(responsibleOf(stepOf(page, 'journey', '12'))).toContainText('PSE · Pia Services');
  for (const id of ['12', '13', '14']) await markDone(page, 'journey', id);

  // Success criteria: the document, signed by the SAL/AE and by a customer contact.
  const fifteen = stepOf(page, 'journey', '15');
  await attachLink(page, fifteen, 'Success criteria', 'https://docs.example.com/lumen/criteria');
  await signOff(page, fifteen, 'SAL/AE (Tyler Brooks)');
  // The README's Journey tab: done steps above, the open one with its artefact and a sign-off.
  await stepOf(page, 'journey', '11').evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, '18-journey-tab', { docs: true });
  await signOff(page, fifteen, 'Customer', 'Cleo Customer');
  await markDone(page, 'journey', '15');
  await attachLink(
    page,
    stepOf(page, 'journey', '16'),
    'MSA and order form',
    'https://docs.example.com/lumen/msa',
  );
  // The contract gets a second version, kept beside the first.
  const sixteen = stepOf(page, 'journey', '16');
  await sixteen.getByRole('button', { name: 'New version of MSA and order form' }).click();
  const version = page.getByRole('dialog', { name: 'New version of MSA and order form' });
  await version.getByRole('textbox', { name: 'URL' }).fill('https://docs.example.com/lumen/msa-signed');
  await version.getByRole('button', { name: 'Attach' }).click();
  await expect(version).toHaveCount(0);
  await expect(sixteen.getByRole('link', { name: 'v2: link' })).toBeVisible();
  await expect(sixteen.getByRole('link', { name: 'v1: link' })).toBeVisible();
  await markDone(page, 'journey', '16');
  await markDone(page, 'journey', '17');
  await screenshot(page, 'journey-before-won', { fullPage: true });

  // Closed-won on the Overview tab: the gate passes, steps 18–21 open, the handoff starts.
  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: `Edit ${ACCOUNT} — platform` }).click();
  const edit = page.getByRole('dialog', { name: `Edit ${ACCOUNT} — platform` });
  await choose(page, edit, 'Stage', 'Closed won');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await page.getByRole('tab', { name: 'Journey' }).click();
  await expect(responsibleOf(stepOf(page, 'journey', '18'))).toContainText('TAM · Priya Natarajan');
  for (const id of ['18', '19', '20']) await markDone(page, 'journey', id);
  await markDone(page, 'journey', '21', { last: true });
  await screenshot(page, 'journey-after-won', { fullPage: true });
  await expect(page.getByRole('button', { name: /Customer journey, completed/ })).toBeVisible();

  // The handoff: the general account review, prefilled from the record, confirmed or corrected.
  const handoff = page.getByTestId('workflow-sa_tam_handoff');
  await expect(handoff).toContainText('TAM: Priya Natarajan');
  const review = stepOf(page, 'sa_tam_handoff', 'general_account_review');
  await expect(responsibleOf(review)).toContainText('SA · Elliot Park');
  await expect(review.getByRole('textbox', { name: 'Account name' })).toHaveValue(ACCOUNT);
  await expect(review.getByTestId('field-note-account_name')).toContainText('Suggested from the record');
  await expect(review.getByRole('textbox', { name: 'Champion' })).toHaveValue('Cleo Customer');
  await review.getByRole('textbox', { name: 'Industry sector' }).fill('Freight logistics');
  await expect(review.getByTestId('field-note-industry')).toContainText(
    'Corrected from the record’s “Logistics”',
  );
  await review.getByRole('textbox', { name: 'Decision maker' }).fill('Cleo Customer');
  await handoff.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await screenshot(page, '19-journey-handoff-form', { docs: true });
  await markDone(page, 'sa_tam_handoff', 'general_account_review');
  const technical = stepOf(page, 'sa_tam_handoff', 'technical_handoff');
  await technical.getByRole('textbox', { name: 'Outcome of the PoV' }).fill('Successful: 3 teams live');
  await markDone(page, 'sa_tam_handoff', 'technical_handoff');
  await post(page, `/api/v1/accounts/${accountId}/activities`, {
    kind: 'meeting',
    summary: 'TAM introduction',
  });
  await page.reload();
  const intro = stepOf(page, 'sa_tam_handoff', 'tam_introduction');
  await intro
    .getByRole('textbox', { name: 'Logged meeting' })
    .or(intro.getByRole('combobox', { name: 'Logged meeting' }))
    .click();
  await page.getByRole('option', { name: /TAM introduction/ }).click();
  await intro.getByRole('button', { name: 'Link meeting' }).click();
  await expect(intro.getByTestId('linked-meeting')).toBeVisible();
  await markDone(page, 'sa_tam_handoff', 'tam_introduction');

  // Only the named TAM (or a manager) accepts: the AE's click is refused with the server's words.
  const accept = stepOf(page, 'sa_tam_handoff', 'accept');
  await accept.getByRole('button', { name: 'Accept handoff' }).click();
  await expect(accept.getByRole('alert')).toContainText('can accept this handoff');
  await openJourney(tamSession, accountId);
  await markDone(tamSession, 'sa_tam_handoff', 'accept', { button: 'Accept handoff', last: true });
  await tamSession.getByRole('tab', { name: 'People' }).click();
  const team = tamSession.getByRole('table', { name: 'Account team' });
  await expect(team.getByRole('row').filter({ hasText: 'Priya Natarajan' })).toHaveAttribute(
    'data-status',
    'current',
  );
  await expect(team.getByRole('row').filter({ hasText: 'Elliot Park' })).toHaveAttribute(
    'data-status',
    'current',
  );
  for (const session of [admin, manager, pseSession]) await session.context().close();
  await tamSession.context().close();
});

test('an SA overlap started by the TAM is on the SA’s week and on the Journey tab for both', async ({
  page,
  browser,
}) => {
  test.skip(!accountId, 'needs the account of the walk');
  await signIn(page, TAM);
  await openJourney(page, accountId);
  await page.getByRole('button', { name: 'Start workflow' }).click();
  await page.getByRole('menuitem', { name: 'SA involvement after the sale' }).click();
  const dialog = page.getByRole('dialog', { name: /Start: SA involvement/ });
  await choose(page, dialog, 'What brings the SA back in', 'A licence-expansion opportunity');
  await dialog.getByRole('button', { name: 'Start' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(responsibleOf(stepOf(page, 'sa_overlap', 'assist'))).toContainText('SA · Elliot Park');

  const sa = await sessionOf(browser, SA);
  // The SA lands on their home, which lists the overlap; the steps they owe are on My week.
  await expect(sa.getByTestId('home-handoffs')).toContainText(ACCOUNT);
  await sa.getByRole('link', { name: 'My week', exact: true }).click();
  const mine = sa.getByTestId('my-journey-steps');
  await expect(mine).toBeVisible();
  const row = mine
    .getByRole('row')
    .filter({ hasText: ACCOUNT })
    .filter({ hasText: 'Support the account team' });
  await expect(row).toBeVisible();
  await mine.evaluate((card) => card.scrollIntoView({ block: 'start' }));
  await screenshot(sa, '22-my-week-journey-steps', { docs: true });
  await row.getByRole('link', { name: ACCOUNT }).click();
  await expect(sa).toHaveURL(/tab=journey/);
  await expect(stepOf(sa, 'sa_overlap', 'assist').getByTestId('step-actions')).toBeVisible();
  // Nothing for the SA to do after all: cancelled with a reason, it moves to the finished list.
  await sa.getByTestId('workflow-sa_overlap').getByRole('button', { name: 'Cancel workflow' }).click();
  const cancel = sa.getByRole('dialog', { name: /^Cancel SA involvement/ });
  await cancel.getByRole('textbox', { name: 'Why?' }).fill('Answered by e-mail');
  await cancel.getByRole('button', { name: 'Cancel workflow' }).click();
  await expect(sa.getByRole('button', { name: /SA involvement after the sale, cancelled/ })).toBeVisible();
  await sa.context().close();
});
