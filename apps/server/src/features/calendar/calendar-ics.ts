import ical, { ICalCalendarMethod, ICalEventTransparency } from 'ical-generator';
import type { FeedEvent } from './calendar-events.ts';

const DAY_MS = 86_400_000;
const atMidnightUtc = (day: string) => new Date(`${day}T00:00:00.000Z`);

/**
 * The feed as iCalendar text (RFC 5545): all-day events on their due days, in UTC (no time of day
 * to shift), named after the person, with a refresh hint of an hour for the apps that honour it.
 */
export function renderFeed(person: { name: string }, events: readonly FeedEvent[], now: Date): string {
  const calendar = ical({
    name: `Liaison — ${person.name}`,
    description: `What ${person.name} owes customers: obligations, renewals, journey steps and tasks.`,
    prodId: { company: 'Liaison', product: 'Calendar feed', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // An hour: long enough not to be polled hard, short enough that a logged call moves its event soon.
    ttl: 3600,
    // ical-generator writes no X-WR-TIMEZONE for UTC; some apps read it to place all-day events.
    x: { 'X-WR-TIMEZONE': 'UTC' },
  });
  for (const event of events) {
    const start = atMidnightUtc(event.day);
    calendar.createEvent({
      id: event.uid,
      // The fetch's instant: what is listed is as of then.
      stamp: now,
      start,
      end: new Date(start.getTime() + DAY_MS),
      allDay: true,
      summary: event.summary,
      description: event.description,
      url: event.url,
      categories: [{ name: event.category }],
      // A reminder of work, not a meeting: it does not block the day in free/busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
