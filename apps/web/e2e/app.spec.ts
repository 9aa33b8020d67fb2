import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { expect, type Locator, test } from '@playwright/test';
import { date } from '../src/format.ts';
import { ADMIN, getJson, MANAGER, screenshot, signIn, TAM, VIEWER } from './demo.ts';

// The flows of issue 5 against the demo book, in order (they share one server and its data).
// Every page visited is saved to docs/screenshots/ at 1440×900.
test.describe.configure({ mode: 'serial' });

interface WorkItem {
  accountId: string;
  accountName: string;
  kind: string;
  dueDate: string;
  status: string;
}
interface PortfolioItem {
  accountId: string;
  name: string;
  priority: string;
  priorityModel: string | null;
  healthColour: string | null;
}

test('the initial JavaScript stays within 350 KB gzipped', () => {
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  const html = readFileSync(`${dist}index.html`, 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(`${dist}${file}`)).length, 0);
  console.log(`initial JavaScript: ${scripts.length} files, ${(bytes / 1024).toFixed(1)} KB gzipped`);
  expect(bytes).toBeLessThanOrEqual(350 * 1024);
});

test('the server serves the app for pages and keeps JSON 404s for the API', async ({ request }) => {
  const page = await request.get('/accounts/00000000-0000-4000-8000-000000000000', {
    headers: { accept: 'text/html' },
  });
  expect(page.status()).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  const api = await request.get('/api/v1/no-such-route', { headers: { accept: 'text/html' } });
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe('NOT_FOUND');
});

