import { describe, expect, it } from 'vitest';
import { slaText, UPLOAD_LIMIT, uploadRefusal } from './project-format.ts';

describe('project words', () => {
  it.each([
    ['2026-03-04T09:00:00.000Z', '2026-03-04T04:00:00.000Z', 'due in 5 h'],
    ['2026-03-04T09:00:00.000Z', '2026-03-05T11:00:00.000Z', 'overdue by 1 d 2 h'],
  ])('slaText(%s at %s) = %s', (due, now, text) => {
    expect(slaText(due, new Date(now))).toBe(text);
  });

  it('refuses a file over the contract’s limit before it is sent, in the units it is said in', () => {
    expect(UPLOAD_LIMIT).toBe('3 MB');
    expect(uploadRefusal({ name: 'app.log', size: 3_000_000 })).toBeNull();
    expect(uploadRefusal({ name: 'dump.log', size: 3_100_000 })).toBe('dump.log is 3.1 MB; at most 3 MB.');
    expect(uploadRefusal({ name: 'x.bin', size: 3_000_001 })).toBe('x.bin is 3.1 MB; at most 3 MB.');
  });
});
