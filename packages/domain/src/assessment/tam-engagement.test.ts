import { describe, expect, it } from 'vitest';
import { previousDefaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { TeamAssignmentFact } from './account-facts.ts';
import { viewAccount } from './account-view.ts';
import { toMillis } from './calendar.ts';
import { activity, assessIn, daysAgo, instantDaysAgo, makeFacts, NOW } from './test-fixtures.ts';

// docs/playbook.md, Obligations: obligations a TAM owes exist only while the account has a TAM,
// and no clock starts before the TAM's engagement began; a handover keeps the clock, a gap restarts it.
const tam = (userId: string, from: number, to: number | null): TeamAssignmentFact => ({
  userId,
  role: 'tam',
  startsAt: instantDaysAgo(from),
  endsAt: to === null ? null : instantDaysAgo(to),
});
const engagementDay = (team: TeamAssignmentFact[]) => {
  const e = viewAccount(makeFacts({ team }), toMillis(NOW)).tamEngagement;
  return e === null ? null : new Date(e.since).toISOString().slice(0, 10);
};

describe('the TAM engagement', () => {
  it.each<[string, TeamAssignmentFact[], string | null]>([
    ['one TAM since 100 days', [tam('a', 100, null)], daysAgo(100)],
    ['a handover 40 days ago, no gap', [tam('a', 300, 40), tam('b', 40, null)], daysAgo(300)],
    ['a handover with an overlap', [tam('a', 300, 30), tam('b', 40, null)], daysAgo(300)],
    ['two handovers in a chain', [tam('a', 500, 300), tam('b', 300, 40), tam('c', 40, null)], daysAgo(500)],
    ['a gap of a day before the new TAM', [tam('a', 300, 41), tam('b', 40, null)], daysAgo(40)],
    ['the TAM left yesterday', [tam('a', 300, 1)], null],
    ['the next TAM starts tomorrow', [tam('a', 300, 1), tam('b', -1, null)], null],
    ['no TAM at all', [], null],
  ])('%s → engaged since %s', (_label, team, since) => {
    expect(engagementDay(team)).toBe(since);
  });
});

describe('obligations follow the TAM', () => {
  it('an aligned account that lost its TAM owes nothing, and its priority is provisional', () => {
    const a = assessIn(makeFacts({ team: [tam('a', 300, 1)], activities: [activity('cadence_call', 200)] }));
    expect(a.obligations).toEqual([]);
    expect(a.nextDue).toBeNull();
    expect(a.priority).toMatchObject({ priority: 'pr2', provisional: true });
    expect(a.priority.explanation.path.at(-1)).toMatch(/provisional/);
    expect(a.tamAlignment).toMatchObject({ needsTam: true });
  });

  it('the earlier reading (requireTam off) keeps obligations without a TAM', () => {
    const a = assessIn(makeFacts({ team: [] }), { playbook: previousDefaultPlaybook });
    expect(a.obligations.length).toBeGreaterThan(0);
    expect(a.priority.provisional).toBe(false);
  });

  it.each<[string, TeamAssignmentFact[], string]>([
    // The last cadence call was 200 days ago (Pr2: every 60 days).
    ['a handover without a gap keeps the clock', [tam('a', 300, 40), tam('b', 40, null)], daysAgo(140)],
    ['after a gap the clock starts with the new TAM', [tam('a', 300, 45), tam('b', 40, null)], daysAgo(-20)],
  ])('%s', (_label, team, due) => {
    const a = assessIn(makeFacts({ team, onboarding: null, activities: [activity('cadence_call', 200)] }));
    const cadence = a.obligations.find((o) => o.kind === 'cadence')!;
    expect(cadence.dueDate).toBe(due);
  });

  it('a triage update owed since before the TAM arrived counts from the engagement', () => {
    const a = assessIn(
      makeFacts({
        team: [tam('b', 3, null)],
        sentiment: { value: 'red', setAt: instantDaysAgo(100), reason: 'outage' },
      }),
    );
    // Red: a triage update every 7 days, counted from the TAM's first day (3 days ago), not day 100.
    expect(a.triage).toMatchObject({ dueDate: daysAgo(-4), status: 'due_soon' });
  });
});
