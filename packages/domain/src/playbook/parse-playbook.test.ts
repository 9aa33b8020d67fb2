import { describe, expect, it } from 'vitest';
import { parsePlaybook } from './parse-playbook.ts';
import { defaultPlaybook } from './playbook-defaults.ts';
import type { Playbook } from './playbook-schema.ts';

type Loose = any;

function candidate(edit: (p: Loose) => void): unknown {
  const copy: Loose = structuredClone(defaultPlaybook);
  edit(copy);
  return copy;
}

function issuesOf(input: unknown) {
  const result = parsePlaybook(input);
  if (result.ok) throw new Error('expected the playbook to be rejected');
  return result.issues;
}

describe('parsePlaybook', () => {
  it('accepts the default playbook and returns an equal document', () => {
    const result = parsePlaybook(structuredClone(defaultPlaybook));
    expect(result).toEqual({ ok: true, playbook: defaultPlaybook });
  });

  it('keeps the handbook values in the defaults', () => {
    const p: Playbook = defaultPlaybook;
    expect(p.tiers.map((t) => [t.id, t.minArr, t.accountsPerTam])).toEqual([
      ['tier1', 500_000, 5],
      ['tier2', 250_000, 10],
      ['tier3', 100_000, 25],
    ]);
    expect(p.tamAlignment).toEqual({ minimumPlan: 'premium', minimumArr: 100_000 });
    expect(p.fiscalYearStartMonth).toBe(2);
    expect(p.health.weights).toEqual({ sentiment: 75, engagement: 10, successPlan: 10, supportTickets: 5 });
    expect(p.obligations.triage).toEqual({ yellowEveryDays: 14, redEveryDays: 7 });
  });

  it('freezes the defaults so that nobody edits them in place', () => {
    expect(Object.isFrozen(defaultPlaybook.tiers[0])).toBe(true);
  });

  it.each<[string, (p: Loose) => void, string, string]>([
    [
      'tiers not descending',
      (p) => {
        p.tiers[1].minArr = 500_000;
      },
      'tiers[1].minArr',
      'tiers[1].minArr must be below tiers[0].minArr ($500,000 is not below $500,000)',
    ],
    [
      'duplicate tier id',
      (p) => {
        p.tiers[2].id = 'tier1';
      },
      'tiers[2]',
      'tiers[2] duplicates tiers[0] ("tier1")',
    ],
    [
      'reserved tier id',
      (p) => {
        p.tiers[2].id = 'digital';
      },
      'tiers[2].id',
      'tiers[2].id "digital" is reserved for accounts below every tier',
    ],
    [
      'unknown minimum plan',
      (p) => {
        p.tamAlignment.minimumPlan = 'gold';
      },
      'tamAlignment.minimumPlan',
      'tamAlignment.minimumPlan "gold" is not one of plans (free, premium, ultimate)',
    ],
    [
      'gemstone thresholds out of order',
      (p) => {
        p.gemstones.pearl.arrAbove = 600_000;
      },
      'gemstones.pearl.arrAbove',
      'gemstones.pearl.arrAbove must be below gemstones.diamond.arrAbove (600000 is not below 500000)',
    ],
    [
      'colour thresholds inverted',
      (p) => {
        p.health.thresholds.yellow = 80;
      },
      'health.thresholds.yellow',
      'health.thresholds.yellow must be below health.thresholds.green (80 is not below 75)',
    ],
    [
      'recency bands not ordered',
      (p) => {
        p.health.engagement.smb[0].yellowMaxDays = 30;
      },
      'health.engagement.smb[0].yellowMaxDays',
      'health.engagement.smb[0].yellowMaxDays must be above health.engagement.smb[0].greenMaxDays (30 is not above 30)',
    ],
    [
      'recency bands without a catch-all',
      (p) => {
        p.health.engagement.enterprise[0].minArr = 1;
      },
      'health.engagement.enterprise[0].minArr',
      'health.engagement.enterprise[0].minArr must be 0 so that every ARR falls in a band',
    ],
    [
      'ticket bands not ascending',
      (p) => {
        p.health.supportTicketBands[2].upTo = 5;
      },
      'health.supportTicketBands[2].upTo',
      'health.supportTicketBands[2].upTo must be above health.supportTicketBands[1].upTo (5 is not above 5)',
    ],
    [
      'last ticket band bounded',
      (p) => {
        p.health.supportTicketBands[3].upTo = 99;
      },
      'health.supportTicketBands[3].upTo',
      'health.supportTicketBands[3].upTo must be null: the last band has no upper bound',
    ],
    [
      'renewal review after the window opens',
      (p) => {
        p.obligations.renewal.reviewByDaysBefore = 180;
      },
      'obligations.renewal.reviewByDaysBefore',
      'obligations.renewal.reviewByDaysBefore must be below obligations.renewal.openDaysBefore (180 is not below 180)',
    ],
    [
      'EMEA P1 range inverted',
      (p) => {
        p.priority.emeaEnterprise.p1CountMin = 9;
      },
      'priority.emeaEnterprise.p1CountMin',
      'priority.emeaEnterprise.p1CountMin must not exceed priority.emeaEnterprise.p1CountMax (9 > 8)',
    ],
    [
      'points not ordered',
      (p) => {
        p.health.points.red = 60;
      },
      'health.points',
      'health.points must satisfy red ≤ yellow ≤ green (got red 60, yellow 50, green 100)',
    ],
    [
      'duplicate plan',
      (p) => {
        p.plans = ['free', 'premium', 'premium', 'ultimate'];
      },
      'plans[2]',
      'plans[2] duplicates plans[1] ("premium")',
    ],
  ])('rejects %s with a precise message', (_name, edit, path, message) => {
    expect(issuesOf(candidate(edit))).toContainEqual({ path, message });
  });

  it.each<[string, (p: Loose) => void, string, string]>([
    [
      'a zero weight',
      (p) => {
        p.health.weights.sentiment = 0;
      },
      'health.weights.sentiment',
      'health.weights.sentiment must be > 0 (received 0)',
    ],
    [
      'a string where a number belongs',
      (p) => {
        p.tiers[0].accountsPerTam = '5';
      },
      'tiers[0].accountsPerTam',
      'tiers[0].accountsPerTam must be a number (received string)',
    ],
    [
      'a fractional day count',
      (p) => {
        p.obligations.dueSoonDays = 1.5;
      },
      'obligations.dueSoonDays',
      'obligations.dueSoonDays must be an integer (received 1.5)',
    ],
    [
      'a missing field',
      (p) => {
        delete p.fiscalYearStartMonth;
      },
      'fiscalYearStartMonth',
      'fiscalYearStartMonth is required',
    ],
    [
      'a month out of range',
      (p) => {
        p.fiscalYearStartMonth = 13;
      },
      'fiscalYearStartMonth',
      'fiscalYearStartMonth must be ≤ 12 (received 13)',
    ],
    [
      'an unknown model',
      (p) => {
        p.priority.modelBySegment.smb.emea = 'apac_model';
      },
      'priority.modelBySegment.smb.emea',
      'priority.modelBySegment.smb.emea must be one of "us_enterprise", "emea_enterprise", "commercial" (received "apac_model")',
    ],
    [
      'a misspelt key',
      (p) => {
        p.tamAlignment.minimumARR = 1;
      },
      'tamAlignment',
      'tamAlignment has unknown key "minimumARR"',
    ],
    [
      'an empty plan list',
      (p) => {
        p.plans = [];
      },
      'plans',
      'plans must have at least 1 item',
    ],
    [
      'a tier id that is not an identifier',
      (p) => {
        p.tiers[0].id = 'Tier 1';
      },
      'tiers[0].id',
      'tiers[0].id must be a lower-case identifier (letters, digits, "_"; received "Tier 1")',
    ],
    [
      'a ticket window of 0 days',
      (p) => {
        p.health.supportTicketWindowDays = 0;
      },
      'health.supportTicketWindowDays',
      'health.supportTicketWindowDays must be ≥ 1 (received 0)',
    ],
    [
      'a ticket window over a year',
      (p) => {
        p.health.supportTicketWindowDays = 366;
      },
      'health.supportTicketWindowDays',
      'health.supportTicketWindowDays must be ≤ 365 (received 366)',
    ],
  ])('rejects %s', (_name, edit, path, message) => {
    expect(issuesOf(candidate(edit))).toContainEqual({ path, message });
  });

  it('gives a document stored before the ticket window setting the default window (30 days)', () => {
    const before = candidate((p) => {
      delete p.health.supportTicketWindowDays;
    });
    expect(parsePlaybook(before)).toEqual({ ok: true, playbook: defaultPlaybook });
  });

  it('rejects a document that is not an object', () => {
    expect(issuesOf(null)).toEqual([
      { path: 'playbook', message: 'playbook must be an object (received null)' },
    ]);
  });

  it('accepts a raised tier 1 threshold', () => {
    const result = parsePlaybook(
      candidate((p) => {
        p.tiers[0].minArr = 600_000;
      }),
    );
    expect(result.ok && result.playbook.tiers[0]?.minArr).toBe(600_000);
  });
});
