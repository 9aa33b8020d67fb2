import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts, EmeaParameterFact, PriorityProposalFact } from './account-facts.ts';
import { assessAccount } from './assess-account.ts';
import { assessIn, daysAgo, instantDaysAgo, makeFacts, NOW, playbookWith } from './test-fixtures.ts';

const emea = (overrides: Partial<AccountFacts>) =>
  assessIn(makeFacts({ segment: 'enterprise', region: 'emea', ...overrides })).priority;

const param = (parameter: string, startsOn: string, endsOn: string | null): EmeaParameterFact => ({
  id: `p-${parameter}`,
  parameter,
  startsOn,
  endsOn,
});

const proposal = (priority: 'pr1' | 'pr2', approvedAgo: number | null): PriorityProposalFact => ({
  priority,
  proposedBy: 'tam-1',
  proposedAt: instantDaysAgo(20),
  approvedBy: approvedAgo === null ? null : 'mgr-1',
  approvedAt: approvedAgo === null ? null : instantDaysAgo(approvedAgo),
});

describe('EMEA Enterprise model', () => {
  it.each<[string, Partial<AccountFacts>, 'pr1' | 'pr2']>([
    ['no parameter applies', {}, 'pr2'],
    [
      'organisational change applies',
      { emeaParameters: [param('organisational_change', '2025-01-01', null)] },
      'pr1',
    ],
    [
      'TAM handover ending today',
      { emeaParameters: [param('tam_handover', '2025-01-01', '2025-06-15')] },
      'pr1',
    ],
    [
      'TAM handover ended yesterday',
      { emeaParameters: [param('tam_handover', '2025-01-01', '2025-06-14')] },
      'pr2',
    ],
    [
      'weekly collaboration starting today',
      { emeaParameters: [param('weekly_collaboration', '2025-06-15', null)] },
      'pr1',
    ],
    [
      'weekly collaboration starting tomorrow',
      { emeaParameters: [param('weekly_collaboration', '2025-06-16', null)] },
      'pr2',
    ],
    [
      'a parameter the playbook does not know',
      { emeaParameters: [param('new_logo', '2025-01-01', null)] },
      'pr2',
    ],
    [
      'an approved Pr2 proposal replaces a Pr1 suggestion',
      {
        emeaParameters: [param('seat_gap_to_lam', '2025-01-01', null)],
        priorityProposal: proposal('pr2', 5),
      },
      'pr2',
    ],
    ['an approved Pr1 proposal replaces a Pr2 suggestion', { priorityProposal: proposal('pr1', 5) }, 'pr1'],
    ['a pending proposal does not count', { priorityProposal: proposal('pr1', null) }, 'pr2'],
    ['a proposal approved after now does not count', { priorityProposal: proposal('pr1', -2) }, 'pr2'],
    [
      'onboarding beats an approved Pr2 proposal',
      {
        onboarding: { startedAt: instantDaysAgo(60), completedAt: null },
        priorityProposal: proposal('pr2', 5),
      },
      'pr1',
    ],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(emea(overrides).priority).toBe(expected);
  });

  it('records who proposed and who approved', () => {
    const p = emea({ priorityProposal: proposal('pr1', 5) });
    expect(p.explanation.path).toContain(
      'TAM tam-1 proposed PR1, approved by mgr-1 on 2025-06-10T12:00:00.000Z → Pr1',
    );
  });
});

// A managed commercial account that qualifies down to Pr2 on ARR: objectives captured, $60k.
const commercialBase: Partial<AccountFacts> = {
  segment: 'mid_market',
  region: 'noram',
  arr: 60_000,
  stagesAdopted: ['plan'],
};

/** `count` other managed mid_market accounts, each with a bigger ARR. */
const biggerAccounts = (count: number): AccountFacts[] =>
  Array.from({ length: count }, (_, i) =>
    makeFacts({ id: `big-${i}`, name: `Big ${i}`, segment: 'smb', arr: 1_000_000 + i }),
  );

const commercial = (overrides: Partial<AccountFacts>, others: AccountFacts[] = biggerAccounts(30)) =>
  assessIn(makeFacts({ ...commercialBase, ...overrides }), { others }).priority;

