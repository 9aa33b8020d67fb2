import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts } from './account-facts.ts';
import { assessAccount, assessBook } from './assess-account.ts';
import { buildBookContext } from './book-context.ts';
import type { Explanation } from './explanation.ts';
import { activity, assessIn, daysAgo, instantDaysAgo, makeFacts, NOW } from './test-fixtures.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('assessAccount', () => {
  it('assesses a healthy account and explains every value', () => {
    const a = assessIn(makeFacts());
    expect(a).toMatchObject({
      accountId: 'acc-1',
      evaluatedAt: '2025-06-15T12:00:00.000Z',
      fiscalQuarter: { fiscalYear: 2026, quarter: 2, start: '2025-05-01', end: '2025-07-31' },
      engagementTier: { tier: 'tier3', accountsPerTam: 25 },
      tamAlignment: { eligible: true, hasTam: true, needsTam: false, disengagementCandidate: false },
      gemstone: { gemstone: 'sapphire' },
      priority: { priority: 'pr2', model: 'us_enterprise' },
      health: { score: 100, colour: 'green', stale: false },
      triage: null,
    });
    const explanations: Explanation[] = [
      a.engagementTier.explanation,
      a.tamAlignment.explanation,
      a.gemstone.explanation,
      a.priority.explanation,
      a.health.explanation,
      ...a.health.measures.map((m) => m.explanation),
      ...a.obligations.map((o) => o.explanation),
    ];
    for (const e of explanations) {
      expect(e.ruleId).toMatch(/^[a-z_.]+$/);
      expect(e.path.length).toBeGreaterThan(0);
    }
  });

  it('shows a red sentiment in health, priority and obligations at once', () => {
    const red = { value: 'red' as const, setAt: instantDaysAgo(0), reason: 'outage' };
    const a = assessIn(makeFacts({ sentiment: red }));
    expect(a.health.colour).toBe('red');
    expect(a.priority.priority).toBe('pr1');
    expect(a.priority.explanation.path).toContain('at risk? yes (health red) → Pr1');
    expect(a.obligations.map((o) => o.kind)).toEqual([
      'cadence',
      'ebr',
      'success_plan',
      'priority_review',
      'triage_update',
    ]);
    expect(a.triage).toMatchObject({ dueDate: daysAgo(-7), status: 'due_soon' });
    expect(a.obligations.find((o) => o.kind === 'cadence')?.dueDate).toBe(daysAgo(-20));
  });

  it('moves the cadence due date when a call is logged', () => {
    const before = assessIn(makeFacts({ activities: [activity('cadence_call', 70)] }));
    const call = activity('cadence_call', 0);
    const after = assessIn(makeFacts({ activities: [activity('cadence_call', 70), call] }));
    expect(before.obligations[0]).toMatchObject({ kind: 'cadence', dueDate: daysAgo(10), status: 'overdue' });
    expect(after.obligations[0]).toMatchObject({
      kind: 'cadence',
      dueDate: daysAgo(-60),
      satisfiedBy: call.id,
    });
  });

  it('evaluates the record at an earlier instant, ignoring later activities', () => {
    const facts = makeFacts({ activities: [activity('cadence_call', 40), activity('cadence_call', 1)] });
    const at = instantDaysAgo(20);
    const a = assessIn(facts, { now: at });
    expect(a.obligations[0]?.dueDate).toBe(daysAgo(-20));
    expect(a.evaluatedAt).toBe(at);
  });

  it('picks the earliest unfulfilled obligation as next due', () => {
    const a = assessIn(makeFacts({ successPlan: null, lastPriorityReviewAt: '2025-05-02T00:00:00Z' }));
    expect(a.nextDue).toEqual({ kind: 'success_plan', dueDate: '2024-02-01', status: 'overdue' });
  });

  it('is pure: frozen input, same output twice, JSON-serialisable', () => {
    const facts = deepFreeze(
      makeFacts({ sentiment: { value: 'yellow', setAt: instantDaysAgo(3), reason: null } }),
    );
    const book = buildBookContext([facts], defaultPlaybook, NOW);
    const first = assessAccount(facts, defaultPlaybook, book, NOW);
    const second = assessAccount(facts, defaultPlaybook, book, new Date(NOW));
    expect(second).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it('assessBook matches assessing each account with one book context', () => {
    const facts: AccountFacts[] = [
      makeFacts({ id: 'a', name: 'A', segment: 'smb', arr: 120_000 }),
      makeFacts({
        id: 'b',
        name: 'B',
        segment: 'mid_market',
        arr: 80_000,
        stagesAdopted: ['plan', 'create', 'verify'],
      }),
      makeFacts({ id: 'c', name: 'C', arr: 40_000, team: [] }),
    ];
    const book = buildBookContext(facts, defaultPlaybook, NOW);
    expect(assessBook(facts, defaultPlaybook, NOW)).toEqual(
      facts.map((f) => assessAccount(f, defaultPlaybook, book, NOW)),
    );
    expect(assessBook(facts, defaultPlaybook, NOW).map((a) => a.priority.priority)).toEqual([
      'pr1',
      'pr1',
      'pr4',
    ]);
  });

  it('rejects an invalid instant', () => {
    expect(() => assessIn(makeFacts(), { now: 'not a date' })).toThrow('is not a valid date or instant');
  });
});
