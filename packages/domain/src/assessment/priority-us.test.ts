import { describe, expect, it } from 'vitest';
import type { AccountFacts, InitiativeFact, OpportunityFact } from './account-facts.ts';
import { assessIn, daysAgo, instantDaysAgo, makeFacts, playbookWith } from './test-fixtures.ts';

// NOW = 2025-06-15, FY2026 Q2 = 2025-05-01 … 2025-07-31. The base account is a managed US
// Enterprise account, onboarded long ago, healthy: Pr2 unless a rule fires.
const priorityOf = (overrides: Partial<AccountFacts>) => assessIn(makeFacts(overrides)).priority;

const opp = (closeInDays: number, extra: Partial<OpportunityFact> = {}): OpportunityFact => ({
  id: 'opp-1',
  type: 'tier_upgrade',
  stage: 'proposal',
  amount: 50_000,
  closeDate: daysAgo(-closeInDays),
  ...extra,
});

const initiative = (extra: Partial<InitiativeFact>): InitiativeFact => ({
  id: 'ini-1',
  kind: 'stage_adoption',
  startsOn: '2025-05-01',
  endsOn: '2025-07-31',
  hoursPerWeek: 3,
  ...extra,
});

describe('US Enterprise model', () => {
  it('is Pr2 when no rule fires, and explains each step', () => {
    const p = priorityOf({});
    expect(p).toMatchObject({ priority: 'pr2', model: 'us_enterprise', atRisk: false });
    expect(p.explanation.ruleId).toBe('priority.us_enterprise');
    expect(p.explanation.path).toEqual([
      'managed? yes (TAM-aligned)',
      'model for enterprise × noram: US Enterprise',
      'in onboarding? no',
      'open tier-upgrade opportunity closing by 2025-12-15 (183 days)? no',
      'stage adoption in FY2026 Q2 (2025-05-01 – 2025-07-31) needing > 2 h/week? no',
      'infrastructure change in FY2026 Q2 (2025-05-01 – 2025-07-31) needing > 2 h/week? no',
      'at risk? no',
      'within the first 45 days of onboarding? no (day 530)',
      'otherwise → Pr2',
    ]);
  });

  it.each<[string, Partial<AccountFacts>, 'pr1' | 'pr2']>([
    ['in onboarding', { onboarding: { startedAt: instantDaysAgo(200), completedAt: null } }, 'pr1'],
    [
      'onboarding completes in the future',
      { onboarding: { startedAt: instantDaysAgo(200), completedAt: instantDaysAgo(-1) } },
      'pr1',
    ],
    ['tier upgrade closing in 183 days', { opportunities: [opp(183)] }, 'pr1'],
    ['tier upgrade closing in 184 days', { opportunities: [opp(184)] }, 'pr2'],
    ['tier upgrade with a past close date, still open', { opportunities: [opp(-10)] }, 'pr1'],
    ['tier upgrade already won', { opportunities: [opp(30, { stage: 'closed_won' })] }, 'pr2'],
    ['tier upgrade lost', { opportunities: [opp(30, { stage: 'closed_lost' })] }, 'pr2'],
    ['a growth opportunity', { opportunities: [opp(30, { type: 'growth' })] }, 'pr2'],
    ['stage adoption this quarter at 3 h/week', { initiatives: [initiative({})] }, 'pr1'],
    [
      'stage adoption this quarter at exactly 2 h/week',
      { initiatives: [initiative({ hoursPerWeek: 2 })] },
      'pr2',
    ],
    [
      'stage adoption ending the day before the quarter',
      { initiatives: [initiative({ startsOn: '2025-03-01', endsOn: '2025-04-30' })] },
      'pr2',
    ],
    [
      'stage adoption ending on the quarter’s first day',
      { initiatives: [initiative({ startsOn: '2025-03-01', endsOn: '2025-05-01' })] },
      'pr1',
    ],
    [
      'stage adoption starting on the quarter’s last day',
      { initiatives: [initiative({ startsOn: '2025-07-31', endsOn: null })] },
      'pr1',
    ],
    [
      'stage adoption starting the day after the quarter',
      { initiatives: [initiative({ startsOn: '2025-08-01', endsOn: null })] },
      'pr2',
    ],
    [
      'open-ended stage adoption that started long ago',
      { initiatives: [initiative({ startsOn: '2024-01-01', endsOn: null })] },
      'pr1',
    ],
    [
      'infrastructure change this quarter at 2.5 h/week',
      { initiatives: [initiative({ kind: 'infrastructure_change', hoursPerWeek: 2.5 })] },
      'pr1',
    ],
    [
      'infrastructure change next quarter',
      {
        initiatives: [
          initiative({ kind: 'infrastructure_change', startsOn: '2025-08-01', endsOn: '2025-10-31' }),
        ],
      },
      'pr2',
    ],
    ['at-risk flag', { atRisk: true }, 'pr1'],
    [
      'yellow health (low risk)',
      { sentiment: { value: 'yellow', setAt: instantDaysAgo(3), reason: null } },
      'pr2',
    ],
    [
      'yellow health, requires triage',
      { sentiment: { value: 'yellow', setAt: instantDaysAgo(3), reason: null }, requiresTriage: true },
      'pr1',
    ],
    ['green health, requires triage (left from an earlier episode)', { requiresTriage: true }, 'pr2'],
    ['red health', { sentiment: { value: 'red', setAt: instantDaysAgo(3), reason: null } }, 'pr1'],
    [
      'onboarding started 45 days ago, already completed',
      { onboarding: { startedAt: instantDaysAgo(45), completedAt: instantDaysAgo(2) } },
      'pr1',
    ],
    [
      'onboarding started 46 days ago, already completed',
      { onboarding: { startedAt: instantDaysAgo(46), completedAt: instantDaysAgo(2) } },
      'pr2',
    ],
    [
      'onboarding starting in the future',
      { onboarding: { startedAt: instantDaysAgo(-5), completedAt: null } },
      'pr2',
    ],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(priorityOf(overrides).priority).toBe(expected);
  });

  it('uses the playbook window for tier upgrades', () => {
    const playbook = playbookWith((p) => {
      p.priority.usEnterprise.tierUpgradeWindowDays = 30;
    });
    expect(assessIn(makeFacts({ opportunities: [opp(31)] }), { playbook }).priority.priority).toBe('pr2');
    expect(assessIn(makeFacts({ opportunities: [opp(30)] }), { playbook }).priority.priority).toBe('pr1');
  });

  it('says which rule made the account Pr1 and stops there', () => {
    const p = priorityOf({ atRisk: true, opportunities: [opp(10)] });
    expect(p.explanation.path.at(-1)).toBe(
      'open tier-upgrade opportunity closing by 2025-12-15 (183 days)? yes (opp-1, closes 2025-06-25) → Pr1',
    );
    expect(p.atRisk).toBe(true);
  });
});

