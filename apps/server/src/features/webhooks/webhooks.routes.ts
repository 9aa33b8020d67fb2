import {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointRequest,
  IdParams,
  UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryListQuery,
  WebhookEndpoint,
  webhookDeliveryPage,
  webhookEventTypeList,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** Outbound webhooks, for admins (docs/webhooks.md). */
export const webhooksRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['webhooks'];
  const webhooks = services.webhooks;
  app.get(
    '/webhooks/event-types',
    {
      schema: {
        tags,
        description: 'The event types an endpoint may subscribe to, with their labels.',
        response: { 200: webhookEventTypeList },
      },
    },
    async (request) => ({ items: webhooks.eventTypes(request.context()) }),
  );
  app.get(
    '/webhooks/endpoints',
    { schema: { tags, response: { 200: z.object({ items: z.array(WebhookEndpoint) }) } } },
    async (request) => ({ items: await webhooks.list(request.context()) }),
  );
  app.post(
    '/webhooks/endpoints',
    {
      schema: {
        tags,
        body: CreateWebhookEndpointRequest,
        description:
          'Registers an endpoint. The answer carries its signing secret (`secret`), shown this once: keep it where the receiver verifies signatures.',
        response: { 201: CreatedWebhookEndpoint },
      },
    },
    async (request, reply) => reply.status(201).send(await webhooks.create(request.context(), request.body)),
  );
  app.get(
    '/webhooks/endpoints/:id',
    { schema: { tags, params: IdParams, response: { 200: WebhookEndpoint } } },
    async (request) => webhooks.get(request.context(), request.params.id),
  );
  app.patch(
    '/webhooks/endpoints/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateWebhookEndpointRequest,
        description: 'Renames, repoints, resubscribes, disables (`isActive: false`) or enables an endpoint.',
        response: { 200: WebhookEndpoint },
      },
    },
    async (request) =>
      webhooks.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/webhooks/endpoints/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: VersionQuery,
        description: 'Deletes the endpoint with its delivery log.',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await webhooks.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/webhooks/endpoints/:id/rotate-secret',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'A new signing secret, shown this once; the old one signs nothing from now on.',
        response: { 200: CreatedWebhookEndpoint },
      },
    },
    async (request) => webhooks.rotateSecret(request.context(), request.params.id),
  );
  app.post(
    '/webhooks/endpoints/:id/test',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'Sends a `webhook.test` event to this endpoint alone (docs/webhooks.md, Test event).',
        response: { 201: WebhookDelivery },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await webhooks.sendTest(request.context(), request.params.id)),
  );
  app.get(
    '/webhooks/endpoints/:id/deliveries',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: WebhookDeliveryListQuery,
        description: 'The delivery log of an endpoint, newest first.',
        response: { 200: webhookDeliveryPage },
      },
    },
    async (request) => webhooks.deliveries(request.context(), request.params.id, request.query),
  );
  app.get(
    '/webhooks/deliveries/:id',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          'A delivery with the event it sends and every attempt (status, duration, the answer’s first 2 KB).',
        response: { 200: WebhookDeliveryDetail },
      },
    },
    async (request) => webhooks.delivery(request.context(), request.params.id),
  );
  app.post(
    '/webhooks/deliveries/:id/replay',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          'Sends the same event to the same endpoint again, as a new delivery (the log keeps both).',
        response: { 201: WebhookDelivery },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await webhooks.replay(request.context(), request.params.id)),
  );
};
