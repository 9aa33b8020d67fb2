import { describe, expect, it } from 'vitest';
import { effectivePreferences } from './preferences.ts';

// A person's choices over the defaults (docs/notifications.md, Channels).

describe('preferences over the defaults', () => {
  it.each([
    ['nothing stored: the region’s defaults', null, 'emea', { timeZone: 'Europe/London', digestHour: 7 }],
    ['a stored zone', { timeZone: 'Asia/Tokyo' }, 'emea', { timeZone: 'Asia/Tokyo' }],
    [
      'a stored zone the runtime no longer knows',
      { timeZone: 'Gone/Away' },
      'noram',
      { timeZone: 'America/New_York' },
    ],
    ['quiet hours turned off', { quietHours: null }, null, { quietHours: null, timeZone: 'UTC' }],
  ] as const)('%s', (_name, stored, region, expected) => {
    expect(effectivePreferences(stored, region)).toMatchObject(expected);
  });

  it('a channel never chosen (a new event type) takes its default', () => {
    expect(effectivePreferences({ channels: { 'health.red': 'off' } }, null).channels).toMatchObject({
      'health.red': 'off',
      'task.assigned': 'email',
      'health.yellow': 'digest',
    });
  });
});
