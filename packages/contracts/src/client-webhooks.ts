import type { z } from 'zod';
import { id, items, type RequestOptions, type Transport } from './client-transport.ts';
import {
  CreatedWebhookEndpoint,
  type CreateWebhookEndpointRequest,
  type UpdateWebhookEndpointRequest,
  WebhookDelivery,
  WebhookDeliveryDetail,
  type WebhookDeliveryListQuery,
  WebhookEndpoint,
  webhookDeliveryPage,
  webhookEventTypeList,
} from './webhooks.ts';

export type WebhookDeliveryListParams = Partial<z.input<typeof WebhookDeliveryListQuery>>;

/** Outbound webhooks (admins): endpoints, their signing secrets, the delivery log, replay. */
export function webhooksApi({ call, callEmpty }: Transport) {
  return {
    eventTypes: async (request: RequestOptions = {}) =>
      (await call(webhookEventTypeList, 'GET', '/webhooks/event-types', request)).items,
    list: async (request: RequestOptions = {}) =>
      (await call(items(WebhookEndpoint), 'GET', '/webhooks/endpoints', request)).items,
    get: (endpointId: string, request: RequestOptions = {}) =>
      call(WebhookEndpoint, 'GET', `/webhooks/endpoints/${id(endpointId)}`, request),
    /** The signing secret is in the result's `secret`, shown this once. */
    create: (body: z.input<typeof CreateWebhookEndpointRequest>, request: RequestOptions = {}) =>
      call(CreatedWebhookEndpoint, 'POST', '/webhooks/endpoints', { body, ...request }),
    update: (
      endpointId: string,
      body: z.input<typeof UpdateWebhookEndpointRequest>,
      request: RequestOptions = {},
    ) => call(WebhookEndpoint, 'PATCH', `/webhooks/endpoints/${id(endpointId)}`, { body, ...request }),
    delete: (endpointId: string, version: number, request: RequestOptions = {}) =>
      callEmpty('DELETE', `/webhooks/endpoints/${id(endpointId)}`, { query: { version }, ...request }),
    /** A new secret, shown this once; the old one stops signing at once. */
    rotateSecret: (endpointId: string, request: RequestOptions = {}) =>
      call(CreatedWebhookEndpoint, 'POST', `/webhooks/endpoints/${id(endpointId)}/rotate-secret`, {
        body: {},
        ...request,
      }),
    sendTest: (endpointId: string, request: RequestOptions = {}) =>
      call(WebhookDelivery, 'POST', `/webhooks/endpoints/${id(endpointId)}/test`, { body: {}, ...request }),
    deliveries: (endpointId: string, query: WebhookDeliveryListParams = {}, request: RequestOptions = {}) =>
      call(webhookDeliveryPage, 'GET', `/webhooks/endpoints/${id(endpointId)}/deliveries`, {
        query,
        ...request,
      }),
    delivery: (deliveryId: string, request: RequestOptions = {}) =>
      call(WebhookDeliveryDetail, 'GET', `/webhooks/deliveries/${id(deliveryId)}`, request),
    /** Sends the same event to the same endpoint again, as a new delivery. */
    replay: (deliveryId: string, request: RequestOptions = {}) =>
      call(WebhookDelivery, 'POST', `/webhooks/deliveries/${id(deliveryId)}/replay`, {
        body: {},
        ...request,
      }),
  };
}
