// Outbound webhooks (docs/webhooks.md): endpoints, the events consumer, the delivery job, the log.
export { DELIVER_JOB, type DeliveryOptions, deliveryJob, webhooksConsumer } from './webhook-delivery.ts';
export { webhooksRoutes } from './webhooks.routes.ts';
export { createWebhooksService, type WebhooksService } from './webhooks.service.ts';
