import { describe, expect, it } from 'vitest';
import { previousDefaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts } from './account-facts.ts';
import type { Assessment } from './assess-account.ts';
import type { ObligationKind } from './obligation-types.ts';
import {
  activity,
  assessIn,
  daysAgo,
  instantDaysAgo,
  makeFacts,
  playbookWith,
  tickets,
} from './test-fixtures.ts';

// NOW = 2025-06-15 (FY2026 Q2 ends 2025-07-31). Base account: managed US Enterprise, Pr2.
const find = (a: Assessment, kind: ObligationKind) => a.obligations.find((o) => o.kind === kind);
const obligation = (overrides: Partial<AccountFacts>, kind: ObligationKind, now?: string) =>
  find(assessIn(makeFacts(overrides), now ? { now } : {}), kind);
/** 30 bigger commercial accounts, so that the account under test is not in the top 30. */
const bigger = Array.from({ length: 30 }, (_, i) =>
  makeFacts({ id: `big-${i}`, name: `Big ${i}`, segment: 'smb', arr: 2_000_000 }),
);

describe('cadence calls (Pr1 30 days, Pr2 60, Commercial Pr2 90; due soon within 7 days)', () => {
  it.each<[string, Partial<AccountFacts>, number, string, string]>([
    ['Pr2, last call 10 days ago', {}, 10, daysAgo(-50), 'ok'],
    ['Pr1, last call 22 days ago', { atRisk: true }, 22, daysAgo(-8), 'ok'],
    ['Pr1, last call 23 days ago', { atRisk: true }, 23, daysAgo(-7), 'due_soon'],
    ['Pr1, last call 30 days ago', { atRisk: true }, 30, daysAgo(0), 'due_soon'],
    ['Pr1, last call 31 days ago', { atRisk: true }, 31, daysAgo(1), 'overdue'],
    ['Pr2, last call 60 days ago', {}, 60, daysAgo(0), 'due_soon'],
    ['Pr2, last call 61 days ago', {}, 61, daysAgo(1), 'overdue'],
    ['Commercial Pr2, last call 61 days ago', { segment: 'smb', arr: 60_000 }, 61, daysAgo(-29), 'ok'],
    ['Commercial Pr2, last call 91 days ago', { segment: 'smb', arr: 60_000 }, 91, daysAgo(1), 'overdue'],
    ['EMEA Pr2, last call 61 days ago', { region: 'emea' }, 61, daysAgo(1), 'overdue'],
  ])('%s', (_label, overrides, ago, due, status) => {
    const call = activity('cadence_call', ago);
    const o = find(assessIn(makeFacts({ ...overrides, activities: [call] }), { others: bigger }), 'cadence');
    expect(o).toMatchObject({ dueDate: due, status, satisfiedBy: call.id, fulfilled: false });
  });

  it('restarts the clock at an onboarding call but not at a meeting', () => {
    const onboardingCall = activity('onboarding_call', 5);
    const o = obligation(
      { activities: [activity('cadence_call', 50), onboardingCall, activity('meeting', 1)] },
      'cadence',
    );
    expect(o).toMatchObject({ dueDate: daysAgo(-55), satisfiedBy: onboardingCall.id });
  });

  it('ignores calls logged after now', () => {
    const o = obligation(
      { activities: [activity('cadence_call', 70), activity('cadence_call', -2)] },
      'cadence',
    );
    expect(o).toMatchObject({ dueDate: daysAgo(10), status: 'overdue' });
  });

  it('starts at onboarding start when no call was logged', () => {
    const o = obligation(
      { activities: [], onboarding: { startedAt: instantDaysAgo(100), completedAt: instantDaysAgo(50) } },
      'cadence',
    );
    expect(o).toMatchObject({ dueDate: daysAgo(40), status: 'overdue', satisfiedBy: null });
  });

  it('starts at the TAM assignment when there is no call and no onboarding', () => {
    const team = [{ userId: 'tam-2', role: 'tam' as const, startsAt: '2025-05-01T00:00:00Z', endsAt: null }];
    expect(obligation({ activities: [], onboarding: null, team }, 'cadence')).toMatchObject({
      dueDate: '2025-06-30',
      status: 'ok',
    });
  });

  it('is due today with nothing to count from (the earlier reading: obligations without a TAM)', () => {
    const o = find(
      assessIn(makeFacts({ activities: [], onboarding: null, team: [] }), {
        playbook: previousDefaultPlaybook,
      }),
      'cadence',
    );
    expect(o).toMatchObject({ dueDate: '2025-06-15', status: 'due_soon' });
    expect(o?.explanation.path).toContain(
      'no cadence_call or onboarding_call logged, no onboarding, no TAM → due today',
    );
  });

  it.each([
    [20, daysAgo(-8), 'ok'],
    [21, daysAgo(-7), 'due_soon'],
    [29, daysAgo(1), 'overdue'],
  ])('during onboarding: a check-in every 28 days (started %i days ago) → %s', (ago, due, status) => {
    const a = assessIn(
      makeFacts({ activities: [], onboarding: { startedAt: instantDaysAgo(ago), completedAt: null } }),
    );
    expect(find(a, 'cadence')).toBeUndefined();
    expect(find(a, 'onboarding_check_in')).toMatchObject({ dueDate: due, status });
  });

  it('follows the playbook due-soon window', () => {
    const playbook = playbookWith((p) => {
      p.obligations.dueSoonDays = 0;
    });
    const a = assessIn(makeFacts({ activities: [activity('cadence_call', 59)] }), { playbook });
    expect(find(a, 'cadence')?.status).toBe('ok');
  });
});

