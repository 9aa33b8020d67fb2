import { Contact, CreateContactRequest, IdParams, UpdateContactRequest } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

export const contactsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['contacts'];
  app.get(
    '/accounts/:id/contacts',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Contact) }) } } },
    async (request) => ({ items: await services.contacts.list(request.context(), request.params.id) }),
  );
  app.post(
    '/accounts/:id/contacts',
    { schema: { tags, params: IdParams, body: CreateContactRequest, response: { 201: Contact } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.contacts.create(request.context(), request.params.id, request.body)),
  );
  app.patch(
    '/contacts/:id',
    { schema: { tags, params: IdParams, body: UpdateContactRequest, response: { 200: Contact } } },
    async (request) =>
      services.contacts.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/contacts/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.contacts.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
