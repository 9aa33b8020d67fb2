import { CalendarFeedStatus, CreatedCalendarFeed } from './calendar.ts';
import { id, type RequestOptions, type Transport } from './client-transport.ts';

/** The caller's calendar feed (docs/calendar.md): its status, a new URL, its revocation. */
export function calendarApi({ call, callEmpty }: Transport) {
  return {
    feed: (request: RequestOptions = {}) => call(CalendarFeedStatus, 'GET', '/me/calendar-feed', request),
    /** Makes the feed, or rotates it: the old URL stops working. The URL is shown this once. */
    createFeed: (request: RequestOptions = {}) =>
      call(CreatedCalendarFeed, 'POST', '/me/calendar-feed', request),
    revokeFeed: (request: RequestOptions = {}) => callEmpty('DELETE', '/me/calendar-feed', request),
    /** Admins: ends someone's feed. */
    revokeFeedOf: (userId: string, request: RequestOptions = {}) =>
      callEmpty('DELETE', `/users/${id(userId)}/calendar-feed`, request),
  };
}
