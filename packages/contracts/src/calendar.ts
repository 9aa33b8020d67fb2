import { z } from 'zod';
import { IsoInstant } from './common.ts';

/** Per-person calendar feeds (docs/calendar.md): a secret iCal URL a calendar app subscribes to. */

export const CalendarFeed = z.object({
  createdAt: IsoInstant.describe('When this URL was made (rotating makes a new one).'),
  lastFetchedAt: IsoInstant.nullable().describe(
    'When a calendar app last read the feed, kept to the minute.',
  ),
});

export const CalendarFeedStatus = z.object({
  feed: CalendarFeed.nullable().describe('Null: no feed, or it was revoked.'),
});

/** The URL holds the secret: shown this once, only its hash is stored. */
export const CreatedCalendarFeed = CalendarFeed.extend({
  url: z.string().describe('The feed’s address; anyone holding it reads the calendar until it is revoked.'),
});

export type CalendarFeed = z.infer<typeof CalendarFeed>;
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;
export type CreatedCalendarFeed = z.infer<typeof CreatedCalendarFeed>;