test('signs in with the demo logins and shows the TAM her week', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('Demo logins')).toBeVisible();
  await expect(page.getByText(TAM)).toBeVisible();
  await screenshot(page, '01-sign-in', { docs: true });

  await page.getByLabel('E-mail').fill(TAM);
  await page.getByRole('textbox', { name: 'Password' }).fill('wrong password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('do not match an active user')).toBeVisible();

  await page.getByRole('button', { name: 'Sign in as Priya Natarajan' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Priya');
  await expect(page.getByTestId('worklist')).toBeVisible();
  await expect(page.getByTestId('portfolio')).toBeVisible();
  await expect(page.getByText('Capacity load')).toBeVisible();
  await expect(page.getByText('P1 share vs guidance')).toBeVisible();
  await expect(page.getByRole('img', { name: /Health distribution/ })).toBeVisible();
  await screenshot(page, '02-my-week', { docs: true });
});

test('logging a cadence call moves the next due date and takes it off the worklist', async ({ page }) => {
  await signIn(page, TAM);
  const worklist = await getJson<{ items: WorkItem[] }>(page, '/api/v1/worklist');
  const item = worklist.items.find((candidate) => candidate.kind === 'cadence');
  expect(item, 'the demo TAM has a cadence call due this week').toBeTruthy();
  const { accountId, dueDate: before } = item!;

  const row = page.locator(`[data-testid="worklist"] tr[data-account="${accountId}"][data-kind="cadence"]`);
  const showAll = page.getByRole('button', { name: /Show all/ });
  if (await showAll.isVisible()) await showAll.click();
  await expect(row).toBeVisible();
  await row.getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${accountId}`));

  const cadenceDue = page.locator(
    '[data-testid="obligations"] tr[data-kind="cadence"] [data-testid="due-date"]',
  );
  await expect(cadenceDue).toHaveText(date(before));

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const form = page.getByRole('form', { name: 'Log activity' });
  await expect(form.getByLabel('Kind', { exact: true })).toHaveValue('Cadence call');
  await form.getByLabel('Summary').fill('Monthly cadence: CI migration plan and renewal timeline');
  await form
    .getByLabel('Notes')
    .fill('Walked through the runner fleet migration. Customer wants a renewal preview in January.');
  await form.getByRole('button', { name: 'Add action item' }).click();
  await form.getByLabel('Action item 1', { exact: true }).fill('Send the migration runbook');
  await screenshot(page, '06-account-timeline', { docs: true });
  await form.getByRole('button', { name: 'Log activity' }).click();

  const result = page.getByTestId('log-result');
  await expect(result).toContainText(`Cadence call: ${date(before)} →`);
  await expect(page.getByTestId('timeline')).toContainText('Monthly cadence: CI migration plan');

  const assessment = await getJson<{ obligations: { kind: string; dueDate: string }[] }>(
    page,
    `/api/v1/accounts/${accountId}/assessment`,
  );
  const after = assessment.obligations.find((obligation) => obligation.kind === 'cadence')!.dueDate;
  expect(after > before).toBe(true);
  await expect(result).toContainText(date(after));

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(cadenceDue).toHaveText(date(after));

  await page.getByRole('link', { name: 'My week' }).click();
  await expect(page.getByTestId('worklist').or(page.getByText('Nothing overdue'))).toBeVisible();
  if (await showAll.isVisible()) await showAll.click();
  await expect(row).toHaveCount(0);
});

test('a red sentiment turns health red, raises the priority and adds a triage obligation, each explained', async ({
  page,
}) => {
  await signIn(page, TAM);
  const portfolio = await getJson<{ items: PortfolioItem[] }>(page, '/api/v1/portfolio');
  const account = portfolio.items.find(
    (item) =>
      item.priority === 'pr2' &&
      item.healthColour === 'green' &&
      (item.priorityModel === 'us_enterprise' || item.priorityModel === 'commercial'),
  );
  expect(account, 'the demo TAM has a green P2 account').toBeTruthy();
  await page.goto(`/accounts/${account!.accountId}`);

  const health = page.getByTestId('fact-health');
  const priority = page.getByTestId('fact-priority');
  const triage = page.locator('[data-testid="obligations"] tr[data-kind="triage_update"]');
  await expect(health).toContainText('Green');
  await expect(priority).toContainText('P2');
  await expect(triage).toHaveCount(0);
  await screenshot(page, '04-account-overview', { docs: true });

  const sentiment = page.getByTestId('sentiment-card');
  await sentiment.getByText('Red', { exact: true }).click();
  await sentiment.getByLabel('Why').fill('Champion left; the renewal is at risk.');
  await sentiment.getByRole('button', { name: 'Update sentiment' }).click();

  await expect(health).toContainText('Red');
  await expect(priority).toContainText('P1');
  await expect(triage).toBeVisible();
  await expect(page.getByTestId('current-sentiment')).toHaveText('Red');

  await page.getByRole('button', { name: 'Explain health', exact: true }).click();
  await expect(page.getByTestId('explanation').filter({ hasText: 'TAM sentiment is red' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Explain priority', exact: true }).click();
  const why = page.getByTestId('explanation').filter({ hasText: 'at risk? yes' });
  await expect(why).toBeVisible();
  await expect(why).toContainText('Inputs');
  await screenshot(page, '05-account-explanation', { docs: true });
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Explain Triage update' }).click();
  await expect(
    page.getByTestId('explanation').filter({ hasText: 'health red: a triage update every 7 days' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  // History: the day before, the sentiment was still green and the account P2.
  await page.getByRole('tab', { name: 'History' }).click();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Show the record as of').fill(yesterday);
  const sentimentRow = page.locator('[data-testid="as-of"] tr[data-field="TAM sentiment"]');
  await expect(sentimentRow.getByTestId('then-value')).toHaveText('Green');
  await expect(sentimentRow).toContainText('Red');
  await expect(
    page.locator('[data-testid="as-of"] tr[data-field="Priority"]').getByTestId('then-value'),
  ).toHaveText('P2');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByTestId('diff')).toContainText('Champion left');
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, '08-account-history', { docs: true });
});

test('profiles edit inline: field errors from the server, and a stale edit keeps the typed text', async ({
  page,
}) => {
  await signIn(page, TAM);
  const portfolio = await getJson<{ items: PortfolioItem[] }>(page, '/api/v1/portfolio');
  const accountId = portfolio.items[0]!.accountId;
  await page.goto(`/accounts/${accountId}?tab=profile`);

  // A 400 names the field: ARR cannot be negative.
  const details = page.getByTestId('account-details');
  await details.getByRole('button', { name: 'Edit account details' }).click();
  await details.getByLabel('ARR (USD)').fill('-5');
  await details.getByRole('button', { name: 'Save' }).click();
  await expect(details.getByText(/Too small|greater than or equal to 0|>=0/i)).toBeVisible();
  await details.getByRole('button', { name: 'Cancel' }).click();

  // Someone else saves the business profile while we type: 409, reload, the text survives.
  const business = page.getByTestId('businessProfile');
  await business.getByRole('button', { name: 'Edit business profile' }).click();
  const whyTheyBought = business.getByLabel('Why they bought');
  await whyTheyBought.fill('Consolidating five CI tools before the audit in March.');
  const account = await getJson<{ businessProfile: { version: number } }>(
    page,
    `/api/v1/accounts/${accountId}`,
  );
  const concurrent = await page.request.patch(`/api/v1/accounts/${accountId}/business-profile`, {
    data: {
      organisationStructure: 'Platform team of 12 reporting to the CTO.',
      version: account.businessProfile.version,
    },
  });
  expect(concurrent.status()).toBe(200);
  await business.getByRole('button', { name: 'Save' }).click();
  await expect(
    business.getByRole('alert').filter({ hasText: 'Someone else changed this record' }),
  ).toBeVisible();
  await screenshot(page, '07-account-profile-conflict', { docs: true });
  await business.getByRole('button', { name: 'Reload latest' }).click();
  await expect(whyTheyBought).toHaveValue('Consolidating five CI tools before the audit in March.');
  await expect(business.getByText(/^Latest saved: /)).toBeVisible();
  await expect(business.getByLabel('Organisation structure')).toHaveValue(
    'Platform team of 12 reporting to the CTO.',
  );
  await business.getByRole('button', { name: 'Save' }).click();
  await expect(business.getByText('Consolidating five CI tools before the audit in March.')).toBeVisible();
  await expect(business.getByText('Platform team of 12 reporting to the CTO.')).toBeVisible();
});

test('a TAM requests a P1 exception and the TAM manager approves it', async ({ page, browser }) => {
  await signIn(page, TAM);
  const portfolio = await getJson<{ items: PortfolioItem[] }>(page, '/api/v1/portfolio');
  const account = portfolio.items.find(
    (item) => item.priority === 'pr2' && item.priorityModel === 'us_enterprise',
  );
  expect(account, 'the demo TAM has a US Enterprise P2 account').toBeTruthy();
  await page.goto(`/accounts/${account!.accountId}`);
  await page.getByRole('button', { name: 'Request an exception' }).click();
  await page.getByLabel('Reason').fill('Expansion into the payments division this quarter');
  await page.getByRole('button', { name: 'Request', exact: true }).click();
  const exceptions = page.getByRole('table', { name: 'Priority exceptions' });
  await expect(exceptions).toContainText('Requested');
  await expect(exceptions.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  await expect(page.getByTestId('fact-priority')).toContainText('P2');

  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signIn(manager, MANAGER);
  await manager.goto(`/accounts/${account!.accountId}`);
  await manager
    .getByRole('table', { name: 'Priority exceptions' })
    .getByRole('button', { name: 'Approve' })
    .click();
  await expect(manager.getByRole('table', { name: 'Priority exceptions' })).toContainText('Approved');
  await expect(manager.getByTestId('fact-priority')).toContainText('P1');
  await manager.getByRole('button', { name: 'Explain priority', exact: true }).click();
  await expect(manager.getByTestId('explanation')).toContainText('exception');
  await managerContext.close();
});

test('managers see the team; accounts filter by URL; Ctrl+K jumps to an account', async ({ page }) => {
  await signIn(page, MANAGER);
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page.getByTestId('team-load')).toBeVisible();
  await expect(page.getByText('Eligible accounts with no TAM')).toBeVisible();
  await expect(page.getByText('Disengagement candidates')).toBeVisible();
  await expect(page.getByText('Priority reviews due')).toBeVisible();
  await expect(page.getByRole('meter').first()).toBeVisible();
  await screenshot(page, '09-team', { docs: true });

  await page.goto('/accounts?priority=pr1&segment=enterprise&sort=-arr');
  const table = page.getByTestId('accounts-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // Find the column by its header: columns come and go (the TAM column moved it once).
  const headers = (await table.locator('thead th').allInnerTexts()).map((text) => text.trim());
  const priorityColumn = headers.findIndex((text) => text.startsWith('Priority')) + 1;
  expect(priorityColumn, `a Priority column among ${headers.join(', ')}`).toBeGreaterThan(0);
  const priorities = await table.locator(`tbody tr td:nth-child(${priorityColumn})`).allInnerTexts();
  expect(priorities.length).toBeGreaterThan(0);
  expect(new Set(priorities.map((text) => text.trim()))).toEqual(new Set(['P1']));
  await screenshot(page, '03-accounts', { docs: true });
  await page.getByRole('combobox', { name: 'Health' }).click();
  await page.getByRole('option', { name: 'Red' }).click();
  await expect(page).toHaveURL(/health=red/);

  const target = await getJson<{ items: { id: string; name: string }[] }>(
    page,
    '/api/v1/accounts?sort=-arr&limit=1',
  );
  await page.keyboard.press('Control+k');
  await page
    .getByRole('textbox', { name: 'Search accounts', exact: true })
    .fill(target.items[0]!.name.slice(0, 8));
  await expect(
    page.getByRole('button', { name: new RegExp(target.items[0]!.name.slice(0, 8)) }).first(),
  ).toBeVisible();
  await screenshot(page, '10-quick-jump', { docs: true });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/accounts\/[0-9a-f-]{36}/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(target.items[0]!.name.slice(0, 8));
});

/**
 * Replaces a textarea's text as a paste would, in one input event. `fill` types it through
 * Chromium's editing pipeline, which for the whole playbook (a long document) took over 20 s on
 * a busy 2-core CI machine.
 */
async function paste(textarea: Locator, text: string) {
  await textarea.evaluate((element, value) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    setValue.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

test('admins edit the playbook with validation, see the dry run, and manage users', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Playbook', exact: true }).click();
  const editor = page.getByRole('textbox', { name: 'Playbook JSON' });
  await expect(editor).toHaveValue(/"tiers"/);
  const original = await editor.inputValue();
  const document = JSON.parse(original) as { tiers: { minArr: number }[] };

  document.tiers[1]!.minArr = 900_000;
  await paste(editor, JSON.stringify(document, null, 2));
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(page.getByTestId('playbook-issues')).toContainText('tiers[1].minArr');

  document.tiers[1]!.minArr = 250_000;
  document.tiers[0]!.minArr = 600_000;
  await paste(editor, JSON.stringify(document, null, 2));
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('dry-run')).toBeVisible();
  await expect(page.getByText(/would change/)).toBeVisible();
  await expect(page.getByTestId('dry-run')).toContainText('Engagement tier: Tier 1 → Tier 2');
  await editor.evaluate((element) => element.scrollTo(0, 0));
  await screenshot(page, '11-playbook', { docs: true });

  await page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('Priya Natarajan');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Alex Moreno');
  await dialog.getByLabel('E-mail').fill(TAM);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('is already taken')).toBeVisible();
  await dialog.getByLabel('E-mail').fill('alex.moreno@liaison.example');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('table', { name: 'Users' })).toContainText('alex.moreno@liaison.example');
  await screenshot(page, '12-users', { docs: true });
});

test('a viewer reads everything but sees no edit controls, and the server refuses edits', async ({
  page,
}) => {
  await signIn(page, VIEWER);
  await expect(page.getByRole('link', { name: 'Team', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Playbook', exact: true })).toHaveCount(0);
  const list = await getJson<{ items: { id: string; version: number }[] }>(
    page,
    '/api/v1/accounts?sort=-arr&limit=1',
  );
  const account = list.items[0]!;
  await page.goto(`/accounts/${account.id}`);
  await expect(page.getByTestId('fact-priority')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Update sentiment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Request an exception/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Profile' }).click();
  await expect(page.getByTestId('businessProfile')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Edit/ })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Log activity' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'People' }).click();
  await expect(page.getByRole('table', { name: 'Contacts' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Add a contact|Edit stakeholder/ })).toHaveCount(0);

  const refused = await page.request.patch(`/api/v1/accounts/${account.id}`, {
    data: { sentiment: 'red', version: account.version },
  });
  expect(refused.status()).toBe(403);
});

interface Explained {
  priority: { priority: string; provisional: boolean; explanation: { path: string[] } };
  health: { colour: string | null; score: number | null };
}

test('a TAM sets "requires triage" on a yellow account: it counts as at risk, explained', async ({
  page,
}) => {
  await signIn(page, TAM);
  // A yellow account of hers whose model asks "at risk?" and answers no only for want of triage.
  const portfolio = await getJson<{ items: PortfolioItem[] }>(page, '/api/v1/portfolio');
  let accountId: string | null = null;
  for (const item of portfolio.items.filter((candidate) => candidate.healthColour === 'yellow')) {
    const assessment = await getJson<Explained>(page, `/api/v1/accounts/${item.accountId}/assessment`);
    if (assessment.priority.explanation.path.some((step) => step.includes('triage not required'))) {
      accountId = item.accountId;
      break;
    }
  }
  expect(accountId, 'the demo TAM has a yellow account not at risk for want of triage').toBeTruthy();
  await page.goto(`/accounts/${accountId}`);

  const health = page.getByTestId('fact-health');
  const priority = page.getByTestId('fact-priority');
  await expect(health).toContainText('Yellow');
  await expect(health.getByTestId('requires-triage-badge')).toHaveCount(0);
  await page.getByRole('button', { name: 'Explain priority', exact: true }).click();
  await expect(page.getByTestId('explanation')).toContainText(
    'at risk? no (health yellow, triage not required)',
  );
  await page.keyboard.press('Escape');

  const sentiment = page.getByTestId('sentiment-card');
  const triage = sentiment.getByRole('switch', { name: 'Requires triage (I need help)' });
  await expect(triage).not.toBeChecked();
  await triage.click();
  await expect(triage).toBeChecked();
  await sentiment.getByLabel('Why').fill('Renewal blocked on a migration we cannot staff; I need help.');
  await sentiment.getByRole('button', { name: 'Update sentiment' }).click();

  await expect(health.getByTestId('requires-triage-badge')).toBeVisible();
  await expect(priority).toContainText('P1');
  await expect(priority).toContainText('at risk');
  const account = await getJson<{ requiresTriage: boolean }>(page, `/api/v1/accounts/${accountId}`);
  expect(account.requiresTriage).toBe(true);

  await page.getByRole('button', { name: 'Explain priority', exact: true }).click();
  await expect(page.getByTestId('explanation')).toContainText(
    'at risk? yes (health yellow, requires triage)',
  );
  await screenshot(page, '16-requires-triage', { docs: true });
  await page.keyboard.press('Escape');
});

test('a manager opens an eligible account with no TAM: health not scored, priority provisional, nothing owed', async ({
  page,
}) => {
  await signIn(page, MANAGER);
  const overview = await getJson<{ needsTam: { accountId: string; name: string }[] }>(
    page,
    '/api/v1/team-overview',
  );
  expect(overview.needsTam.length, 'the demo has an eligible account with no TAM').toBeGreaterThan(0);
  const target = overview.needsTam[0]!;
  const assessment = await getJson<Explained>(page, `/api/v1/accounts/${target.accountId}/assessment`);
  expect(assessment.priority.provisional).toBe(true);
  expect(assessment.health.colour).toBeNull();

  await page.getByRole('link', { name: 'Team', exact: true }).click();
  const needsTam = page.locator('.mantine-Card-root').filter({ hasText: 'Eligible accounts with no TAM' });
  await expect(needsTam.getByTestId('not-scored').first()).toBeVisible();
  await expect(needsTam.getByTestId('provisional').first()).toBeVisible();
  await screenshot(page, 'team-needs-a-tam');
  await needsTam.getByRole('link', { name: target.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/accounts/${target.accountId}`));

  const health = page.getByTestId('fact-health');
  await expect(health).toContainText('Not scored');
  await expect(health).toContainText('No TAM: the health scorecard is the TAM’s');
  await expect(health).not.toContainText('Red');
  const priority = page.getByTestId('fact-priority');
  await expect(priority).toContainText('provisional');
  await expect(priority).toContainText('nothing is owed until a TAM is assigned');
  await expect(page.getByTestId('no-obligations')).toContainText('No obligations: this account has no TAM');
  await expect(page.getByTestId('obligations')).toHaveCount(0);
  await expect(page.getByTestId('priority-provisional')).toBeVisible();
  await expect(page.getByTestId('health-not-scored')).toContainText('No TAM');
  await screenshot(page, '17-needs-a-tam', { docs: true });
  await screenshot(page, 'needs-a-tam-full', { fullPage: true });

  await page.getByRole('button', { name: 'Explain priority', exact: true }).click();
  await expect(page.getByTestId('explanation')).toContainText(
    'is provisional: nothing is owed until a TAM is assigned',
  );
  await page.keyboard.press('Escape');

  // The account list says "Not scored" too, never a red 0 or a blank.
  await page.goto('/accounts?tam=none');
  await expect(page.getByTestId('accounts-table').getByTestId('not-scored').first()).toBeVisible();
  await screenshot(page, 'accounts-no-tam');
});
