import type { z } from 'zod';
import { items, type RequestOptions, type Transport } from './client-transport.ts';
import { AccountTeam, Agenda, type RecordMeetingRequest, TeamMeeting } from './meetings.ts';

/** The account team meeting: my teams, the agenda written for the next one, meetings held. */
export function meetingsApi({ call }: Transport) {
  const key = (teamKey: string) => encodeURIComponent(teamKey);
  return {
    teams: async (query: { userId?: string } = {}, request: RequestOptions = {}) =>
      (await call(items(AccountTeam), 'GET', '/account-teams', { query, ...request })).items,
    agenda: (teamKey: string, request: RequestOptions = {}) =>
      call(Agenda, 'GET', `/account-teams/${key(teamKey)}/agenda`, request),
    record: (teamKey: string, body: z.input<typeof RecordMeetingRequest>, request: RequestOptions = {}) =>
      call(TeamMeeting, 'POST', `/account-teams/${key(teamKey)}/meetings`, { body, ...request }),
    get: (meetingId: string, request: RequestOptions = {}) =>
      call(TeamMeeting, 'GET', `/team-meetings/${encodeURIComponent(meetingId)}`, request),
  };
}
