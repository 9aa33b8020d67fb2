// Per-person calendar feeds (docs/calendar.md): a secret, revocable iCal URL with what a person owes.
export { calendarRoutes } from './calendar.routes.ts';
export { type CalendarService, type CalendarSources, createCalendarService } from './calendar.service.ts';