describe('Commercial model', () => {
  it.each<[string, Partial<AccountFacts>, 'pr1' | 'pr2']>([
    ['ARR below $75k, objectives captured, rank 31', {}, 'pr2'],
    ['in onboarding', { onboarding: { startedAt: instantDaysAgo(100), completedAt: null } }, 'pr1'],
    ['no success plan (objectives not captured)', { successPlan: null }, 'pr1'],
    ['a closed plan (objectives not captured)', { successPlan: { status: 'closed', objectives: [] } }, 'pr1'],
    [
      'a draft plan with an objective (captured)',
      {
        successPlan: {
          status: 'draft',
          objectives: [{ id: 'o', title: 't', status: 'green', dueDate: null }],
        },
      },
      'pr2',
    ],
    ['at-risk flag', { atRisk: true }, 'pr1'],
    [
      'yellow health, requires triage',
      { sentiment: { value: 'yellow', setAt: instantDaysAgo(1), reason: null }, requiresTriage: true },
      'pr1',
    ],
    [
      'key logo',
      {
        qualifyUp: { keyLogo: true, caseStudy: false, channelInitiative: false, triageMoreAttention: false },
      },
      'pr1',
    ],
    [
      'case study',
      {
        qualifyUp: { keyLogo: false, caseStudy: true, channelInitiative: false, triageMoreAttention: false },
      },
      'pr1',
    ],
    [
      'channel initiative',
      {
        qualifyUp: { keyLogo: false, caseStudy: false, channelInitiative: true, triageMoreAttention: false },
      },
      'pr1',
    ],
    [
      'triage wants more attention',
      {
        qualifyUp: { keyLogo: false, caseStudy: false, channelInitiative: false, triageMoreAttention: true },
      },
      'pr1',
    ],
    [
      'tier upgrade closing in 274 days',
      {
        opportunities: [
          { id: 'o', type: 'tier_upgrade', stage: 'scoping', amount: 1, closeDate: daysAgo(-274) },
        ],
      },
      'pr1',
    ],
    [
      'tier upgrade closing in 275 days',
      {
        opportunities: [
          { id: 'o', type: 'tier_upgrade', stage: 'scoping', amount: 1, closeDate: daysAgo(-275) },
        ],
      },
      'pr2',
    ],
    ['ARR $74,999', { arr: 74_999 }, 'pr2'],
    ['ARR $75,000 with 2 stages', { arr: 75_000, stagesAdopted: ['plan', 'create'] }, 'pr1'],
    ['ARR $75,000 with 3 stages', { arr: 75_000, stagesAdopted: ['plan', 'create', 'verify'] }, 'pr2'],
    [
      'ARR $75,000, duplicate and unknown stages count once / not at all',
      { arr: 75_000, stagesAdopted: ['plan', 'plan', 'create', 'cook'] },
      'pr1',
    ],
  ])('%s → %s', (_label, overrides, expected) => {
    expect(commercial(overrides).priority).toBe(expected);
  });

  it.each([
    [29, 'pr1', 'top 30 by ARR? yes (rank 30) → Pr1'],
    [30, 'pr2', 'top 30 by ARR? no (rank 31)'],
  ])('with %i bigger accounts → %s', (count, expected, step) => {
    const p = commercial({ stagesAdopted: ['plan', 'create', 'verify'] }, biggerAccounts(count));
    expect(p.priority).toBe(expected);
    expect(p.explanation.path).toContain(step);
  });

  it('names an account the book context does not rank as not in the top N', () => {
    // A server ranks only the top N (a million accounts): the others come without a rank.
    const facts = makeFacts({ ...commercialBase, stagesAdopted: ['plan', 'create', 'verify'] });
    const book = {
      at: Date.parse(NOW),
      topN: 30,
      commercialRanks: new Map<string, number>(),
      rankedCount: 0,
    };
    const p = assessAccount(facts, defaultPlaybook, book, NOW).priority;
    expect(p.priority).toBe('pr2');
    expect(p.explanation.path).toContain('top 30 by ARR? no (not in the top 30)');
  });

  it('explains the qualification down to Pr2', () => {
    expect(commercial({}).explanation.path.slice(2)).toEqual([
      'in onboarding? no',
      'objectives captured? yes (3)',
      'top 30 by ARR? no (rank 31)',
      'at risk? no',
      'qualify up? no',
      'ARR $60,000 < $75,000? yes → Pr2',
    ]);
  });

  it('uses the playbook top N', () => {
    const playbook = playbookWith((p) => {
      p.priority.commercial.topN = 31;
    });
    const facts = makeFacts({ ...commercialBase });
    expect(assessIn(facts, { others: biggerAccounts(30), playbook }).priority.priority).toBe('pr1');
  });
});
