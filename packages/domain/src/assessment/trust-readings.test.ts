import { describe, expect, it } from 'vitest';
import { previousDefaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts, TeamAssignmentFact } from './account-facts.ts';
import { activity, assessIn, daysAgo, instantDaysAgo, makeFacts } from './test-fixtures.ts';

// docs/playbook.md: at risk, health scored from what exists, lateness from the cause (Readings).
const tamSince = (days: number): TeamAssignmentFact[] => [
  { userId: 'tam-1', role: 'tam', startsAt: instantDaysAgo(days), endsAt: null },
];
const measure = (facts: Partial<AccountFacts>, id: string) =>
  assessIn(makeFacts(facts)).health.measures.find((m) => m.measure === id)!;

describe('at risk of contraction or churn', () => {
  const yellow = { value: 'yellow' as const, setAt: instantDaysAgo(3), reason: 'slow adoption' };
  const red = { value: 'red' as const, setAt: instantDaysAgo(3), reason: 'outage' };
  it.each<[string, Partial<AccountFacts>, boolean]>([
    ['green', {}, false],
    ['yellow (low risk)', { sentiment: yellow }, false],
    ['yellow, requires triage', { sentiment: yellow, requiresTriage: true }, true],
    ['green, requires triage still set', { requiresTriage: true }, false],
    ['red', { sentiment: red }, true],
    ['the at-risk flag on a green account', { atRisk: true }, true],
    ['not scored (no TAM)', { team: [], sentiment: red }, false],
  ])('%s → %s', (_label, facts, atRisk) => {
    expect(assessIn(makeFacts(facts)).priority.atRisk).toBe(atRisk);
  });

  it('counts any yellow under the earlier reading (a playbook setting)', () => {
    expect(
      assessIn(makeFacts({ sentiment: yellow }), { playbook: previousDefaultPlaybook }).priority.atRisk,
    ).toBe(true);
  });
});

describe('health is scored from what exists', () => {
  it('an account without a TAM is not scored, never "red 0", and not at risk', () => {
    const a = assessIn(makeFacts({ team: [], activities: [], successPlan: null, sentiment: null }));
    expect(a.health).toMatchObject({ score: null, colour: null });
    expect(a.health.measures.every((m) => !m.included)).toBe(true);
    expect(a.health.explanation.path.at(-1)).toBe('no TAM → not scored');
    expect(a.priority.atRisk).toBe(false);
  });

  it.each<[number, boolean]>([
    [30, false],
    [31, true],
  ])('recency and success plan on day %i of the TAM’s engagement: included %s', (days, included) => {
    const facts = { team: tamSince(days), onboarding: null, activities: [], successPlan: null };
    expect(measure(facts, 'engagement').included).toBe(included);
    expect(measure(facts, 'success_plan').included).toBe(included);
    // Sentiment counts from the first day.
    expect(measure(facts, 'sentiment').included).toBe(true);
  });

  it('a new TAM on a neglected account starts from the sentiment alone', () => {
    const a = assessIn(makeFacts({ team: tamSince(5), onboarding: null, activities: [], successPlan: null }));
    expect(a.health.colour).toBe('green');
    expect(a.health.measures.find((m) => m.measure === 'engagement')!.explanation.path[0]).toMatch(
      /TAM engaged since .*: day 5 ≤ 30 → left out/,
    );
  });
});

describe('the success plan is late from when it stopped meeting the standard, plus 30 days', () => {
  const plan = (
    objectives: [string, string | null][],
    statusChangedAt: string | null = instantDaysAgo(400),
  ) => ({
    status: 'active' as const,
    statusChangedAt,
    objectives: objectives.map(([status, changed], i) => ({
      id: `o${i}`,
      title: `Objective ${i}`,
      status: status as 'green' | 'yellow' | 'red',
      dueDate: null,
      statusChangedAt: changed,
    })),
  });
  const successPlan = (facts: Partial<AccountFacts>) =>
    assessIn(makeFacts({ atRisk: true, ...facts })).obligations.find((o) => o.kind === 'success_plan')!;

  it.each<[string, [string, string | null][], string, string]>([
    [
      'all green',
      [
        ['green', null],
        ['green', null],
        ['green', null],
      ],
      daysAgo(-30),
      'ok',
    ],
    [
      'an objective left green 30 days ago',
      [
        ['green', null],
        ['green', null],
        ['yellow', instantDaysAgo(30)],
      ],
      daysAgo(0),
      'due_soon',
    ],
    [
      'an objective left green 31 days ago',
      [
        ['green', null],
        ['green', null],
        ['yellow', instantDaysAgo(31)],
      ],
      daysAgo(1),
      'overdue',
    ],
    [
      'two objectives left green, 50 and 10 days ago',
      [
        ['green', null],
        ['red', instantDaysAgo(10)],
        ['yellow', instantDaysAgo(50)],
      ],
      daysAgo(20),
      'overdue',
    ],
  ])('Pr1, %s → due %s', (_label, objectives, due, status) => {
    const o = successPlan({
      successPlan: plan(objectives),
      previousPriority: { priority: 'pr1', since: instantDaysAgo(900) },
    });
    expect(o).toMatchObject({ dueDate: due, status });
  });

  it('never more overdue than the time since its cause: an old onboarding does not count', () => {
    const o = successPlan({
      onboarding: { startedAt: '2022-01-10T00:00:00Z', completedAt: '2022-03-01T00:00:00Z' },
      team: tamSince(900),
      successPlan: plan([
        ['green', null],
        ['green', null],
        ['yellow', instantDaysAgo(40)],
      ]),
      previousPriority: { priority: 'pr1', since: instantDaysAgo(900) },
    });
    expect(o).toMatchObject({ dueDate: daysAgo(10), status: 'overdue' });
    expect(o.explanation.path.join(' | ')).toMatch(/not met since .*objective o2 yellow since/);
  });

  it('restarts when the account becomes Pr1 (a stricter standard)', () => {
    const objectives: [string, string | null][] = [
      ['green', null],
      ['yellow', instantDaysAgo(200)],
      ['green', null],
    ];
    const became = successPlan({
      successPlan: plan(objectives),
      previousPriority: { priority: 'pr2', since: instantDaysAgo(500) },
    });
    expect(became.dueDate).toBe(daysAgo(-30));
    const since = successPlan({
      successPlan: plan(objectives),
      previousPriority: { priority: 'pr1', since: instantDaysAgo(20) },
    });
    expect(since.dueDate).toBe(daysAgo(-10));
  });

  it('never before the TAM’s engagement + 30 days, after a gap', () => {
    const o = successPlan({
      team: tamSince(10),
      successPlan: plan([
        ['green', null],
        ['yellow', instantDaysAgo(300)],
        ['green', null],
      ]),
    });
    expect(o.dueDate).toBe(daysAgo(-20));
  });

  it('the earlier reading counts 45 days from onboarding start', () => {
    const a = assessIn(makeFacts({ atRisk: true, successPlan: plan([['yellow', instantDaysAgo(5)]]) }), {
      playbook: previousDefaultPlaybook,
    });
    expect(a.obligations.find((o) => o.kind === 'success_plan')!.dueDate).toBe('2024-02-16');
  });
});

describe('an engagement without activity has no absurd lateness', () => {
  it('cadence for a TAM assigned today is due in a full interval', () => {
    const a = assessIn(
      makeFacts({ team: tamSince(0), onboarding: null, activities: [activity('cadence_call', 639)] }),
    );
    expect(a.obligations.find((o) => o.kind === 'cadence')).toMatchObject({
      dueDate: daysAgo(-60),
      status: 'ok',
    });
  });
});
