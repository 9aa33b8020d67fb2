import {
  CreateOpportunityRequest,
  IdParams,
  Opportunity,
  UpdateOpportunityRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { registerOwnedRecordRoutes } from '../../http/owned-record-routes.ts';

export const opportunitiesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['opportunities'];
  registerOwnedRecordRoutes(app, {
    tags,
    collectionPath: '/accounts/:id/opportunities',
    itemPath: '/opportunities/:id',
    record: Opportunity,
    createBody: CreateOpportunityRequest,
    updateBody: UpdateOpportunityRequest,
    service: services.opportunities,
    descriptions: {
      create: 'Closing won turns a lead or opportunity account into a customer.',
      update: 'Closing won turns a lead or opportunity account into a customer.',
    },
  });
  app.get(
    '/opportunities/:id',
    { schema: { tags, params: IdParams, response: { 200: Opportunity } } },
    async (request) => services.opportunities.get(request.context(), request.params.id),
  );
};
