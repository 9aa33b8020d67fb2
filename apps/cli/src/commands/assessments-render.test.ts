import type {
  Assessment,
  DryRunResult,
  Portfolio,
  ReassessSlice,
  TeamOverview,
  Worklist,
} from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import {
  formatExplanation,
  type ReassessProgress,
  renderAssessment,
  renderReassessSummary,
  runReassessment,
} from './assess.ts';
import { dryRunSummary, renderDryRun } from './playbook-dry-run.ts';
import { describeVersion, renderPlaybookVersion } from './playbook-show.ts';
import { renderValidation } from './playbook-validate.ts';
import { ownerQuery, renderPortfolio } from './portfolio.ts';
import { renderTeamOverview } from './team.ts';
import { renderWorklist } from './worklist.ts';

const tamId = '0190c7e2-0000-7000-8000-0000000000t1';
const acme = '0190c7e2-0000-7000-8000-0000000000aa';
const globex = '0190c7e2-0000-7000-8000-0000000000bb';
const explanation = (path: string[], inputs: Record<string, unknown> = {}) => ({
  ruleId: 'rule',
  path,
  inputs,
});

describe('renderPortfolio', () => {
  const portfolio: Portfolio = {
    owner: { id: tamId, name: 'Tara Tam' },
    evaluatedAt: '2026-03-02T09:00:00.000Z',
    items: [
      {
        accountId: acme,
        name: 'Acme Corp',
        segment: 'enterprise',
        region: 'noram',
        arr: 700_000,
        renewalDate: '2026-09-30',
        tier: 'tier1',
        gemstone: 'diamond',
        priority: 'pr1',
        priorityModel: 'us_enterprise',
        healthColour: 'red',
        healthScore: 0,
        capacityShare: 0.2,
        nextDue: { kind: 'cadence', dueDate: '2026-02-04', status: 'overdue' },
        overdueCount: 2,
      },
      {
        accountId: globex,
        name: 'Globex',
        segment: 'mid_market',
        region: 'emea',
        arr: 120_000,
        renewalDate: null,
        tier: 'tier3',
        gemstone: 'sapphire',
        priority: 'pr2',
        priorityModel: 'commercial',
        healthColour: 'green',
        healthScore: 78.95,
        capacityShare: 0.04,
        nextDue: null,
        overdueCount: 0,
      },
    ],
    capacity: {
      load: 0.24,
      accounts: 2,
      byTier: {
        tier3: { accounts: 1, accountsPerTam: 25, load: 0.04 },
        tier1: { accounts: 1, accountsPerTam: 5, load: 0.2 },
      },
    },
    p1Guidance: [
      {
        model: 'us_enterprise',
        accounts: 1,
        p1: 1,
        share: 1,
        guidance: 'about 33% of the book as P1 (±10 points)',
        withinGuidance: false,
      },
      {
        model: 'emea_enterprise',
        accounts: 6,
        p1: 5,
        share: 0.8333,
        guidance: '5–8 P1 accounts',
        withinGuidance: true,
      },
      {
        model: 'commercial',
        accounts: 1,
        p1: 0,
        share: 0,
        guidance: 'no P1 guidance',
        withinGuidance: null,
      },
    ],
  };

  it('shows one row per account, the capacity line and the P1 guidance with a warning mark', () => {
    const lines = renderPortfolio(portfolio).split('\n');
    expect(lines[0]).toBe('Portfolio of Tara Tam · evaluated 2026-03-02 09:00 UTC');
    expect(lines[2]).toMatch(
      /^ACCOUNT\s+TIER\s+GEMSTONE\s+PRIORITY\s+HEALTH\s+ARR\s+NEXT DUE\s+RENEWAL\s+ID$/,
    );
    expect(lines[3]).toMatch(
      /^Acme Corp\s+tier 1\s+diamond\s+Pr1\s+red 0\s+\$700,000\s+cadence 2026-02-04 \(overdue\)\s+2026-09-30\s+0190c7e2/,
    );
    expect(lines[4]).toMatch(
      /^Globex\s+tier 3\s+sapphire\s+Pr2\s+green 78\.95\s+\$120,000\s+—\s+—\s+0190c7e2/,
    );
    expect(lines.slice(6)).toEqual([
      'Capacity: load 0.24 of 1.00 — 2 accounts (tier 1: 1, tier 3: 1)',
      'P1 guidance:',
      '  ⚠ US Enterprise: 1 of 1 account Pr1 (100%) — outside guidance: about 33% of the book as P1 (±10 points)',
      '  ✓ EMEA Enterprise: 5 of 6 accounts Pr1 (83%) — within guidance: 5–8 P1 accounts',
      '  — Commercial: 0 of 1 account Pr1 (0%) — no P1 guidance',
    ]);
  });

  it('flags a load over capacity and says when there are no accounts', () => {
    const full = { ...portfolio, capacity: { ...portfolio.capacity, load: 1.2 } };
    expect(renderPortfolio(full)).toContain(
      'load 1.20 of 1.00 — 2 accounts (tier 1: 1, tier 3: 1) ⚠ over capacity',
    );
    expect(renderPortfolio({ ...portfolio, items: [] })).toContain('No accounts: Tara Tam is TAM of none.');
  });

  it('reads --owner: a user id, or me/nothing for yourself', () => {
    expect(ownerQuery(undefined)).toEqual({});
    expect(ownerQuery('me')).toEqual({});
    expect(ownerQuery(acme.toUpperCase())).toEqual({ owner: acme });
    expect(() => ownerQuery('tara')).toThrow(/is not an id/);
  });
});

