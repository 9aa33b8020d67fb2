import {
  AccountTeam,
  AccountTeamsQuery,
  Agenda,
  IdParams,
  RecordMeetingRequest,
  TeamMeeting,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';

const TeamParams = z.object({ key: z.string().max(100) });

/** The account team meeting (docs/meetings.md). */
export const meetingsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['meetings'];
  const meetings = services.meetings;
  app.get(
    '/account-teams',
    {
      schema: {
        tags,
        querystring: AccountTeamsQuery,
        description:
          'The account teams around a person: their accounts grouped by the SAL/AE and the TAM they share, with the SAs, the meeting cadence (weekly; every two weeks for few or low-touch accounts), the last meeting and the next.',
        response: { 200: z.object({ items: z.array(AccountTeam) }) },
      },
    },
    async (request) => ({ items: await meetings.teams(request.context(), request.query.userId) }),
  );
  app.get(
    '/account-teams/:key/agenda',
    {
      schema: {
        tags,
        params: TeamParams,
        description:
          'The agenda Liaison writes for the next meeting from live data: what the last meeting left open, accounts not green, open growth/upgrade/renewal and new-business opportunities, onboarding of recent customers, overdue obligations and tasks, journey steps waiting on the team, changes since the last meeting; with its Markdown.',
        response: { 200: Agenda },
      },
    },
    async (request) => meetings.agenda(request.context(), request.params.key),
  );
  app.post(
    '/account-teams/:key/meetings',
    {
      schema: {
        tags,
        params: TeamParams,
        body: RecordMeetingRequest,
        description:
          'Records a meeting held: notes per agenda item, decisions and action items. Each account discussed gets a meeting on its timeline carrying its action items (they become tasks); action items on no account become tasks of the meeting.',
        response: { 201: TeamMeeting },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await meetings.record(request.context(), request.params.key, request.body)),
  );
  app.get(
    '/team-meetings/:id',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'A meeting as held, with its Markdown.',
        response: { 200: TeamMeeting },
      },
    },
    async (request) => meetings.get(request.context(), request.params.id),
  );
};
