import { describe, expect, it } from 'vitest';
import {
  CellProblem,
  compileDateFormat,
  normaliseWord,
  parseBoolean,
  parseDate,
  parseEmail,
  parseInstant,
  parseInteger,
  parseNumber,
  splitList,
} from './cell-values.ts';

const ok = <T>(value: T | CellProblem): T => {
  if (value instanceof CellProblem) throw new Error(value.message);
  return value;
};
const message = (value: unknown) => (value instanceof CellProblem ? value.message : `no problem: ${value}`);

describe('numbers', () => {
  it.each([
    ['120000.00', 120_000],
    ['  42 ', 42],
    ['-5.5', -5.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['+7', 7],
  ])('%j → %d', (text, value) => {
    expect(ok(parseNumber(text, -1e12, 1e12))).toBe(value);
  });
  it.each([
    ['1,234', /not a number/],
    ['$5', /not a number/],
    ['abc', /not a number/],
    ['2e13', /out of range/],
  ])('rejects %j', (text, pattern) => {
    expect(message(parseNumber(text, 0, 1e12))).toMatch(pattern);
  });
  it('integers must be whole', () => {
    expect(ok(parseInteger('12', 0, 100))).toBe(12);
    expect(message(parseInteger('12.5', 0, 100))).toMatch(/whole number/);
    expect(message(parseInteger('-1', 0, 100))).toMatch(/out of range/);
  });
});

describe('booleans', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['No', false],
  ])('%j → %s', (text, value) => {
    expect(ok(parseBoolean(text))).toBe(value);
  });
  it('rejects anything else', () => {
    expect(message(parseBoolean('maybe'))).toMatch(/not true or false/);
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-31', undefined, '2026-03-31'],
    ['2024-02-29', undefined, '2024-02-29'],
    ['31/03/2026', 'DD/MM/YYYY', '2026-03-31'],
    ['3/9/2026', 'M/D/YYYY', '2026-03-09'],
    ['2026.03.31', 'YYYY.MM.DD', '2026-03-31'],
  ])('%j (format %s) → %s', (text, format, expected) => {
    const compiled = format ? ok(compileDateFormat(format)) : undefined;
    expect(ok(parseDate(text, compiled))).toBe(expected);
  });
  it.each([
    ['2026-02-29', /not a calendar date/],
    ['2026-13-01', /not a calendar date/],
    ['31/03/2026', /not a date \(YYYY-MM-DD\)/],
    ['2026-03-31T00:00:00Z', /not a date/],
    ['2026-02-30', /not a calendar date/],
    ['0000-01-01', /not a calendar date/],
    ['00/01/0000', /not a date \(YYYY-MM-DD\)/],
  ])('rejects %j', (text, pattern) => {
    expect(message(parseDate(text))).toMatch(pattern);
  });
  it('reads a mapped date with the year 0000 as no date', () => {
    expect(message(parseDate('01/01/0000', ok(compileDateFormat('DD/MM/YYYY'))))).toMatch(
      /not a calendar date/,
    );
  });
  it('refuses a format without a year', () => {
    expect(message(compileDateFormat('DD/MM'))).toMatch(/needs YYYY/);
  });
});

describe('instants', () => {
  it.each([
    ['2026-03-01T09:30:00.000Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.000+0000', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T11:30:00.000+0200', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T04:30:00-05:00', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01 09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.123456Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    // Years 1 to 99 are those years, not 1901 to 1999 (Date.UTC's reading).
    ['0050-06-01T12:00:00Z', '0050-06-01T12:00:00.000Z'],
    ['0001-01-01T01:00:00+01:00', '0001-01-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('%j → %s', (text, expected) => {
    expect(ok(parseInstant(text))).toBe(expected);
  });
  it('reads a mapped format as UTC', () => {
    expect(ok(parseInstant('01/03/2026 09:30', ok(compileDateFormat('DD/MM/YYYY HH:mm'))))).toBe(
      '2026-03-01T09:30:00.000Z',
    );
  });
  it.each([
    ['2026-03-01T09:30:00', /not a date-time/],
    ['2026-03-01T25:00:00Z', /not a valid date-time/],
    ['yesterday', /not a date-time/],
    ['2026-02-30T10:00:00Z', /not a valid date-time/],
    ['0000-01-01', /not a valid date-time/],
    ['0001-01-01T00:30:00+01:00', /out of range \(years 0001 to 9999\)/],
    ['9999-12-31T23:00:00-05:00', /out of range/],
  ])('rejects %j', (text, pattern) => {
    expect(message(parseInstant(text))).toMatch(pattern);
  });
});

describe('lists, words, e-mail addresses', () => {
  it('splits multi-select picklists on semicolons', () => {
    expect(splitList('plan; create;;verify;plan')).toEqual(['plan', 'create', 'verify']);
    expect(splitList(' ')).toEqual([]);
  });
  it.each([
    ['Closed Won', 'closed_won'],
    ['Mid-Market', 'mid_market'],
    [' public sector ', 'public_sector'],
    ['Proposal/Price Quote', 'proposal_price_quote'],
  ])('%j normalises to %s', (text, word) => {
    expect(normaliseWord(text)).toBe(word);
  });
  it('checks e-mail addresses', () => {
    expect(ok(parseEmail(' ana@example.com '))).toBe('ana@example.com');
    expect(message(parseEmail('ana@'))).toMatch(/not an e-mail/);
  });
});