describe('renderWorklist', () => {
  it('keeps the server order and shows the last step of the explanation as why', () => {
    const worklist: Worklist = {
      owner: { id: tamId, name: 'Tara Tam' },
      evaluatedAt: '2026-03-02T09:00:00.000Z',
      horizon: '2026-03-09',
      items: [
        {
          accountId: acme,
          accountName: 'Acme Corp',
          priority: 'pr1',
          kind: 'success_plan',
          dueDate: '2026-02-19',
          status: 'overdue',
          explanation: explanation(['no success plan', 'not met: 11 day(s) past due → overdue']),
        },
        {
          accountId: globex,
          accountName: 'Globex',
          priority: 'pr2',
          kind: 'triage_update',
          dueDate: '2026-03-06',
          status: 'due_soon',
          explanation: explanation([]),
        },
      ],
    };
    const lines = renderWorklist(worklist).split('\n');
    expect(lines[0]).toBe(
      'Worklist of Tara Tam: overdue, and due by 2026-03-09 · evaluated 2026-03-02 09:00 UTC',
    );
    expect(lines[2]).toMatch(/^STATUS\s+DUE\s+ACCOUNT\s+PRIORITY\s+KIND\s+WHY$/);
    expect(lines[3]).toMatch(
      /^overdue\s+2026-02-19\s+Acme Corp\s+Pr1\s+success plan\s+not met: 11 day\(s\) past due → overdue$/,
    );
    expect(lines[4]).toMatch(/^due soon\s+2026-03-06\s+Globex\s+Pr2\s+triage update\s+—$/);
    expect(renderWorklist({ ...worklist, items: [] })).toContain('Nothing overdue or due by 2026-03-09.');
  });
});

