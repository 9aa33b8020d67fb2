import {
  CreateTeamAssignmentRequest,
  IdParams,
  TeamAssignment,
  TeamQuery,
  UpdateTeamAssignmentRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const teamRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['team'];
  app.get(
    '/accounts/:id/team',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: TeamQuery,
        description:
          'Who is on the account team now, at `at` ("who was the TAM in March?"), or with `all=true` every assignment.',
        response: { 200: z.object({ items: z.array(TeamAssignment) }) },
      },
    },
    async (request) => {
      const context = request.context();
      const at = request.query.all ? undefined : request.query.at ? new Date(request.query.at) : context.now;
      return { items: await services.team.list(context, request.params.id, at) };
    },
  );
  app.post(
    '/accounts/:id/team',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateTeamAssignmentRequest,
        response: { 201: TeamAssignment },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.team.assign(request.context(), request.params.id, request.body)),
  );
  app.patch(
    '/team-assignments/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateTeamAssignmentRequest,
        description: 'Set `endsAt` to take someone off the team; the assignment stays in the record.',
        response: { 200: TeamAssignment },
      },
    },
    async (request) =>
      services.team.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/team-assignments/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.team.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
