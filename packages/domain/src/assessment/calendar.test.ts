import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { dateOfDay, dayOf, daysBetween, fiscalQuarterOf, toMillis } from './calendar.ts';

describe('fiscalQuarterOf with the default February fiscal-year start', () => {
  it.each([
    ['2025-01-31', 2025, 4, '2024-11-01', '2025-01-31'],
    ['2025-02-01', 2026, 1, '2025-02-01', '2025-04-30'],
    ['2025-04-30', 2026, 1, '2025-02-01', '2025-04-30'],
    ['2025-05-01', 2026, 2, '2025-05-01', '2025-07-31'],
    ['2025-07-31', 2026, 2, '2025-05-01', '2025-07-31'],
    ['2025-08-01', 2026, 3, '2025-08-01', '2025-10-31'],
    ['2025-11-01', 2026, 4, '2025-11-01', '2026-01-31'],
    ['2025-12-31', 2026, 4, '2025-11-01', '2026-01-31'],
    ['2026-01-01', 2026, 4, '2025-11-01', '2026-01-31'],
    ['2024-02-29', 2025, 1, '2024-02-01', '2024-04-30'],
  ])('%s → FY%i Q%i (%s – %s)', (date, fy, q, start, end) => {
    const result = fiscalQuarterOf(dayOf(date), 2);
    expect(result).toMatchObject({ fiscalYear: fy, quarter: q, start, end });
  });
});

describe('fiscalQuarterOf with other start months', () => {
  it.each([
    [1, '2025-03-31', 2025, 1, '2025-01-01', '2025-03-31'],
    [1, '2025-04-01', 2025, 2, '2025-04-01', '2025-06-30'],
    [12, '2025-11-30', 2025, 4, '2025-09-01', '2025-11-30'],
    [12, '2025-12-01', 2026, 1, '2025-12-01', '2026-02-28'],
    [7, '2025-06-30', 2025, 4, '2025-04-01', '2025-06-30'],
    [7, '2025-07-01', 2026, 1, '2025-07-01', '2025-09-30'],
  ])('start month %i: %s → FY%i Q%i', (month, date, fy, q, start, end) => {
    expect(fiscalQuarterOf(dayOf(date), month)).toMatchObject({ fiscalYear: fy, quarter: q, start, end });
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2025-01-01T23:59:00Z', '2025-01-02T00:01:00Z', 1],
    ['2025-01-01T00:00:00Z', '2025-01-01T23:59:59Z', 0],
    ['2025-01-01', '2025-02-15', 45],
    ['2025-02-15', '2025-01-01', -45],
    ['2025-01-01T03:00:00+05:00', '2025-01-01', 1],
  ])('%s → %s is %i day(s)', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it('round-trips a date through its day number', () => {
    expect(dateOfDay(dayOf('2025-06-15'))).toBe('2025-06-15');
  });

  it('treats a date as midnight UTC', () => {
    expect(toMillis('2025-06-15')).toBe(Date.UTC(2025, 5, 15));
  });

  it.each(['', 'tomorrow', '2025-13-45'])('rejects %j', (value) => {
    expect(() => toMillis(value)).toThrow(DomainError);
  });
});

describe('parsing fast path agrees with Date.parse', () => {
  it.each([
    '2025-06-15',
    '2024-02-29',
    '2025-02-30',
    '2025-06-15T12:34:56Z',
    '2025-06-15T12:34:56.789Z',
    '1999-12-31T23:59:59.999Z',
    '2025-06-15T12:34:56+02:00',
    '2025-06-15T12:34Z',
  ])('%s', (value) => {
    const expected = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
    expect(toMillis(value)).toBe(expected);
  });

  it('formats every day of a leap cycle like toISOString', () => {
    const start = dayOf('1999-12-25');
    for (let day = start; day < start + 1500; day++)
      expect(dateOfDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
  });
});
