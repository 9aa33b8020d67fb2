import {
  CreateSupportTicketRequest,
  IdParams,
  SupportTicket,
  SupportTicketListQuery,
  UpdateSupportTicketRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { registerOwnedRecordRoutes } from '../../http/owned-record-routes.ts';

export const supportTicketsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['support-tickets'];
  app.get(
    '/accounts/:id/support-tickets',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: SupportTicketListQuery,
        description: 'The account support tickets, newest first.',
        response: { 200: z.object({ items: z.array(SupportTicket) }) },
      },
    },
    async (request) => ({
      items: await services.supportTickets.list(request.context(), request.params.id, request.query),
    }),
  );
  registerOwnedRecordRoutes(app, {
    tags,
    collectionPath: '/accounts/:id/support-tickets',
    itemPath: '/support-tickets/:id',
    record: SupportTicket,
    createBody: CreateSupportTicketRequest,
    updateBody: UpdateSupportTicketRequest,
    service: {
      create: services.supportTickets.create,
      update: services.supportTickets.update,
      delete: services.supportTickets.delete,
    },
    withList: false, // listed above, with its date filter
    descriptions: {
      create:
        'Records a ticket; the account then counts as having support-ticket data (`supportTicketsTracked`).',
    },
  });
};