describe('model mapping (segment × region)', () => {
  it.each<[AccountFacts['segment'], AccountFacts['region'], string]>([
    ['enterprise', 'emea', 'emea_enterprise'],
    ['enterprise', 'noram', 'us_enterprise'],
    ['enterprise', 'apac', 'us_enterprise'],
    ['public_sector', 'emea', 'us_enterprise'],
    ['mid_market', 'latam', 'commercial'],
    ['smb', 'emea', 'commercial'],
  ])('%s in %s → %s', (segment, region, model) => {
    expect(priorityOf({ segment, region }).model).toBe(model);
  });

  it('follows a custom mapping', () => {
    const playbook = playbookWith((p) => {
      p.priority.modelBySegment.public_sector.emea = 'emea_enterprise';
    });
    const a = assessIn(makeFacts({ segment: 'public_sector', region: 'emea' }), { playbook });
    expect(a.priority.model).toBe('emea_enterprise');
  });
});

describe('unmanaged accounts', () => {
  it.each<[string, Partial<AccountFacts>, string]>([
    ['digital, no parent', { arr: 50_000, team: [] }, 'pr4'],
    ['digital child account', { arr: 50_000, team: [], parentAccountId: 'parent-1' }, 'pr3'],
    ['free plan, big ARR, no TAM', { plan: 'free', arr: 900_000, team: [] }, 'pr4'],
    [
      'TAM assignment ended',
      { arr: 50_000, team: [{ userId: 't', role: 'tam', startsAt: '2024-01-01', endsAt: '2025-01-01' }] },
      'pr4',
    ],
    ['below threshold but with a TAM (managed)', { arr: 50_000 }, 'pr2'],
    ['eligible child without a TAM (managed)', { team: [], parentAccountId: 'parent-1' }, 'pr2'],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(priorityOf(overrides).priority).toBe(expected);
  });

  it('gives unmanaged accounts no model and no obligations', () => {
    const a = assessIn(makeFacts({ arr: 50_000, team: [], parentAccountId: 'p' }));
    expect(a.priority.model).toBeNull();
    expect(a.priority.explanation.path).toEqual([
      'managed? no (not TAM-aligned, no TAM)',
      'child of another account? yes → Pr3',
    ]);
    expect(a.obligations).toEqual([]);
  });
});
