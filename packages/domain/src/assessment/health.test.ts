import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts } from './account-facts.ts';
import { type HealthResult, health } from './health.ts';
import { activity, instantDaysAgo, makeFacts, playbookWith, tickets, viewAt } from './test-fixtures.ts';
import type { HealthColour } from './vocabulary.ts';

const assess = (facts: AccountFacts, playbook = defaultPlaybook) => health(viewAt(facts), playbook);
const measure = (h: HealthResult, id: string) => h.measures.find((m) => m.measure === id)!;
const sentiment = (value: HealthColour, ago = 5) => ({ value, setAt: instantDaysAgo(ago), reason: null });
const plan = (status: 'draft' | 'active' | 'closed', n: number) => ({
  status,
  objectives: Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    title: 'x',
    status: 'green' as const,
    dueDate: null,
  })),
});
/** Onboarding started `ago` days before NOW, so non-sentiment measures are left out while ≤ 30. */
const onboardingStarted = (ago: number) => ({
  onboarding: { startedAt: instantDaysAgo(ago), completedAt: null },
});

describe('health score (R7: 75/10/10/5, green ≥ 75, yellow ≥ 50)', () => {
  it.each<[string, Partial<AccountFacts>, number, HealthColour]>([
    ['all green', {}, 100, 'green'],
    [
      'green sentiment, every other measure red',
      { activities: [], successPlan: null, supportTickets: tickets(16) },
      75,
      'green',
    ],
    [
      'yellow sentiment, engagement green, plan red, tickets yellow',
      { sentiment: sentiment('yellow'), successPlan: null, supportTickets: tickets(0) },
      50,
      'yellow',
    ],
    [
      'yellow sentiment, engagement green, plan red, tickets red',
      { sentiment: sentiment('yellow'), successPlan: null, supportTickets: tickets(16) },
      47.5,
      'red',
    ],
    ['yellow sentiment, the rest green', { sentiment: sentiment('yellow') }, 62.5, 'yellow'],
  ])('%s → %s', (_label, overrides, score, colour) => {
    const h = assess(makeFacts(overrides));
    expect(h.score).toBe(score);
    expect(h.colour).toBe(colour);
  });

  // Only the sentiment counts in the onboarding grace period, so the score is its points.
  it.each([
    [74, 'yellow'],
    [75, 'green'],
    [49, 'red'],
    [50, 'yellow'],
  ])('a score of %i points → %s', (points, colour) => {
    const playbook = playbookWith((p) => {
      p.health.points = { green: 100, yellow: points, red: 0 };
    });
    const h = assess(makeFacts({ sentiment: sentiment('yellow'), ...onboardingStarted(3) }), playbook);
    expect(h.score).toBe(points);
    expect(h.colour).toBe(colour);
  });
});

describe('renormalisation when measures are missing', () => {
  it('spreads the sentiment weight over the other measures when no sentiment is set', () => {
    const h = assess(makeFacts({ sentiment: null, supportTickets: tickets(16) }));
    expect(h.score).toBe(80);
    expect(h.colour).toBe('green');
    expect(h.measures.map((m) => [m.measure, m.included, m.effectiveWeight])).toEqual([
      ['sentiment', false, 0],
      ['engagement', true, 40],
      ['success_plan', true, 40],
      ['support_tickets', true, 20],
    ]);
  });

  it('drops missing ticket data: (50×75 + 100×10 + 100×10) / 95', () => {
    const h = assess(makeFacts({ sentiment: sentiment('yellow'), supportTickets: null }));
    expect(h.score).toBe(60.53);
    expect(measure(h, 'sentiment').effectiveWeight).toBe(78.95);
    expect(measure(h, 'support_tickets')).toMatchObject({
      included: false,
      points: null,
      effectiveWeight: 0,
    });
  });

  it('has no score and no colour when every measure is left out', () => {
    const h = assess(makeFacts({ sentiment: null, ...onboardingStarted(3) }));
    expect(h).toMatchObject({ score: null, colour: null });
  });
});

describe('red sentiment', () => {
  const light = playbookWith((p) => {
    p.health.weights = { sentiment: 5, engagement: 10, successPlan: 10, supportTickets: 5 };
  });

  it('makes the account red whatever the score', () => {
    const h = assess(makeFacts({ sentiment: sentiment('red') }), light);
    expect(h.score).toBe(83.33);
    expect(h.colour).toBe('red');
    expect(h.explanation.path.at(-1)).toBe('TAM sentiment is red → red regardless of score');
  });

  it('does not when the playbook turns the override off', () => {
    const off = playbookWith((p) => {
      p.health.weights = { sentiment: 5, engagement: 10, successPlan: 10, supportTickets: 5 };
      p.health.redSentimentMakesRed = false;
    });
    expect(assess(makeFacts({ sentiment: sentiment('red') }), off).colour).toBe('green');
  });
});