describe('EBR (Pr1: at least one every 365 days)', () => {
  it.each([
    [365, daysAgo(0), 'due_soon'],
    [366, daysAgo(1), 'overdue'],
    [100, daysAgo(-265), 'ok'],
  ])('last EBR %i days ago → due %s (%s)', (ago, due, status) => {
    const ebr = activity('ebr', ago);
    expect(obligation({ atRisk: true, activities: [ebr] }, 'ebr')).toMatchObject({
      dueDate: due,
      status,
      satisfiedBy: ebr.id,
    });
  });

  it('counts from onboarding start when no EBR was ever held', () => {
    expect(obligation({ atRisk: true }, 'ebr')).toMatchObject({ dueDate: '2025-01-01', status: 'overdue' });
  });

  it('is not an obligation for Pr2', () => {
    expect(obligation({}, 'ebr')).toBeUndefined();
  });
});

describe('quarterly priority review', () => {
  it.each<[string | null, string, string, string?]>([
    [null, '2025-07-31', 'ok'],
    ['2025-05-02T10:00:00Z', '2025-10-31', 'ok'],
    ['2025-04-30T10:00:00Z', '2025-07-31', 'ok'],
    ['2025-01-15T10:00:00Z', '2025-04-30', 'overdue'],
    ['2025-07-01T10:00:00Z', '2025-07-31', 'ok'],
    ['2025-04-30T10:00:00Z', '2025-07-31', 'due_soon', '2025-07-25T12:00:00Z'],
  ])('last review %s → due %s (%s)', (lastPriorityReviewAt, due, status, now) => {
    expect(obligation({ lastPriorityReviewAt }, 'priority_review', now)).toMatchObject({
      dueDate: due,
      status,
    });
  });

  it('can be switched off', () => {
    const playbook = playbookWith((p) => {
      p.obligations.priorityReview.enabled = false;
    });
    expect(find(assessIn(makeFacts(), { playbook }), 'priority_review')).toBeUndefined();
  });
});

describe('triage updates (R10: yellow every 14 days, red every 7)', () => {
  const sentiment = (value: 'yellow' | 'red', ago: number) => ({
    value,
    setAt: instantDaysAgo(ago),
    reason: 'x',
  });

  it.each<[string, Partial<AccountFacts>, string, string]>([
    ['yellow set 3 days ago', { sentiment: sentiment('yellow', 3) }, daysAgo(-11), 'ok'],
    ['yellow set 7 days ago', { sentiment: sentiment('yellow', 7) }, daysAgo(-7), 'due_soon'],
    ['yellow set 15 days ago', { sentiment: sentiment('yellow', 15) }, daysAgo(1), 'overdue'],
    ['red set 3 days ago', { sentiment: sentiment('red', 3) }, daysAgo(-4), 'due_soon'],
    ['red set 8 days ago', { sentiment: sentiment('red', 8) }, daysAgo(1), 'overdue'],
    [
      'red, triage update 1 day ago',
      { sentiment: sentiment('red', 8), activities: [activity('triage_update', 1)] },
      daysAgo(-6),
      'due_soon',
    ],
    [
      'red, last triage update before the sentiment was set',
      { sentiment: sentiment('red', 3), activities: [activity('triage_update', 20)] },
      daysAgo(-4),
      'due_soon',
    ],
    [
      'red health without a sentiment and nothing logged',
      { sentiment: null, activities: [], successPlan: null, supportTickets: tickets(20) },
      daysAgo(0),
      'due_soon',
    ],
  ])('%s', (_label, overrides, due, status) => {
    const a = assessIn(makeFacts(overrides));
    expect(a.triage).toMatchObject({ kind: 'triage_update', dueDate: due, status });
    expect(find(a, 'triage_update')).toEqual(a.triage);
  });

  it('names the triage update that restarted the clock', () => {
    const update = activity('triage_update', 1);
    const a = assessIn(makeFacts({ sentiment: sentiment('yellow', 8), activities: [update] }));
    expect(a.triage?.satisfiedBy).toBe(update.id);
  });

  it('is not required while health is green', () => {
    expect(assessIn(makeFacts()).triage).toBeNull();
  });
});