describe('renderTeamOverview', () => {
  it('shows every TAM, then the accounts needing attention, with TAM names', () => {
    const overview: TeamOverview = {
      evaluatedAt: '2026-03-02T09:00:00.000Z',
      tams: [
        {
          userId: tamId,
          name: 'Tara Tam',
          region: 'noram',
          accounts: 7,
          load: 1.04,
          p1: 3,
          p1Share: 0.4286,
          overdue: 5,
        },
      ],
      needsTam: [{ accountId: acme, name: 'Acme Corp', arr: 400_000, tier: 'tier2' }],
      disengagementCandidates: [],
      reviewsDue: [
        { accountId: globex, name: 'Globex', tamUserId: tamId, dueDate: '2026-03-20', status: 'ok' },
      ],
    };
    const text = renderTeamOverview(overview);
    expect(text).toMatch(/^TAMs \(1\)\n {2}TAM\s+REGION\s+ACCOUNTS\s+LOAD\s+P1\s+P1 SHARE\s+OVERDUE$/m);
    expect(text).toMatch(/^ {2}Tara Tam\s+NORAM\s+7\s+⚠ 1\.04\s+3\s+43%\s+5$/m);
    expect(text).toMatch(
      /^Accounts needing a TAM \(1\)\n {2}ACCOUNT\s+ARR\s+TIER\s+ID\n {2}Acme Corp\s+\$400,000\s+tier 2\s+0190c7e2/m,
    );
    expect(text).toContain('Disengagement candidates: none');
    expect(text).toMatch(/^ {2}Globex\s+Tara Tam\s+2026-03-20\s+ok\s+0190c7e2/m);
  });
});

const assessment: Assessment = {
  accountId: acme,
  evaluatedAt: '2026-03-02T09:00:00.000Z',
  playbookVersion: 0,
  fiscalQuarter: { fiscalYear: 2027, quarter: 1, start: '2026-02-01', end: '2026-04-30' },
  engagementTier: {
    tier: 'tier2',
    name: 'Tier 2',
    accountsPerTam: 10,
    minArr: 250_000,
    practices: { customerIntro: 'Email introduction to TAM', successPlanReview: null },
    description: null,
    explanation: {
      ruleId: 'engagement_tier',
      path: ['ARR $300,000 ≥ $500,000? no', 'ARR $300,000 ≥ $250,000? yes → Tier 2'],
      inputs: { arr: 300_000, tierMinimums: [500_000, 250_000, 100_000] },
    },
  },
  tamAlignment: {
    eligible: true,
    hasTam: true,
    tamUserIds: [tamId],
    needsTam: false,
    disengagementCandidate: false,
    managed: true,
    explanation: explanation(['eligible and aligned → ok']),
  },
  gemstone: { gemstone: 'pearl', explanation: explanation(['pearl? yes → pearl']) },
  priority: {
    priority: 'pr1',
    model: 'us_enterprise',
    inOnboarding: false,
    atRisk: true,
    provisional: false,
    exceptionId: null,
    explanation: explanation(['at risk? yes (health red) → Pr1']),
  },
  health: {
    score: 0,
    colour: 'red',
    stale: false,
    sentimentAgeDays: 0,
    measures: [
      {
        measure: 'sentiment',
        included: true,
        colour: 'red',
        points: 0,
        weight: 75,
        effectiveWeight: 78.95,
        explanation: explanation(['TAM sentiment red'], { sentiment: 'red' }),
      },
      {
        measure: 'support_tickets',
        included: false,
        colour: null,
        points: null,
        weight: 5,
        effectiveWeight: 0,
        explanation: explanation(['no ticket data → left out']),
      },
    ],
    explanation: explanation(['TAM sentiment is red → red regardless of score']),
  },
  obligations: [
    {
      kind: 'cadence',
      dueDate: '2026-02-04',
      status: 'overdue',
      fulfilled: false,
      satisfiedBy: null,
      explanation: explanation(['2026-01-05 + 30 days → due 2026-02-04', '26 day(s) past due → overdue'], {
        intervalDays: 30,
      }),
    },
  ],
  triage: null,
  nextDue: { kind: 'cadence', dueDate: '2026-02-04', status: 'overdue' },
};

