import { describe, expect, it } from 'vitest';
import { hoursText } from './duration-text.ts';

describe('a duration as a person says it', () => {
  it.each([
    [null, '—'],
    [0.25, '15 min'],
    [0, '1 min'],
    [5.4, '5 h'],
    [24, '1 d'],
    [75, '3 d 3 h'],
    // Rounding never shows 24 h or 60 min.
    [47.9, '2 d'],
    [23.7, '1 d'],
    [59.9 / 60, '1 h'],
    [1.02, '1 h'],
  ])('hoursText(%s) = %s', (hours, text) => {
    expect(hoursText(hours)).toBe(text);
  });
});
