import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import {
  priorityDescription,
  recentTicketCount,
  sentimentShare,
  tamEligibility,
  tierIds,
  tierName,
} from './playbook-text.ts';

// The web's words about the rules follow the served playbook; the handbook defaults stand in
// for GET /playbook here, and an edited copy shows that nothing is copied into the web app.

const edited = structuredClone(defaultPlaybook);
edited.tiers[0]!.name = 'Strategic';
edited.digital.name = 'Scaled';
edited.health.weights.sentiment = 60;
edited.health.supportTicketWindowDays = 7;
edited.tamAlignment = { minimumPlan: 'ultimate', minimumArr: 150_000 };
edited.obligations.cadence.intervalDays.commercial.pr2 = 60;
edited.obligations.ebr.priorities = ['pr1', 'pr2'];

describe('playbook text', () => {
  it('names tiers as the playbook does', () => {
    expect(tierIds(defaultPlaybook)).toEqual(['tier1', 'tier2', 'tier3', 'digital']);
    expect(tierName(defaultPlaybook, 'tier1')).toBe('Tier 1');
    expect(tierName(defaultPlaybook, 'digital')).toBe('Digital');
    expect(tierName(edited, 'tier1')).toBe('Strategic');
    expect(tierName(edited, 'digital')).toBe('Scaled');
  });

  it('derives the sentiment share and TAM eligibility', () => {
    expect(sentimentShare(defaultPlaybook)).toBe(75);
    expect(sentimentShare(edited)).toBe(71);
    expect(tamEligibility(defaultPlaybook)).toBe('premium or better, ≥ $100k ARR');
    expect(tamEligibility(edited)).toBe('ultimate or better, ≥ $150k ARR');
  });

  it('describes priorities from the cadence and EBR obligations', () => {
    expect(priorityDescription(defaultPlaybook, 'pr1')).toBe(
      'TAM-led onboarding, cadence call every 30 days, EBR every 365 days, full TAM-led lifecycle',
    );
    expect(priorityDescription(defaultPlaybook, 'pr2')).toBe(
      'Cadence call every 60–90 days, renewal touch point',
    );
    expect(priorityDescription(edited, 'pr2')).toBe(
      'Cadence call every 60 days, EBR every 365 days, renewal touch point',
    );
  });

  it('counts the tickets of the playbook window', () => {
    const now = Date.parse('2026-03-02T09:00:00.000Z');
    const opened = ['2026-03-02T09:00:00.000Z', '2026-02-23T09:00:00.000Z', '2026-02-20T09:00:00.000Z'];
    expect(recentTicketCount(opened, now, defaultPlaybook)).toBe(3);
    // 7 days: the ticket opened exactly 7 × 24 h ago is out, as in the health measure.
    expect(recentTicketCount(opened, now, edited)).toBe(1);
  });
});