describe('renderAssessment', () => {
  it('shows each value in readable blocks, names from the record', () => {
    const text = renderAssessment(assessment, {
      accountName: 'Acme Corp',
      userNames: new Map([[tamId, 'Tara Tam']]),
    });
    expect(text).toMatch(
      /^Acme Corp: assessment\nid 0190c7e2-\S+ · evaluated 2026-03-02 09:00 UTC · playbook version 0 \(handbook defaults\)\nFY2027 Q1 \(2026-02-01 – 2026-04-30\)/,
    );
    expect(text).toMatch(/^ {2}Tier\s+Tier 2 \(ARR ≥ \$250,000 · 10 accounts per TAM\)$/m);
    expect(text).toMatch(/^ {2}Practices\s+• customer intro: Email introduction to TAM$/m);
    expect(text).toMatch(/^ {2}TAM alignment\s+eligible for a TAM · TAM Tara Tam · managed$/m);
    expect(text).toMatch(/^ {2}Priority\s+Pr1 \(US Enterprise model\) · at risk$/m);
    expect(text).toMatch(/^ {2}Health\s+red 0 · sentiment 0 days old$/m);
    expect(text).toMatch(/^ {2}support tickets\s+left out\s+—\s+5\s+0$/m);
    expect(text).toMatch(/^ {2}Next due\s+cadence 2026-02-04 \(overdue\)$/m);
    expect(text).toMatch(/^ {2}cadence\s+2026-02-04\s+overdue\s+no\s+—$/m);
    expect(text).not.toContain('rule engagement_tier');
  });

  it('with explain, prints each value’s rule path one step per line, then its inputs', () => {
    const text = renderAssessment(assessment, { explain: true });
    expect(text).toMatch(/^Account 0190c7e2-\S+: assessment$/m);
    expect(text).toContain(
      [
        '  Tier           Tier 2 (ARR ≥ $250,000 · 10 accounts per TAM)',
        '                 rule engagement_tier',
        '                   1. ARR $300,000 ≥ $500,000? no',
        '                   2. ARR $300,000 ≥ $250,000? yes → Tier 2',
        '                 inputs',
        '                   arr           300000',
        '                   tierMinimums  [500000,250000,100000]',
      ].join('\n'),
    );
    expect(text).toMatch(
      /TAM alignment\s+eligible for a TAM · TAM 0190c7e2-0000-7000-8000-0000000000t1 · managed/,
    );
    expect(text).toMatch(
      /^ {2}cadence\s+due 2026-02-04 \(overdue\)\n\s+rule rule\n\s+1\. 2026-01-05 \+ 30 days → due 2026-02-04\n\s+2\. 26 day\(s\) past due → overdue\n\s+inputs\n\s+intervalDays {2}30$/m,
    );
    expect(text).toMatch(/^ {2}support tickets\s+left out \(weight 5\)$/m);
  });

  it('formats an explanation without inputs', () => {
    expect(formatExplanation({ ruleId: 'gemstone', path: ['diamond? no'], inputs: {} })).toBe(
      'rule gemstone\n  1. diamond? no\ninputs —',
    );
  });
});

describe('runReassessment', () => {
  const slice = (accounts: number, nextCursor: string | null): ReassessSlice => ({
    accounts,
    total: 5,
    nextCursor,
    milliseconds: 10,
  });
  async function* slices() {
    yield slice(2, acme);
    yield slice(2, globex);
    yield slice(1, null);
  }

  it('follows every slice, reports progress and sums up', async () => {
    const events: string[] = [];
    const progress: ReassessProgress = {
      start: (total) => events.push(`start ${total}`),
      update: (done, rate) => events.push(`update ${done} ${rate}`),
      stop: () => events.push('stop'),
    };
    let now = 0;
    const clock = () => {
      now += 250;
      return now;
    };
    const summary = await runReassessment(slices(), progress, clock);
    expect(events).toEqual(['start 5', 'update 2 8', 'update 4 8', 'update 5 6.666666666666667', 'stop']);
    expect(summary).toMatchObject({
      accounts: 5,
      total: 5,
      seconds: 1,
      accountsPerSecond: 5,
      serverMilliseconds: 30,
    });
    expect(summary.slices).toHaveLength(3);
    expect(renderReassessSummary(summary)).toBe('Reassessed 5 accounts in 1.0 s, 5 accounts/s (3 requests).');
  });

  it('stops the progress bar when a slice fails', async () => {
    const events: string[] = [];
    async function* failing() {
      yield slice(2, acme);
      throw new Error('boom');
    }
    const progress: ReassessProgress = {
      start: () => events.push('start'),
      update: () => events.push('update'),
      stop: () => events.push('stop'),
    };
    await expect(runReassessment(failing(), progress)).rejects.toThrow('boom');
    expect(events).toEqual(['start', 'update', 'stop']);
  });
});

