import { describe, expect, it } from 'vitest';
import type { AccountFacts, SuccessPlanFact } from './account-facts.ts';
import type { Assessment } from './assess-account.ts';
import type { ObligationKind } from './obligation-types.ts';
import { activity, assessIn, daysAgo, instantDaysAgo, makeFacts, playbookWith } from './test-fixtures.ts';
import type { HealthColour } from './vocabulary.ts';

// NOW = 2025-06-15. Base account: managed US Enterprise, Pr2, onboarding started 2024-01-02.
const find = (a: Assessment, kind: ObligationKind) => a.obligations.find((o) => o.kind === kind);
const obligation = (overrides: Partial<AccountFacts>, kind: ObligationKind) =>
  find(assessIn(makeFacts(overrides)), kind);

const plan = (status: SuccessPlanFact['status'], colours: HealthColour[]): SuccessPlanFact => ({
  status,
  objectives: colours.map((c, i) => ({ id: `o${i}`, title: 't', status: c, dueDate: null })),
});

describe('success plan (Pr1: ≥ 3 objectives, all green; Pr2: objectives; in a draft or active plan)', () => {
  it.each<[string, Partial<AccountFacts>, boolean]>([
    ['Pr2 with an active plan and one objective', { successPlan: plan('active', ['red']) }, true],
    ['Pr2 with a draft plan and an objective', { successPlan: plan('draft', ['green']) }, true],
    ['Pr2 with a closed plan', { successPlan: plan('closed', ['green']) }, false],
    ['Pr2 with an active plan and no objectives', { successPlan: plan('active', []) }, false],
    ['Pr2 with no plan', { successPlan: null }, false],
    [
      'Pr1 with 3 green objectives',
      { atRisk: true, successPlan: plan('active', ['green', 'green', 'green']) },
      true,
    ],
    ['Pr1 with 2 green objectives', { atRisk: true, successPlan: plan('active', ['green', 'green']) }, false],
    [
      'Pr1 with a yellow objective',
      { atRisk: true, successPlan: plan('active', ['green', 'green', 'yellow']) },
      false,
    ],
    [
      'Pr1 with a closed plan',
      { atRisk: true, successPlan: plan('closed', ['green', 'green', 'green']) },
      false,
    ],
  ])('%s → met: %s', (_label, overrides, met) => {
    const o = obligation(overrides, 'success_plan');
    // Nothing tells when the plan stopped meeting the standard: counted from the later of the
    // TAM's engagement (2024-01-01) and the onboarding start (2024-01-02), plus 30 days' grace.
    // Met: the grace would start today (2025-06-15) should the standard stop being met.
    expect(o).toMatchObject({
      dueDate: met ? '2025-07-15' : '2024-02-01',
      fulfilled: met,
      status: met ? 'ok' : 'overdue',
    });
  });

  it('can require an active plan', () => {
    const playbook = playbookWith((p) => {
      p.obligations.successPlan.pr2.requireActive = true;
    });
    const a = assessIn(makeFacts({ successPlan: plan('draft', ['green']) }), { playbook });
    expect(find(a, 'success_plan')).toMatchObject({ fulfilled: false, status: 'overdue' });
  });

  it("gives a new customer 30 days' grace from onboarding start", () => {
    const o = obligation(
      { successPlan: null, onboarding: { startedAt: instantDaysAgo(10), completedAt: null } },
      'success_plan',
    );
    expect(o).toMatchObject({ dueDate: daysAgo(-20), status: 'ok', fulfilled: false });
  });
});

