// The account team meeting (docs/meetings.md).
export { meetingsRoutes } from './meetings.routes.ts';
export { createMeetingsService, type MeetingsService } from './meetings.service.ts';
