import { Contact, CreateContactRequest, UpdateContactRequest } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { registerOwnedRecordRoutes } from '../../http/owned-record-routes.ts';

export const contactsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  registerOwnedRecordRoutes(app, {
    tags: ['contacts'],
    collectionPath: '/accounts/:id/contacts',
    itemPath: '/contacts/:id',
    record: Contact,
    createBody: CreateContactRequest,
    updateBody: UpdateContactRequest,
    service: services.contacts,
    descriptions: { list: "The customer's people and their stakeholder roles." },
  });
};
