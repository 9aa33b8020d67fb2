import {
  Activity,
  ActivityListQuery,
  CreateActivityRequest,
  IdParams,
  page,
  UpdateActivityRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const activitiesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['activities'];
  app.get(
    '/accounts/:id/activities',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: ActivityListQuery,
        description: 'The account timeline, newest first.',
        response: { 200: page(Activity) },
      },
    },
    async (request) => services.activities.page(request.context(), request.params.id, request.query),
  );
  app.post(
    '/accounts/:id/activities',
    { schema: { tags, params: IdParams, body: CreateActivityRequest, response: { 201: Activity } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.activities.create(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/activities/:id',
    { schema: { tags, params: IdParams, response: { 200: Activity } } },
    async (request) => services.activities.get(request.context(), request.params.id),
  );
  app.patch(
    '/activities/:id',
    { schema: { tags, params: IdParams, body: UpdateActivityRequest, response: { 200: Activity } } },
    async (request) =>
      services.activities.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/activities/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.activities.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
