import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts, PriorityExceptionFact } from './account-facts.ts';
import { toMillis } from './calendar.ts';
import { exceptionExpiry } from './priority.ts';
import { assessIn, instantDaysAgo, makeFacts } from './test-fixtures.ts';

const exception = (kind: 'p1' | 'p2', extra: Partial<PriorityExceptionFact> = {}): PriorityExceptionFact => ({
  id: `ex-${kind}`,
  kind,
  reason: 'large strategic customer without LAM',
  approvedBy: 'mgr-1',
  approvedByRole: 'tam_manager',
  approvedAt: '2025-05-10T09:00:00Z',
  expiresAt: null,
  ...extra,
});

const priorityWith = (
  exceptions: PriorityExceptionFact[],
  overrides: Partial<AccountFacts> = {},
  now?: string,
) => assessIn(makeFacts({ priorityExceptions: exceptions, ...overrides }), now ? { now } : {}).priority;

describe('exception expiry (next quarterly review, February fiscal year)', () => {
  it.each([
    ['2025-05-10T09:00:00Z', null, '2025-08-01T00:00:00.000Z'],
    ['2025-01-31T23:00:00Z', null, '2025-02-01T00:00:00.000Z'],
    ['2025-02-01T00:00:00Z', null, '2025-05-01T00:00:00.000Z'],
    ['2025-05-10T09:00:00Z', '2025-06-01T00:00:00Z', '2025-06-01T00:00:00.000Z'],
    ['2025-05-10T09:00:00Z', '2025-12-01T00:00:00Z', '2025-08-01T00:00:00.000Z'],
  ])('approved %s, expiresAt %s → counts until %s', (approvedAt, expiresAt, until) => {
    const ms = exceptionExpiry(exception('p1', { approvedAt, expiresAt }), defaultPlaybook);
    expect(new Date(ms).toISOString()).toBe(until);
  });
});

describe('exceptions are applied last', () => {
  it('a P1 exception makes a Pr2 account Pr1', () => {
    const p = priorityWith([exception('p1')]);
    expect(p).toMatchObject({ priority: 'pr1', exceptionId: 'ex-p1' });
    expect(p.explanation.path.at(-1)).toBe(
      'approved P1 exception ex-p1 ("large strategic customer without LAM", mgr-1) → Pr1',
    );
  });

  it('a P2 exception turns Pr1 into Pr2', () => {
    expect(priorityWith([exception('p2')], { atRisk: true })).toMatchObject({
      priority: 'pr2',
      exceptionId: 'ex-p2',
    });
  });

  it('a P2 exception does not apply during onboarding', () => {
    const p = priorityWith([exception('p2')], {
      onboarding: { startedAt: instantDaysAgo(60), completedAt: null },
    });
    expect(p.priority).toBe('pr1');
    expect(p.explanation.path.at(-1)).toBe('P2 exception ex-p2 does not apply during onboarding → Pr1');
  });

  it('a P2 exception applies in the first 45 days once onboarding is complete', () => {
    const onboarding = { startedAt: instantDaysAgo(20), completedAt: instantDaysAgo(1) };
    expect(priorityWith([exception('p2')], { onboarding }).priority).toBe('pr2');
  });

  it('with both a P1 and a P2 exception, the P2 exception (applied after) wins', () => {
    expect(priorityWith([exception('p1'), exception('p2')]).priority).toBe('pr2');
  });

  it.each<[string, Partial<PriorityExceptionFact>, string | undefined, string]>([
    ['expired at the quarter boundary', {}, '2025-08-01T00:00:00Z', 'expired on 2025-08-01'],
    ['past its own expiry', { expiresAt: '2025-06-01' }, undefined, 'expired on 2025-06-01'],
    ['expiring exactly now', { expiresAt: '2025-06-15T12:00:00Z' }, undefined, 'expired on 2025-06-15'],
    [
      'approved after now',
      { approvedAt: '2025-06-20T00:00:00Z' },
      undefined,
      'approved only on 2025-06-20T00:00:00Z',
    ],
    ['without a reason', { reason: '  ' }, undefined, 'no reason given'],
    ['without an approver', { approvedBy: '' }, undefined, 'no approver'],
    [
      'approved by a role that may not approve',
      { approvedByRole: 'sa' as PriorityExceptionFact['approvedByRole'] },
      undefined,
      'approver role sa may not approve exceptions',
    ],
  ])('ignores a P1 exception %s', (_label, extra, now, problem) => {
    const p = priorityWith([exception('p1', extra)], {}, now);
    expect(p.priority).toBe('pr2');
    expect(p.exceptionId).toBeNull();
    expect(p.explanation.path).toContain(`P1 exception ex-p1 ignored: ${problem}`);
  });

  it.each(['tam_manager', 'sal', 'ae'] as const)('accepts approval by %s', (approvedByRole) => {
    expect(priorityWith([exception('p1', { approvedByRole })]).priority).toBe('pr1');
  });

  it('counts an exception the moment before it expires', () => {
    const justBefore = new Date(toMillis('2025-08-01T00:00:00Z') - 1).toISOString();
    expect(priorityWith([exception('p1')], {}, justBefore).priority).toBe('pr1');
  });
});
