import { describe, expect, it } from 'vitest';
import {
  date,
  daysBetween,
  describeChange,
  dueText,
  endOfDay,
  humanize,
  inputValue,
  money,
  monthlyInstants,
  NO_TAM_HEALTH,
  notScoredReason,
  percent,
  relativeDay,
  timeAgo,
} from './format.ts';
import { parseAccountSearch } from './search.ts';

describe('format', () => {
  it('writes money compactly', () => {
    expect(money(0)).toBe('$0');
    expect(money(950)).toBe('$950');
    expect(money(56_800)).toBe('$56.8k');
    expect(money(75_000)).toBe('$75k');
    expect(money(306_000)).toBe('$306k');
    expect(money(1_140_000)).toBe('$1.14M');
    expect(money(12_500_000)).toBe('$13M');
    expect(money(-20_000)).toBe('−$20k');
    expect(money(null)).toBe('—');
  });

  it('reads dates as UTC days', () => {
    expect(date('2026-11-25')).toBe('Nov 25, 2026');
    expect(date('2026-01-03T23:30:00.000Z')).toBe('Jan 3, 2026');
    expect(date('2026-01-03', false)).toBe('Jan 3');
    expect(date(null)).toBe('—');
    expect(daysBetween('2026-11-25T23:59:00Z', '2026-11-26T00:01:00Z')).toBe(1);
  });

  it('says when work is due', () => {
    const today = '2026-11-25';
    expect(dueText('2026-11-25', today)).toBe('due today');
    expect(dueText('2026-11-26', today)).toBe('due tomorrow');
    expect(dueText('2026-12-02', today)).toBe('due in 7 days');
    expect(dueText('2026-11-24', today)).toBe('overdue by 1 day');
    expect(dueText('2026-11-13', today)).toBe('overdue by 12 days');
    expect(relativeDay('2027-11-25', today)).toBe('in 12 months');
    expect(relativeDay('2026-11-20', today)).toBe('5 days ago');
  });

  it('labels percentages and explanation inputs', () => {
    expect(humanize('renewal_review')).toBe('Renewal review');
    expect(percent(0.2857)).toBe('29%');
    expect(inputValue('arr', 500_000)).toBe('$500,000');
    expect(inputValue('licensedUsers', 5_001)).toBe('5,001');
    expect(inputValue('ultimate', true)).toBe('yes');
    expect(inputValue('tamUserIds', [])).toBe('none');
    expect(inputValue('tierMinimums', [500_000, 250_000])).toBe('$500,000, $250,000');
  });

  it('spaces the health trend monthly, ending now', () => {
    const now = new Date('2026-11-25T10:00:00.000Z');
    const points = monthlyInstants(now, 12);
    expect(points).toHaveLength(12);
    expect(points[0]).toBe('2025-12-25T12:00:00.000Z');
    expect(points[11]).toBe(now.toISOString());
    expect(new Set(points).size).toBe(12);
    expect(endOfDay('2026-11-24')).toBe('2026-11-24T23:59:59.999Z');
  });
});

describe('account list search params', () => {
  it('keeps known filters and drops the rest', () => {
    expect(
      parseAccountSearch({
        q: ' acme ',
        segment: 'enterprise',
        region: 'mars',
        priority: 'pr1',
        health: 'red',
        tier: 'tier1',
        teamMember: 'not-a-uuid',
        sort: '-arr',
      }),
    ).toEqual({
      q: ' acme ',
      segment: 'enterprise',
      priority: 'pr1',
      health: 'red',
      tier: 'tier1',
      sort: '-arr',
    });
    expect(parseAccountSearch({ sort: 'name', q: '' })).toEqual({});
  });

  it('takes a TAM as a user id or none, nothing else', () => {
    const id = '0190c7e2-0000-7000-8000-000000000001';
    expect(parseAccountSearch({ tam: id })).toEqual({ tam: id });
    expect(parseAccountSearch({ tam: 'none' })).toEqual({ tam: 'none' });
    expect(parseAccountSearch({ tam: 'nobody' })).toEqual({});
  });
});

describe('dry-run changes', () => {
  it('reads tiers, priorities and obligation moves', () => {
    const names: Record<string, string> = { tier1: 'Strategic', tier2: 'Growth' };
    const tierName = (tier: string) => names[tier] ?? tier;
    expect(describeChange('engagementTier', 'tier1', 'tier2', tierName)).toEqual([
      'Engagement tier: Strategic → Growth',
    ]);
    expect(describeChange('priority', 'pr2', 'pr1')).toEqual(['Priority: P2 → P1']);
    expect(describeChange('healthColour', 'green', 'yellow')).toEqual(['Health colour: Green → Yellow']);
    expect(describeChange('healthColour', 'red', null)).toEqual(['Health colour: Red → Not scored']);
    expect(describeChange('healthScore', 31.5, null)).toEqual(['Health score: 31.5 → not scored']);
    const before = [
      { kind: 'cadence', dueDate: '2027-01-05', status: 'ok', fulfilled: false },
      { kind: 'ebr', dueDate: '2027-03-01', status: 'ok', fulfilled: false },
    ];
    const after = [
      { kind: 'cadence', dueDate: '2026-12-21', status: 'ok', fulfilled: false },
      { kind: 'triage_update', dueDate: '2026-11-30', status: 'due_soon', fulfilled: false },
    ];
    expect(describeChange('obligations', before, after)).toEqual([
      'Cadence call: due Jan 5, 2027 → Dec 21, 2026',
      'Triage update: new, due Nov 30, 2026',
      'Executive business review: no longer required',
    ]);
  });
});

describe('not scored', () => {
  it('says why health is not scored, never red 0', () => {
    expect(notScoredReason({ hasTam: false })).toBe(NO_TAM_HEALTH);
    expect(notScoredReason({ lastStep: 'no TAM → not scored' })).toBe(NO_TAM_HEALTH);
    expect(notScoredReason({ lastStep: 'no measure available → not scored' })).toBe(
      'No health measure is available yet',
    );
    expect(notScoredReason({ hasTam: true })).toBe('No health measure is available yet');
    expect(notScoredReason()).toContain('No TAM');
  });
});

describe('time ago', () => {
  const now = new Date('2026-03-02T12:00:00Z');
  it.each([
    ['2026-03-02T11:59:30Z', 'just now'],
    ['2026-03-02T11:55:00Z', '5 min ago'],
    ['2026-03-02T09:00:00Z', '3 h ago'],
    ['2026-03-01T11:00:00Z', '1 day ago'],
    ['2026-02-20T12:00:00Z', '10 days ago'],
    ['2025-11-01T12:00:00Z', '4 months ago'],
  ])('%s → %s', (instant, text) => {
    expect(timeAgo(instant, now)).toBe(text);
  });
});
