import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts } from './account-facts.ts';
import { toMillis } from './calendar.ts';
import { health } from './health.ts';
import { makeFacts, NOW, playbookWith, viewAt } from './test-fixtures.ts';

// The support-ticket window is the playbook's `health.supportTicketWindowDays`: a ticket counts
// when opened after now − N × 24 h and not after now (docs/playbook.md, "Support tickets").

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const openedAgo = (ms: number) => new Date(toMillis(NOW) - ms).toISOString();

function ticketMeasure(facts: AccountFacts, windowDays: number) {
  const playbook = playbookWith((p) => {
    p.health.supportTicketWindowDays = windowDays;
  });
  return health(viewAt(facts), playbook).measures.find((m) => m.measure === 'support_tickets')!;
}

describe('the support-ticket window comes from the playbook', () => {
  it('defaults to 30 days', () => {
    expect(defaultPlaybook.health.supportTicketWindowDays).toBe(30);
  });

  it.each<[string, (n: number) => number, boolean]>([
    ['opened just now', () => 0, true],
    ['opened N − 1 days ago', (n) => (n - 1) * DAY, true],
    ['opened a minute less than N days ago', (n) => n * DAY - 60_000, true],
    ['opened exactly N days ago (the window is open at its start)', (n) => n * DAY, false],
    ['opened N + 1 days ago', (n) => (n + 1) * DAY, false],
    ['opened an hour after now', () => -HOUR, false],
  ])('%s', (_label, age, counted) => {
    for (const windowDays of [defaultPlaybook.health.supportTicketWindowDays, 7, 90]) {
      const facts = makeFacts({ supportTickets: { openedAt: [openedAgo(age(windowDays))] } });
      const { explanation } = ticketMeasure(facts, windowDays);
      expect(explanation.inputs, `window ${windowDays} days`).toEqual({
        recentTickets: counted ? 1 : 0,
        windowDays,
      });
      expect(explanation.path[0]).toContain(`in the last ${windowDays} days`);
    }
  });

  it('changes the colour when the window changes: one ticket 10 days ago', () => {
    const facts = makeFacts({ supportTickets: { openedAt: [openedAgo(10 * DAY)] } });
    // 1 ticket → green (1–5); none → yellow (0), with the default bands.
    expect(ticketMeasure(facts, 30).colour).toBe('green');
    expect(ticketMeasure(facts, 10).colour).toBe('yellow');
    expect(ticketMeasure(facts, 11).colour).toBe('green');
  });
});