describe('stale sentiment (older than 90 days)', () => {
  it.each([
    [90, false],
    [91, true],
  ])('set %i days ago → stale %s', (ago, stale) => {
    const h = assess(makeFacts({ sentiment: sentiment('green', ago) }));
    expect(h.stale).toBe(stale);
    expect(h.sentimentAgeDays).toBe(ago);
  });
});

describe('engagement recency (R5)', () => {
  it.each<[AccountFacts['segment'], number, number, HealthColour]>([
    ['enterprise', 200_000, 35, 'green'],
    ['enterprise', 200_000, 36, 'yellow'],
    ['enterprise', 200_000, 60, 'yellow'],
    ['enterprise', 200_000, 61, 'red'],
    ['public_sector', 10_000, 35, 'green'],
    ['public_sector', 10_000, 61, 'red'],
    ['mid_market', 50_000, 30, 'green'],
    ['mid_market', 50_000, 31, 'yellow'],
    ['mid_market', 50_000, 60, 'yellow'],
    ['mid_market', 50_000, 61, 'red'],
    ['mid_market', 49_999, 90, 'green'],
    ['mid_market', 49_999, 91, 'yellow'],
    ['mid_market', 49_999, 120, 'yellow'],
    ['mid_market', 49_999, 121, 'red'],
    ['smb', 50_000, 31, 'yellow'],
    ['smb', 49_999, 31, 'green'],
  ])('%s with ARR %i, last call %i days ago → %s', (segment, arr, ago, colour) => {
    const h = assess(makeFacts({ segment, arr, activities: [activity('cadence_call', ago)] }));
    expect(measure(h, 'engagement').colour).toBe(colour);
  });

  it.each<[string, AccountFacts['activities'], HealthColour]>([
    ['nothing logged', [], 'red'],
    ['a meeting 10 days ago', [activity('meeting', 10)], 'green'],
    ['only an onboarding call and an EBR', [activity('onboarding_call', 1), activity('ebr', 1)], 'red'],
    ['a call logged in the future', [activity('cadence_call', -3)], 'red'],
    ['an old call and a recent meeting', [activity('cadence_call', 100), activity('meeting', 40)], 'yellow'],
  ])('%s → %s', (_label, activities, colour) => {
    expect(measure(assess(makeFacts({ activities })), 'engagement').colour).toBe(colour);
  });
});

describe('success plan measure (R6)', () => {
  it.each<[string, AccountFacts['successPlan'], HealthColour]>([
    ['no plan', null, 'red'],
    ['a closed plan', plan('closed', 3), 'red'],
    ['an active plan without objectives', plan('active', 0), 'red'],
    ['a draft plan without objectives', plan('draft', 0), 'red'],
    ['a draft plan with an objective', plan('draft', 1), 'yellow'],
    ['an active plan with an objective', plan('active', 1), 'green'],
  ])('%s → %s', (_label, successPlan, colour) => {
    expect(measure(assess(makeFacts({ successPlan })), 'success_plan').colour).toBe(colour);
  });
});

describe('support tickets opened in the window (R4, default 30 days)', () => {
  it.each([
    [0, 'yellow'],
    [1, 'green'],
    [5, 'green'],
    [6, 'yellow'],
    [15, 'yellow'],
    [16, 'red'],
    [400, 'red'],
  ])('%i tickets → %s', (count, colour) => {
    expect(measure(assess(makeFacts({ supportTickets: tickets(count) })), 'support_tickets').colour).toBe(
      colour,
    );
  });
});

describe('onboarding grace (first 30 days since onboarding started)', () => {
  it.each([
    [0, false],
    [30, false],
    [31, true],
  ])('day %i of onboarding → non-sentiment measures included: %s', (ago, included) => {
    const h = assess(makeFacts({ activities: [], ...onboardingStarted(ago) }));
    expect(h.measures.filter((m) => m.measure !== 'sentiment').map((m) => m.included)).toEqual([
      included,
      included,
      included,
    ]);
    expect(measure(h, 'sentiment').included).toBe(true);
  });

  it('applies even when onboarding was completed early', () => {
    const h = assess(
      makeFacts({
        onboarding: { startedAt: instantDaysAgo(20), completedAt: instantDaysAgo(5) },
        activities: [],
      }),
    );
    expect(measure(h, 'engagement').included).toBe(false);
    expect(h.score).toBe(100);
  });
});
