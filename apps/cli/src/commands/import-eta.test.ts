import { describe, expect, it } from 'vitest';
import { uploadEta } from './import.ts';

describe('the ETA of an upload', () => {
  it.each([
    [1_000, 250, 10, ' · ETA 30s'],
    [10_000, 1_000, 10, ' · ETA 1m 30s'],
    [10_000, 100, 1, ' · ETA 1m 39s'],
    [1_000, 1_000, 10, ''],
    [1_000, 0, 10, ''],
  ])('%i bytes, %i sent in %i s → "%s"', (total, sent, seconds, expected) => {
    expect(uploadEta(total, sent, seconds)).toBe(expected);
  });
});