describe('playbook renderers', () => {
  it('lists each validation issue as path: message', () => {
    expect(renderValidation({ valid: true, issues: [] })).toBe('valid');
    expect(
      renderValidation({
        valid: false,
        issues: [
          { path: 'tiers[1].minArr', message: 'must be below tiers[0].minArr' },
          { path: '', message: 'expected an object' },
        ],
      }),
    ).toBe('tiers[1].minArr: must be below tiers[0].minArr\n(root): expected an object');
  });

  it('shows a dry-run as account, field, before → after, obligations by kind', () => {
    const result: DryRunResult = {
      currentVersion: 3,
      evaluatedAt: '2026-03-02T09:00:00.000Z',
      accountsAssessed: 120,
      accountsChanged: 1,
      workflows: [],
      changes: [
        {
          accountId: acme,
          accountName: 'Acme Corp',
          changes: [
            { field: 'engagementTier', before: 'tier1', after: 'tier2' },
            { field: 'priority', before: 'pr1', after: 'pr2' },
            { field: 'healthScore', before: 42.5, after: 50 },
            {
              field: 'obligations',
              before: [
                { kind: 'cadence', dueDate: '2026-02-04', status: 'overdue', fulfilled: false },
                { kind: 'ebr', dueDate: '2027-01-05', status: 'ok', fulfilled: false },
              ],
              after: [
                { kind: 'cadence', dueDate: '2026-03-06', status: 'due_soon', fulfilled: false },
                { kind: 'ebr', dueDate: '2027-01-05', status: 'ok', fulfilled: false },
                { kind: 'success_plan', dueDate: '2026-02-19', status: 'ok', fulfilled: true },
              ],
            },
          ],
        },
      ],
    };
    expect(renderDryRun(result).split('\n')).toEqual([
      'ACCOUNT    FIELD                    BEFORE → AFTER',
      'Acme Corp  tier                     tier 1 → tier 2',
      '           priority                 Pr1 → Pr2',
      '           health score             42.5 → 50',
      '           obligation cadence       2026-02-04 overdue → 2026-03-06 due soon',
      '           obligation success plan  — → 2026-02-19 ok fulfilled',
    ]);
    expect(dryRunSummary(result)).toBe(
      '1 of 120 accounts would change (candidate vs playbook version 3, evaluated 2026-03-02 09:00 UTC).',
    );
    expect(dryRunSummary({ ...result, accountsAssessed: 2_000, accountsChanged: 1_500 })).toBe(
      '1,500 of 2,000 accounts would change (candidate vs playbook version 3, evaluated 2026-03-02 09:00 UTC). The first 1 by name are listed.',
    );
    expect(dryRunSummary({ ...result, accountsChanged: 0, changes: [] })).toBe(
      'No account would change: 120 assessed (candidate vs playbook version 3, evaluated 2026-03-02 09:00 UTC).',
    );
  });

  it('summarises a playbook version', () => {
    const document = {
      version: 2,
      playbook: {},
      createdAt: '2026-03-05T09:00:00.000Z',
      createdBy: 'Ada Lovelace',
      note: 'raise tier 1',
    };
    expect(describeVersion(document)).toBe(
      'version 2, applied 2026-03-05 09:00 UTC by Ada Lovelace: "raise tier 1"',
    );
    expect(describeVersion({ ...document, version: 0, createdAt: null, createdBy: null, note: null })).toBe(
      'version 0 (the built-in handbook defaults)',
    );
    expect(renderPlaybookVersion(document)).toBe(
      'Version  2\nApplied  2026-03-05 09:00 UTC\nBy       Ada Lovelace\nNote     raise tier 1',
    );
  });
});
