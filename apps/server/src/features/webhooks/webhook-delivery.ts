import type { WebhookDeliveryStatus, WebhookFormat, WebhookPayload } from '@liaison/contracts';
import type { Database, Executor } from '../../db/client.ts';
import type { EventConsumer } from '../../kernel/events.ts';
import type { JobDefinition, JobQueue } from '../../kernel/job-queue.ts';
import { type DeliveryRow, deliveriesStore, type NewDelivery } from './deliveries.store.ts';
import { endpointsStore } from './endpoints.store.ts';
import { EXCERPT_BYTES, excerpt, messageBody, messageHeaders } from './webhook-message.ts';

export const DELIVER_JOB = 'webhooks-deliver';

export interface DeliveryOptions {
  /** Liaison's address as its users reach it: Slack messages link to it. */
  publicUrl: () => string;
  /** The first retry's delay; each next one doubles (pg-boss backoff). Tests make it short. */
  retryDelaySeconds?: number;
  /** How long an endpoint has to answer. */
  timeoutMs?: number;
}

export const RETRY_LIMIT = 6;
const DEFAULT_RETRY_DELAY_SECONDS = 10;
const DEFAULT_TIMEOUT_MS = 10_000;

/** Queues a delivery's job in the transaction that made the delivery: both exist, or neither. */
export async function queueDeliveries(
  executor: Executor,
  queue: JobQueue,
  deliveries: NewDelivery[],
  now: Date,
): Promise<DeliveryRow[]> {
  const inserted = await deliveriesStore.insert(executor, deliveries, now);
  for (const delivery of inserted) await queue.send(DELIVER_JOB, { deliveryId: delivery.id }, { executor });
  return inserted;
}

/** The webhooks' share of every event: a delivery to each active endpoint subscribed to its type. */
export function webhooksConsumer(queue: JobQueue): EventConsumer {
  return {
    name: 'webhooks',
    async consume(executor, events, now) {
      const endpoints = await endpointsStore.activeFor(executor, [
        ...new Set(events.map((event) => event.type)),
      ]);
      const deliveries = events.flatMap((event) =>
        endpoints
          .filter((endpoint) => endpoint.eventTypes.includes(event.type))
          .map((endpoint) => ({ endpointId: endpoint.id, payload: event })),
      );
      await queueDeliveries(executor, queue, deliveries, now);
    },
  };
}

interface Answer {
  httpStatus: number | null;
  responseExcerpt: string | null;
  error: string | null;
}

/** Why no answer came, in a line an admin reads (the cause fetch wraps is the useful part). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError')
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return text.replaceAll('\u0000', '').slice(0, 500);
}

/** Reads at most the excerpt's worth of the body, then lets the rest go. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return excerpt(Buffer.concat(chunks));
}

async function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number) {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // A redirect is not followed: the admin registered this URL, not wherever it points next.
    const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    return { httpStatus: response.status, responseExcerpt: await readExcerpt(response), error: null };
  } catch (error) {
    return { httpStatus: null, responseExcerpt: null, error: describeFailure(error, timeoutMs) };
  }
}

/**
 * Sends one delivery: every attempt is recorded; a 2xx ends it, anything else is thrown so the
 * queue retries it later (exponential backoff), until the last attempt fails it for good.
 */
export function deliveryJob(db: Database, options: DeliveryOptions): JobDefinition<{ deliveryId: string }> {
  const retryDelaySeconds = options.retryDelaySeconds ?? DEFAULT_RETRY_DELAY_SECONDS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    name: DELIVER_JOB,
    description: 'Sends an event to a webhook endpoint, signed; retried with exponential backoff.',
    retryLimit: RETRY_LIMIT,
    retryDelaySeconds,
    backoff: true,
    expireInSeconds: 120,
    concurrency: 4,
    async run({ deliveryId }, job) {
      if (typeof deliveryId !== 'string' || !/^[0-9a-f-]{36}$/i.test(deliveryId))
        return { skipped: 'no delivery' };
      const delivery = await deliveriesStore.findById(db, deliveryId);
      // Done already (a job run twice), or its endpoint deleted with its log: nothing to send.
      if (!delivery || delivery.status === 'succeeded' || delivery.status === 'failed')
        return { skipped: delivery?.status ?? 'no delivery' };
      const endpoint = await endpointsStore.findById(db, delivery.endpointId);
      if (!endpoint) return { skipped: 'no endpoint' };
      if (!endpoint.isActive) {
        await deliveriesStore.finish(db, delivery.id, 'failed');
        return { skipped: 'endpoint disabled' };
      }
      // Wall-clock time, not the app's: receivers compare the timestamp with their own clock.
      const started = new Date();
      const timestamp = Math.floor(started.getTime() / 1000);
      const body = messageBody(
        endpoint.format as WebhookFormat,
        delivery.payload as WebhookPayload,
        options.publicUrl(),
      );
      const headers = messageHeaders({
        secret: endpoint.secret,
        eventType: delivery.eventType,
        deliveryId: delivery.id,
        timestamp,
        body,
      });
      const answer: Answer = await post(endpoint.url, headers, body, timeoutMs);
      const durationMs = Date.now() - started.getTime();
      const succeeded = answer.httpStatus !== null && answer.httpStatus >= 200 && answer.httpStatus < 300;
      const last = job.attempt > RETRY_LIMIT;
      const status: WebhookDeliveryStatus = succeeded ? 'succeeded' : last ? 'failed' : 'retrying';
      // pg-boss waits retryDelay × 2^(attempt − 1), up to twice that (jitter): the earliest is shown.
      const nextAttemptAt =
        status === 'retrying'
          ? new Date(Date.now() + retryDelaySeconds * 2 ** (job.attempt - 1) * 1000).toISOString()
          : null;
      const recorded = await db.transaction(async (tx) => {
        const current = await deliveriesStore.findById(tx, delivery.id, true);
        // Succeeded meanwhile (a run the queue thought lost): it never succeeds twice.
        if (!current || current.status === 'succeeded') return false;
        await deliveriesStore.recordAttempt(tx, current, {
          ...answer,
          startedAt: started.toISOString(),
          durationMs,
          status,
          nextAttemptAt,
        });
        return true;
      });
      if (!succeeded && recorded)
        throw new Error(
          `webhook delivery ${delivery.id}: ${answer.error ?? `answered ${answer.httpStatus}`}`,
        );
      return { status, httpStatus: answer.httpStatus };
    },
  };
}
