import type { CalendarFeed } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { CalendarFeedRow } from './calendar.store.ts';

/** What the API shows of a feed: never its secret or the secret's hash. */
export const presentFeed = (row: CalendarFeedRow): CalendarFeed => ({
  createdAt: toIso(row.createdAt),
  lastFetchedAt: toIso(row.lastFetchedAt),
});