describe('renewal (R14: opens at T−180, review and conversation by T−120)', () => {
  it.each<[string, number, boolean]>([
    ['renewal in 181 days', 181, false],
    ['renewal in 180 days', 180, true],
    ['renewal today', 0, true],
    ['renewal yesterday', -1, false],
  ])('%s → obligations present: %s', (_label, inDays, present) => {
    const a = assessIn(makeFacts({ renewalDate: daysAgo(-inDays) }));
    expect(find(a, 'renewal_review') !== undefined).toBe(present);
    expect(find(a, 'renewal_conversation') !== undefined).toBe(present);
  });

  it.each<[number, string, string]>([
    [180, daysAgo(-60), 'ok'],
    [127, daysAgo(-7), 'due_soon'],
    [120, daysAgo(0), 'due_soon'],
    [119, daysAgo(1), 'overdue'],
  ])('renewal in %i days, nothing logged → due %s (%s)', (inDays, due, status) => {
    const o = obligation({ renewalDate: daysAgo(-inDays) }, 'renewal_review');
    expect(o).toMatchObject({ dueDate: due, status, fulfilled: false, satisfiedBy: null });
  });

  it('is satisfied by activities marked with each purpose inside the window', () => {
    const review = activity('meeting', 10, { purposes: ['renewal_review'] });
    const talk = activity('email', 5, { purposes: ['renewal_conversation'] });
    const a = assessIn(makeFacts({ renewalDate: daysAgo(-100), activities: [review, talk] }));
    expect(find(a, 'renewal_review')).toMatchObject({
      status: 'ok',
      fulfilled: true,
      satisfiedBy: review.id,
    });
    expect(find(a, 'renewal_conversation')).toMatchObject({
      status: 'ok',
      fulfilled: true,
      satisfiedBy: talk.id,
    });
  });

  it('does not count a review held before the window opened', () => {
    // Renewal in 100 days: the window opened 80 days ago.
    const early = activity('meeting', 81, { purposes: ['renewal_review'] });
    const o = obligation({ renewalDate: daysAgo(-100), activities: [early] }, 'renewal_review');
    expect(o).toMatchObject({ fulfilled: false, status: 'overdue' });
  });
});

describe('onboarding goals (R3) while onboarding runs', () => {
  const onboarding = (ago: number) => ({
    onboarding: { startedAt: instantDaysAgo(ago), completedAt: null },
    activities: [],
  });

  it('lists kickoff 14, engage 14, first cadence call 30, first value 30 and onboard 45 days from start', () => {
    const a = assessIn(makeFacts({ ...onboarding(10), contractStart: null }));
    const summary = a.obligations
      .filter((o) => o.kind.startsWith('onboarding_'))
      .map((o) => [o.kind, o.dueDate, o.status]);
    expect(summary).toEqual([
      ['onboarding_check_in', daysAgo(-18), 'ok'],
      ['onboarding_kickoff', daysAgo(-4), 'due_soon'],
      ['onboarding_time_to_engage', daysAgo(-4), 'due_soon'],
      ['onboarding_first_cadence_call', daysAgo(-20), 'ok'],
      ['onboarding_time_to_first_value', daysAgo(-20), 'ok'],
      ['onboarding_time_to_onboard', daysAgo(-35), 'ok'],
    ]);
  });

  it('is satisfied by a kickoff on or after the start, not one before', () => {
    const before = activity('kickoff', 12);
    const after = activity('kickoff', 5);
    const a = assessIn(makeFacts({ ...onboarding(10), activities: [before, after] }));
    expect(find(a, 'onboarding_kickoff')).toMatchObject({
      fulfilled: true,
      status: 'ok',
      satisfiedBy: after.id,
    });
    expect(find(a, 'onboarding_time_to_engage')).toMatchObject({ satisfiedBy: after.id });
    expect(find(a, 'onboarding_first_cadence_call')).toMatchObject({ fulfilled: false });
  });

  it.each([
    [14, 'due_soon'],
    [15, 'overdue'],
  ])('kickoff missing %i days after start → %s', (ago, status) => {
    expect(obligation(onboarding(ago), 'onboarding_kickoff')?.status).toBe(status);
  });

  it('counts time to first value from the contract start and closes it at first value', () => {
    const facts = { ...onboarding(10), contractStart: daysAgo(40) };
    expect(obligation(facts, 'onboarding_time_to_first_value')).toMatchObject({
      dueDate: daysAgo(10),
      status: 'overdue',
    });
    const reached = { onboarding: { ...facts.onboarding, firstValueAt: instantDaysAgo(2) } };
    expect(obligation({ ...facts, ...reached }, 'onboarding_time_to_first_value')).toMatchObject({
      fulfilled: true,
      status: 'ok',
    });
  });

  it('disappears once onboarding is complete', () => {
    const a = assessIn(
      makeFacts({ onboarding: { startedAt: instantDaysAgo(20), completedAt: instantDaysAgo(1) } }),
    );
    expect(a.obligations.filter((o) => o.kind.startsWith('onboarding_'))).toEqual([]);
  });
});
