import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ComputedDate, IsoDate, IsoInstant, MAX_AMOUNT } from './common.ts';
import { CreateOpportunityRequest } from './opportunities.ts';

const problems = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('an instant a request sends', () => {
  it('is read as UTC with millisecond precision, finer digits cut off', () => {
    expect(IsoInstant.parse('2026-03-01T09:30:00Z')).toBe('2026-03-01T09:30:00.000Z');
    expect(IsoInstant.parse('2026-03-01T09:30:00.123456789+02:00')).toBe('2026-03-01T07:30:00.123Z');
    // Cut, not rounded: PostgreSQL would round .9999999 up into the next second (or year).
    expect(IsoInstant.parse('2999-12-31T23:59:59.999999999Z')).toBe('2999-12-31T23:59:59.999Z');
  });

  it('lies between 1900-01-01 and 2999-12-31, in UTC', () => {
    for (const outside of [
      '0000-01-01T00:00:00Z',
      '1899-12-31T23:59:59.999Z',
      '1900-01-01T00:30:00+01:00',
      '3000-01-01T00:00:00Z',
      '2999-12-31T23:00:00-05:00',
      '9999-12-31T23:59:59.999999999Z',
    ]) {
      expect(problems(IsoInstant, outside), outside).toEqual(['must be between 1900-01-01 and 2999-12-31']);
    }
    expect(IsoInstant.parse('1900-01-01T00:00:00Z')).toBe('1900-01-01T00:00:00.000Z');
  });

  it('has a valid offset, seconds and calendar day', () => {
    for (const malformed of [
      '2026-01-01T00:00:00+25:00',
      '2026-01-01T00:00:00+05:60',
      '2026-01-01T00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T00:00:60Z',
      '2026-02-29T00:00:00Z',
      '2026-01-01 00:00:00Z',
      '2026-01-01T00:00:00',
      '+010000-01-01T00:00:00Z',
    ]) {
      expect(IsoInstant.safeParse(malformed).success, malformed).toBe(false);
    }
  });

  it('reads back whatever the server stored, in range or not', () => {
    // The bounds are for what clients send (decode); an answer is only checked for its shape.
    expect(z.encode(IsoInstant, '1850-06-01T00:00:00.000Z')).toBe('1850-06-01T00:00:00.000Z');
    expect(z.safeEncode(IsoInstant, 'not an instant').success).toBe(false);
  });
});

describe('a business date a request sends', () => {
  it('is a real calendar day', () => {
    expect(IsoDate.parse('2028-02-29')).toBe('2028-02-29');
    for (const malformed of [
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '2026-1-1',
      '20260101',
    ]) {
      expect(IsoDate.safeParse(malformed).success, malformed).toBe(false);
    }
  });

  it('lies between 1900-01-01 and 2999-12-31', () => {
    for (const outside of ['0000-01-01', '1899-12-31', '3000-01-01', '9999-12-31']) {
      expect(problems(IsoDate, outside), outside).toEqual(['must be between 1900-01-01 and 2999-12-31']);
    }
    expect(IsoDate.parse('1900-01-01')).toBe('1900-01-01');
    expect(IsoDate.parse('2999-12-31')).toBe('2999-12-31');
  });

  it('differs from a date the server computes, which is read whatever its year', () => {
    // A due date 90 days before a renewal on 1900-01-15 is still shown.
    expect(ComputedDate.parse('1899-10-17')).toBe('1899-10-17');
    expect(z.encode(IsoDate, '1899-10-17')).toBe('1899-10-17');
  });
});

describe('an amount', () => {
  it('fits numeric(14,2), or is refused', () => {
    const opportunity = { name: 'Deal', type: 'growth', closeDate: '2026-12-31' };
    expect(CreateOpportunityRequest.safeParse({ ...opportunity, amount: MAX_AMOUNT }).success).toBe(true);
    expect(CreateOpportunityRequest.safeParse({ ...opportunity, amount: -MAX_AMOUNT }).success).toBe(true);
    for (const amount of [1e12, -1e12, 999_999_999_999.995, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(CreateOpportunityRequest.safeParse({ ...opportunity, amount }).success, String(amount)).toBe(
        false,
      );
    }
  });
});
