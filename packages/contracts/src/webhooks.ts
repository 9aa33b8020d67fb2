import { z } from 'zod';
import { Id, IsoInstant, PageQuery, page, RecordMeta, ShortText } from './common.ts';
import { EventType, eventTypeLabels, eventTypes, LiaisonEvent } from './events.ts';

// Outbound webhooks (docs/webhooks.md): admins register endpoints that hear of events; each
// delivery is signed, retried with backoff, logged with every attempt, and can be replayed.

/** The event "Send test event" delivers: only to the endpoint asked, never to anyone else. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** `liaison`: the event envelope as JSON, signed. `slack`: a message for an incoming webhook. */
export const WebhookFormat = z.enum(['liaison', 'slack']);

/**
 * Where deliveries go: http or https to a named host, no user name or password in it (a secret in
 * a URL ends up in logs and in the history; use the signature to authenticate Liaison instead).
 */
export const WebhookUrl = z
  .string()
  .trim()
  .max(2_000)
  .superRefine((value, payload) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      payload.issues.push({ code: 'custom', message: 'must be an absolute http(s) URL', input: value });
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      payload.issues.push({ code: 'custom', message: 'must use http or https', input: value });
    else if (!url.hostname)
      payload.issues.push({ code: 'custom', message: 'must name a host', input: value });
    else if (url.username || url.password)
      payload.issues.push({ code: 'custom', message: 'must not hold a user name or password', input: value });
  });

/** The types an endpoint hears of: at least one, each once. */
export const WebhookEventTypes = z
  .array(EventType)
  .min(1, 'choose at least one event type')
  .max(eventTypes.length * 2)
  .transform((types) => eventTypes.filter((type) => types.includes(type)));

export const WebhookDeliveryStatus = z.enum(['pending', 'retrying', 'succeeded', 'failed']);

export const WebhookEndpoint = RecordMeta.extend({
  name: z.string(),
  url: z.string(),
  format: WebhookFormat,
  eventTypes: z.array(EventType),
  isActive: z.boolean(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
  secretRotatedAt: IsoInstant.describe(
    'When the signing secret was made (at creation, or the last rotation).',
  ),
  lastDelivery: z
    .object({ status: WebhookDeliveryStatus, createdAt: IsoInstant, httpStatus: z.int().nullable() })
    .nullable()
    .describe('The newest delivery to this endpoint, for the list.'),
});

/** An endpoint with its signing secret: answered once, on create and on rotation. */
export const CreatedWebhookEndpoint = WebhookEndpoint.extend({
  secret: z.string().describe('The signing secret, shown this once (docs/webhooks.md, Signature).'),
});

export const CreateWebhookEndpointRequest = z.object({
  name: ShortText,
  url: WebhookUrl,
  format: WebhookFormat.default('liaison'),
  eventTypes: WebhookEventTypes,
  isActive: z.boolean().default(true),
});

export const UpdateWebhookEndpointRequest = z.object({
  name: ShortText.optional(),
  url: WebhookUrl.optional(),
  format: WebhookFormat.optional(),
  eventTypes: WebhookEventTypes.optional(),
  isActive: z.boolean().optional(),
  version: z.int().positive().optional().describe('The version you read; or send it as If-Match.'),
});

export const WebhookDelivery = z.object({
  id: Id,
  endpointId: Id,
  eventId: Id,
  eventType: z.string(),
  status: WebhookDeliveryStatus,
  attemptCount: z.int().min(0),
  nextAttemptAt: IsoInstant.nullable().describe('While retrying: the earliest the next attempt runs.'),
  lastAttemptAt: IsoInstant.nullable(),
  lastHttpStatus: z.int().nullable(),
  replayOf: Id.nullable().describe('The delivery this one replays.'),
  createdAt: IsoInstant,
});

export const WebhookAttempt = z.object({
  attemptNo: z.int().positive(),
  startedAt: IsoInstant,
  durationMs: z.int().min(0),
  httpStatus: z.int().nullable(),
  responseExcerpt: z.string().nullable().describe('The first 2 KB of the answer.'),
  error: z.string().nullable().describe('Why no answer came (timeout, connection refused…).'),
});

/** The body a `liaison` endpoint receives: the event envelope, or the test event. */
export const WebhookPayload = LiaisonEvent.extend({
  type: z.union([EventType, z.literal(WEBHOOK_TEST_EVENT)]),
});

export const WebhookDeliveryDetail = WebhookDelivery.extend({
  payload: WebhookPayload,
  attempts: z.array(WebhookAttempt),
});

export const webhookDeliveryPage = page(WebhookDelivery);
export const WebhookDeliveryListQuery = PageQuery;

export const WebhookEventType = z.object({ type: EventType, label: z.string() });
export const webhookEventTypeList = z.object({ items: z.array(WebhookEventType) });

/** The types an endpoint may subscribe to, with the labels the web shows. */
export const webhookEventTypeItems = () => eventTypes.map((type) => ({ type, label: eventTypeLabels[type] }));

export type WebhookFormat = z.infer<typeof WebhookFormat>;
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;
export type CreatedWebhookEndpoint = z.infer<typeof CreatedWebhookEndpoint>;
export type CreateWebhookEndpointRequest = z.infer<typeof CreateWebhookEndpointRequest>;
export type UpdateWebhookEndpointRequest = z.infer<typeof UpdateWebhookEndpointRequest>;
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatus>;
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;
export type WebhookPayload = z.infer<typeof WebhookPayload>;
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;
