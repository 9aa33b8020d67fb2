import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, quietHoursEnd, wallTime, zonedInstant } from './local-time.ts';

// Quiet hours in the person's zone (docs/notifications.md, Quiet hours), overnight windows and
// the days the clocks change included.

const night = { start: '20:00', end: '07:00' };

describe('when quiet hours end', () => {
  it.each([
    // now (UTC), quiet hours, zone, end (UTC) or null when not quiet
    ['2026-03-02T12:00:00Z', night, 'UTC', null],
    ['2026-03-02T20:00:00Z', night, 'UTC', '2026-03-03T07:00:00.000Z'], // at the start: quiet
    ['2026-03-02T23:59:00Z', night, 'UTC', '2026-03-03T07:00:00.000Z'],
    ['2026-03-03T03:00:00Z', night, 'UTC', '2026-03-03T07:00:00.000Z'], // after midnight: today's end
    ['2026-03-03T07:00:00Z', night, 'UTC', null], // at the end: no longer quiet
    ['2026-03-02T21:00:00Z', night, 'Europe/Berlin', '2026-03-03T06:00:00.000Z'], // 22:00 CET
    ['2026-03-02T18:00:00Z', night, 'Europe/Berlin', null], // 19:00 CET: not yet
    ['2026-03-03T02:00:00Z', night, 'America/New_York', '2026-03-03T12:00:00.000Z'], // 21:00 EST
    ['2026-03-02T12:00:00Z', { start: '12:00', end: '14:00' }, 'UTC', '2026-03-02T14:00:00.000Z'], // same day
    ['2026-03-02T14:30:00Z', { start: '12:00', end: '14:00' }, 'UTC', null],
    ['2026-03-02T12:00:00Z', { start: '09:00', end: '09:00' }, 'UTC', null], // equal: never quiet
    // The night the US springs forward (8 March 2026, 02:00 EST → 03:00 EDT): 07:00 is EDT.
    ['2026-03-08T04:00:00Z', night, 'America/New_York', '2026-03-08T11:00:00.000Z'],
    // The night Europe falls back (25 October 2026, 03:00 CEST → 02:00 CET): 07:00 is CET.
    ['2026-10-24T20:00:00Z', night, 'Europe/Berlin', '2026-10-25T06:00:00.000Z'],
    // Southern hemisphere, across its own change (Sydney, 5 April 2026, back an hour).
    ['2026-04-04T10:00:00Z', night, 'Australia/Sydney', '2026-04-04T21:00:00.000Z'],
  ] as const)('%s, %j in %s → %s', (now, quiet, zone, end) => {
    const result = quietHoursEnd(new Date(now), quiet, zone);
    expect(result?.toISOString() ?? null).toBe(end);
  });

  it('none at all: never quiet', () => {
    expect(quietHoursEnd(new Date('2026-03-02T23:00:00Z'), null, 'UTC')).toBeNull();
  });

  it('a quiet end in the hour the clocks skip is the same distance after the jump', () => {
    // 02:30 does not exist in New York on 8 March 2026: it is 03:30 EDT (07:30 UTC).
    expect(zonedInstant('2026-03-08', 150, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('a time that happens twice (clocks back) is the first', () => {
    // 02:30 happens twice in Berlin on 25 October 2026: first at 00:30 UTC (CEST).
    expect(zonedInstant('2026-10-25', 150, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('time zones', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    ['Mars/Olympus', null],
    ['', null],
    ['not a zone at all', null],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it('reads the local date and time', () => {
    expect(wallTime(new Date('2026-03-02T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-03-03',
      minutes: 8 * 60 + 30,
    });
  });
});
