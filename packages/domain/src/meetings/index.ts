export * from './team-meeting.ts';
