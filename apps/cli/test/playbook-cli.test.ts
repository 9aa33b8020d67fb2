import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApiClient } from '@liaison/contracts';
import { defaultPlaybook } from '@liaison/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// assess, portfolio, worklist, team and playbook, as a child process against the real app.

let app: TestApp;
let dir: string;
let env: Record<string, string>;
let tamId: string;
const ids: Record<string, string> = {};
const files = { invalid: '', raise: '' };

type Editable = { tiers: { minArr: number }[] };

beforeAll(async () => {
  app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
  const url = await listen(app);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-playbook-cli-test-'));
  env = { LIAISON_URL: url, LIAISON_TOKEN: app.adminToken, XDG_CONFIG_HOME: dir };

  const client = createApiClient({ baseUrl: url, token: app.adminToken });
  const tam = await client.users.create({
    name: 'Tara Tam',
    email: 'tara@example.com',
    roles: ['tam'],
    region: 'noram',
  });
  tamId = tam.id;
  const book: [name: string, arr: number, withTam: boolean][] = [
    ['Seven Hundred Inc', 700_000, true],
    ['Exactly Six Corp', 600_000, true],
    ['Just Under Six Ltd', 599_999, true],
    ['Five Fifty GmbH', 550_000, true],
    ['Three Hundred LLC', 300_000, true],
    ['Orphan Holdings', 400_000, false],
  ];
  for (const [name, arr, withTam] of book) {
    const account = await client.accounts.create({
      name,
      segment: 'enterprise',
      region: 'noram',
      plan: 'premium',
      arr,
      renewalDate: '2026-09-30',
      relationshipStage: 'customer',
      sentiment: 'green',
    });
    ids[name] = account.id;
    if (withTam)
      await client.team.assign(account.id, { userId: tam.id, role: 'tam', startsAt: '2026-01-05T00:00:00Z' });
  }

  const invalid = structuredClone(defaultPlaybook) as unknown as Editable;
  invalid.tiers[1]!.minArr = 900_000;
  files.invalid = path.join(dir, 'invalid.json');
  fs.writeFileSync(files.invalid, JSON.stringify(invalid));
  const raise = structuredClone(defaultPlaybook) as unknown as Editable;
  raise.tiers[0]!.minArr = 600_000;
  files.raise = path.join(dir, 'raise.json');
  fs.writeFileSync(files.raise, JSON.stringify(raise));
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('liaison playbook', () => {
  it('validates a file: exit 1 naming each invalid path, exit 0 "valid"', async () => {
    const [invalid, invalidJson, valid, missing] = await Promise.all([
      liaison(['playbook', 'validate', files.invalid], { env }),
      liaison(['playbook', 'validate', files.invalid, '--json'], { env }),
      liaison(['playbook', 'validate', files.raise], { env }),
      liaison(['playbook', 'validate', path.join(dir, 'nope.json')], { env }),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/^tiers\[1\]\.minArr: .*below tiers\[0\]\.minArr/m);
    expect(invalid.stderr).toMatch(/^error: .*invalid\.json: the playbook is invalid \(1 issue\)\n$/);

    // --json: exactly the API's answer on stdout, still exit 1.
    expect(invalidJson.code).toBe(1);
    const result = JSON.parse(invalidJson.stdout);
    expect(result.valid).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ path: 'tiers[1].minArr' }));

    expect(valid).toMatchObject({ code: 0, stdout: 'valid\n', stderr: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^error: cannot read .*nope\.json: no such file\n$/);
  });

  it('dry-runs tier 1 at $600k: lists exactly the accounts that move, changes nothing', async () => {
    const [table, json] = await Promise.all([
      liaison(['playbook', 'dry-run', files.raise], { env }),
      liaison(['playbook', 'dry-run', files.raise, '--json'], { env }),
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.split('\n');
    expect(lines[0]).toMatch(/^ACCOUNT\s+FIELD\s+BEFORE → AFTER$/);
    const tierMoves = lines.filter((line) => /\btier\s+tier 1 → tier 2$/.test(line));
    expect(tierMoves.map((line) => line.split(/\s{2,}/)[0]).sort()).toEqual([
      'Five Fifty GmbH',
      'Just Under Six Ltd',
    ]);
    expect(table.stdout).not.toContain('Exactly Six Corp');
    expect(table.stdout).not.toContain('Seven Hundred Inc');
    expect(table.stdout).toMatch(/^2 of 6 accounts would change \(candidate vs playbook version 0, /m);

    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    expect(result).toMatchObject({ currentVersion: 0, accountsAssessed: 6 });
    expect(result.changes.map((change: { accountId: string }) => change.accountId).sort()).toEqual(
      [ids['Five Fifty GmbH'], ids['Just Under Six Ltd']].sort(),
    );

    const show = await liaison(['playbook', 'show', '--version-only'], { env });
    expect(show.stdout).toMatch(/^Version\s+0 \(the built-in handbook defaults\)$/m);
  });
});

describe('liaison assess, portfolio, worklist, team', () => {
  it('reassesses the whole book in slices (assess --all --json)', async () => {
    const [json, text] = await Promise.all([
      liaison(['assess', '--all', '--batch', '4', '--json'], { env }),
      liaison(['assess', '--all'], { env }),
    ]);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({ accounts: 6, total: 6 });
    expect(summary.slices.map((slice: { accounts: number }) => slice.accounts)).toEqual([4, 2]);
    expect(summary.slices.at(-1).nextCursor).toBeNull();
    expect(summary.accountsPerSecond).toBeGreaterThan(0);

    // No TTY: no progress bar on stderr, only the summary on stdout.
    expect(text).toMatchObject({ code: 0, stderr: '' });
    expect(text.stdout).toMatch(/^Reassessed 6 accounts in \d+\.\d s, [\d,]+ accounts\/s \(1 request\)\.\n$/);
  });

  it("shows a TAM's portfolio and worklist", async () => {
    const [json, table, worklist, nobody] = await Promise.all([
      liaison(['portfolio', '--owner', tamId, '--json'], { env }),
      liaison(['portfolio', '--owner', tamId], { env }),
      liaison(['worklist', '--owner', tamId], { env }),
      liaison(['portfolio', '--owner', 'not-an-id'], { env }),
    ]);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const portfolio = JSON.parse(json.stdout);
    expect(portfolio.owner).toEqual({ id: tamId, name: 'Tara Tam' });
    expect(portfolio.items.map((item: { name: string }) => item.name).sort()).toEqual([
      'Exactly Six Corp',
      'Five Fifty GmbH',
      'Just Under Six Ltd',
      'Seven Hundred Inc',
      'Three Hundred LLC',
    ]);
    // 4 × tier 1 (1/5) + 1 × tier 2 (1/10).
    expect(portfolio.capacity).toMatchObject({ load: 0.9, accounts: 5 });

    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^Seven Hundred Inc\s+tier 1\s+diamond\s+Pr\d\s+\w+ [\d.]+\s+\$700,000\s+/m);
    expect(table.stdout).toContain('Capacity: load 0.90 of 1.00 — 5 accounts (tier 1: 4, tier 2: 1)');
    expect(table.stdout).toMatch(/^ {2}[⚠✓] US Enterprise: \d of 5 accounts Pr1 /m);

    expect(worklist.code).toBe(0);
    expect(worklist.stdout).toMatch(/^STATUS\s+DUE\s+ACCOUNT\s+PRIORITY\s+KIND\s+WHY$/m);
    // Overdue first; "why" is the last step of the explanation.
    expect(worklist.stdout.split('\n')[3]).toMatch(
      /^overdue\s+\d{4}-\d{2}-\d{2}\s+\S.*\s+Pr\d\s+.*→ overdue$/,
    );

    expect(nobody.code).toBe(2);
  });

  it('shows an assessment, explained, and the team overview', async () => {
    const [plain, explained, json, team] = await Promise.all([
      liaison(['assess', ids['Just Under Six Ltd']!], { env }),
      liaison(['assess', ids['Just Under Six Ltd']!, '--explain'], { env }),
      liaison(['assess', ids['Just Under Six Ltd']!, '--at', '2026-03-02T09:00:00Z', '--json'], { env }),
      liaison(['team'], { env }),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Just Under Six Ltd: assessment$/m);
    expect(plain.stdout).toMatch(/^ {2}Tier\s+Tier 1 \(ARR ≥ \$500,000 · 5 accounts per TAM\)$/m);
    expect(plain.stdout).toContain('TAM Tara Tam');
    expect(plain.stdout).not.toContain('rule engagement_tier');

    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('rule engagement_tier');
    expect(explained.stdout).toMatch(/^\s+1\. ARR \$599,999 ≥ \$500,000\? yes → Tier 1$/m);
    expect(explained.stdout).toMatch(/^\s+arr\s+599999$/m);

    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      accountId: ids['Just Under Six Ltd'],
      evaluatedAt: '2026-03-02T09:00:00.000Z',
      engagementTier: { tier: 'tier1' },
    });

    expect(team.code).toBe(0);
    expect(team.stdout).toMatch(/^ {2}Tara Tam\s+NORAM\s+5\s+0\.90\s+/m);
    expect(team.stdout).toMatch(/^Accounts needing a TAM \(1\)$/m);
    expect(team.stdout).toMatch(/^ {2}Orphan Holdings\s+\$400,000\s+tier 2\s+/m);
  });
});

describe('liaison playbook apply', () => {
  it('needs --yes without a terminal, applies the version it read, and shows it', async () => {
    const refused = await liaison(['playbook', 'apply', files.raise], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --yes');

    const applied = await liaison(
      ['playbook', 'apply', files.raise, '--yes', '--note', 'tier 1 from $600k'],
      {
        env,
      },
    );
    expect(applied.code).toBe(0);
    expect(applied.stdout).toBe('Applied playbook version 1 (was version 0).\n');

    const [version, document, assessment] = await Promise.all([
      liaison(['playbook', 'show', '--version-only'], { env }),
      liaison(['playbook', 'show'], { env }),
      liaison(['assess', ids['Just Under Six Ltd']!, '--json'], { env }),
    ]);
    expect(version.stdout).toMatch(/^Version\s+1$/m);
    expect(version.stdout).toMatch(/^Note\s+tier 1 from \$600k$/m);
    expect(JSON.parse(document.stdout).tiers[0].minArr).toBe(600_000);
    expect(document.stderr).toMatch(/^playbook version 1, applied .* "tier 1 from \$600k"\n$/);
    expect(JSON.parse(assessment.stdout)).toMatchObject({
      playbookVersion: 1,
      engagementTier: { tier: 'tier2' },
    });

    // What `show` prints can be applied back as it is; the document `show --json` prints too.
    const shown = path.join(dir, 'shown.json');
    fs.writeFileSync(shown, (await liaison(['playbook', 'show', '--json'], { env })).stdout);
    const again = await liaison(['playbook', 'apply', shown, '--yes', '--json'], { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ version: 2, note: null });
  });
});
