import type {
  EventType,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookFormat,
  WebhookPayload,
} from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { AttemptRow, DeliveryRow } from './deliveries.store.ts';
import type { EndpointRow } from './endpoints.store.ts';
import type { EndpointListRow } from './webhooks.read-model.ts';

/** What the history keeps of an endpoint: the endpoint as the API shows it, never its secret. */
export function endpointSnapshot(row: EndpointRow): Omit<WebhookEndpoint, 'lastDelivery'> {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    name: row.name,
    url: row.url,
    format: row.format as WebhookFormat,
    eventTypes: row.eventTypes as EventType[],
    isActive: row.isActive,
    createdBy: { id: row.createdBy, name: row.createdByName },
    secretRotatedAt: toIso(row.secretRotatedAt),
  };
}

export function presentEndpoint(row: EndpointListRow): WebhookEndpoint {
  const last = row.lastDelivery;
  return {
    ...endpointSnapshot(row),
    lastDelivery: last
      ? {
          status: last.status as WebhookDeliveryStatus,
          createdAt: toIso(last.createdAt),
          httpStatus: last.httpStatus,
        }
      : null,
  };
}

export function presentDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status as WebhookDeliveryStatus,
    attemptCount: row.attemptCount,
    nextAttemptAt: toIso(row.nextAttemptAt),
    lastAttemptAt: toIso(row.lastAttemptAt),
    lastHttpStatus: row.lastHttpStatus,
    replayOf: row.replayOf,
    createdAt: toIso(row.createdAt),
  };
}

export function presentAttempt(row: AttemptRow): WebhookAttempt {
  return {
    attemptNo: row.attemptNo,
    startedAt: toIso(row.startedAt),
    durationMs: row.durationMs,
    httpStatus: row.httpStatus,
    responseExcerpt: row.responseExcerpt,
    error: row.error,
  };
}

export function presentDeliveryDetail(row: DeliveryRow, attempts: AttemptRow[]): WebhookDeliveryDetail {
  return {
    ...presentDelivery(row),
    payload: row.payload as WebhookPayload,
    attempts: attempts.map(presentAttempt),
  };
}
