import {
  CreateOpportunityRequest,
  IdParams,
  Opportunity,
  UpdateOpportunityRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const opportunitiesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['opportunities'];
  app.get(
    '/accounts/:id/opportunities',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Opportunity) }) } } },
    async (request) => ({ items: await services.opportunities.list(request.context(), request.params.id) }),
  );
  app.post(
    '/accounts/:id/opportunities',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateOpportunityRequest,
        description: 'Closing won turns a lead or opportunity account into a customer.',
        response: { 201: Opportunity },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.opportunities.create(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/opportunities/:id',
    { schema: { tags, params: IdParams, response: { 200: Opportunity } } },
    async (request) => services.opportunities.get(request.context(), request.params.id),
  );
  app.patch(
    '/opportunities/:id',
    { schema: { tags, params: IdParams, body: UpdateOpportunityRequest, response: { 200: Opportunity } } },
    async (request) =>
      services.opportunities.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/opportunities/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.opportunities.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
