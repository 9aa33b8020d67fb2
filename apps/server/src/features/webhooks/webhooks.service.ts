import { randomUUID } from 'node:crypto';
import {
  type CreatedWebhookEndpoint,
  type CreateWebhookEndpointRequest,
  IsoInstant,
  type UpdateWebhookEndpointRequest,
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryDetail,
  type WebhookEndpoint,
  type WebhookPayload,
  webhookEventTypeItems,
} from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import type { JobQueue } from '../../kernel/job-queue.ts';
import { newWebhookSecret } from '../../kernel/secrets.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { deliveriesStore, type NewDelivery } from './deliveries.store.ts';
import { type EndpointRow, endpointsStore } from './endpoints.store.ts';
import { queueDeliveries } from './webhook-delivery.ts';
import {
  endpointSnapshot,
  presentDelivery,
  presentDeliveryDetail,
  presentEndpoint,
} from './webhooks.presenter.ts';
import { webhooksReadModel } from './webhooks.read-model.ts';

const DeliveryCursor = z.object({ at: IsoInstant, id: z.uuid() });
const ENTITY = 'Webhook endpoint';

/** Outbound webhooks (docs/webhooks.md): an installation setting, for admins only. */
export function createWebhooksService(db: Database, deps: { queue: JobQueue }) {
  const requireAdmin = (context: RequestContext) =>
    authorize(policies.manageWebhooks(context.user), 'Only admins manage webhooks.');

  async function present(executor: Executor, id: string): Promise<WebhookEndpoint> {
    const [row] = await webhooksReadModel.endpoints(executor, id);
    if (!row) throw notFound(ENTITY, id);
    return presentEndpoint(row);
  }

  const history = (id: string, before: EndpointRow | null, after: EndpointRow | null) => ({
    accountId: null,
    entityType: 'webhook_endpoint' as const,
    entityId: id,
    before: before && endpointSnapshot(before),
    after: after && endpointSnapshot(after),
  });

  /** Sends a delivery now (a test, a replay): refused while the endpoint is disabled, where it would only fail. */
  async function deliverNow(
    executor: Executor,
    endpoint: EndpointRow,
    delivery: NewDelivery,
    now: Date,
  ): Promise<WebhookDelivery> {
    if (!endpoint.isActive)
      throw new DomainError('INVALID_STATE', 'The endpoint is disabled: enable it to send to it.');
    const [row] = await queueDeliveries(executor, deps.queue, [delivery], now);
    return presentDelivery(row!);
  }

  return {
    eventTypes(context: RequestContext) {
      requireAdmin(context);
      return webhookEventTypeItems();
    },

    async list(context: RequestContext): Promise<WebhookEndpoint[]> {
      requireAdmin(context);
      return (await webhooksReadModel.endpoints(db)).map(presentEndpoint);
    },

    async get(context: RequestContext, id: string): Promise<WebhookEndpoint> {
      requireAdmin(context);
      return present(db, id);
    },

    async create(
      context: RequestContext,
      input: CreateWebhookEndpointRequest,
    ): Promise<CreatedWebhookEndpoint> {
      requireAdmin(context);
      return db.transaction(async (tx) => {
        const secret = newWebhookSecret();
        const row = await endpointsStore.insert(
          tx,
          { ...input, secret, createdBy: context.user.id, createdByName: context.user.name },
          context.now,
        );
        await recordChanges(tx, context, [history(row.id, null, row)]);
        return { ...(await present(tx, row.id)), secret };
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateWebhookEndpointRequest,
      version: number,
    ): Promise<WebhookEndpoint> {
      requireAdmin(context);
      const { version: _read, ...changes } = input;
      return db.transaction(async (tx) => {
        const current = await endpointsStore.findById(tx, id, true);
        if (!current) throw notFound(ENTITY, id);
        checkVersion(ENTITY, id, version, current.version);
        const updated = await endpointsStore.update(tx, id, changes, context.now);
        await recordChanges(tx, context, [history(id, current, updated)]);
        return present(tx, id);
      });
    },

    /** Deletes the endpoint and its delivery log; jobs still queued for it find nothing to send. */
    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      requireAdmin(context);
      await db.transaction(async (tx) => {
        const current = await endpointsStore.findById(tx, id, true);
        if (!current) throw notFound(ENTITY, id);
        checkVersion(ENTITY, id, version, current.version);
        await endpointsStore.delete(tx, id);
        await recordChanges(tx, context, [history(id, current, null)]);
      });
    },

    /** A new secret, answered this once; deliveries from now on are signed with it. */
    async rotateSecret(context: RequestContext, id: string): Promise<CreatedWebhookEndpoint> {
      requireAdmin(context);
      return db.transaction(async (tx) => {
        const current = await endpointsStore.findById(tx, id, true);
        if (!current) throw notFound(ENTITY, id);
        const secret = newWebhookSecret();
        const updated = await endpointsStore.update(
          tx,
          id,
          { secret, secretRotatedAt: context.now.toISOString() },
          context.now,
        );
        await recordChanges(tx, context, [history(id, current, updated)]);
        return { ...(await present(tx, id)), secret };
      });
    },

    /** A `webhook.test` event to this endpoint alone: nothing else hears of it. */
    async sendTest(context: RequestContext, id: string): Promise<WebhookDelivery> {
      requireAdmin(context);
      return db.transaction(async (tx) => {
        const endpoint = await endpointsStore.findById(tx, id);
        if (!endpoint) throw notFound(ENTITY, id);
        const payload: WebhookPayload = {
          id: randomUUID(),
          type: WEBHOOK_TEST_EVENT,
          occurredAt: context.now.toISOString(),
          account: null,
          actor: { id: context.user.id, name: context.user.name },
          title: `Test event from Liaison to ${endpoint.name}`,
          summary: `${context.user.name} sent a test event: this endpoint receives Liaison's webhooks.`,
          link: '/admin/webhooks',
          recipientIds: [],
          data: { test: true, endpointId: endpoint.id },
        };
        return deliverNow(tx, endpoint, { endpointId: endpoint.id, payload }, context.now);
      });
    },

    async deliveries(
      context: RequestContext,
      endpointId: string,
      query: { limit: number; cursor?: string | undefined },
    ) {
      requireAdmin(context);
      const before = decodeCursor(query.cursor, DeliveryCursor);
      if (!(await endpointsStore.findById(db, endpointId))) throw notFound(ENTITY, endpointId);
      const rows = await webhooksReadModel.deliveries(db, endpointId, query.limit, before);
      const items = rows.slice(0, query.limit).map(presentDelivery);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
      };
    },

    async delivery(context: RequestContext, id: string): Promise<WebhookDeliveryDetail> {
      requireAdmin(context);
      const row = await deliveriesStore.findById(db, id);
      if (!row) throw notFound('Webhook delivery', id);
      return presentDeliveryDetail(row, await deliveriesStore.attempts(db, id));
    },

    /** The same event to the same endpoint again, as a new delivery: the log keeps both. */
    async replay(context: RequestContext, id: string): Promise<WebhookDelivery> {
      requireAdmin(context);
      return db.transaction(async (tx) => {
        const original = await deliveriesStore.findById(tx, id);
        if (!original) throw notFound('Webhook delivery', id);
        const endpoint = await endpointsStore.findById(tx, original.endpointId);
        if (!endpoint) throw notFound(ENTITY, original.endpointId);
        const payload = original.payload as WebhookPayload;
        return deliverNow(
          tx,
          endpoint,
          { endpointId: endpoint.id, payload, replayOf: original.id },
          context.now,
        );
      });
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
