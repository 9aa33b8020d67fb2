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
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

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
  app.post(
    '/accounts/:id/support-tickets',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateSupportTicketRequest,
        description:
          'Records a ticket; the account then counts as having support-ticket data (`supportTicketsTracked`).',
        response: { 201: SupportTicket },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.supportTickets.create(request.context(), request.params.id, request.body)),
  );
  app.patch(
    '/support-tickets/:id',
    {
      schema: { tags, params: IdParams, body: UpdateSupportTicketRequest, response: { 200: SupportTicket } },
    },
    async (request) =>
      services.supportTickets.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/support-tickets/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.supportTickets.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
