import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { webhookDeliveries, webhookEndpoints } from '../../db/schema.ts';
import type { DeliveryRow } from './deliveries.store.ts';
import type { EndpointRow } from './endpoints.store.ts';

export interface LastDelivery {
  status: string;
  createdAt: string;
  httpStatus: number | null;
}

export type EndpointListRow = EndpointRow & { lastDelivery: LastDelivery | null };

/** The admins' views: endpoints with their newest delivery, and the delivery log page by page. */
export const webhooksReadModel = {
  async endpoints(executor: Executor, id?: string): Promise<EndpointListRow[]> {
    // The newest delivery per endpoint, by the log's own index (endpoint, created at, id). The
    // outer column is named in full: drizzle writes a bare "id" here, which is the delivery's.
    const last = sql<LastDelivery | null>`(
      SELECT json_build_object('status', d.status, 'createdAt', d.created_at, 'httpStatus', d.last_http_status)
        FROM ${webhookDeliveries} d
       WHERE d.endpoint_id = ${sql.raw('"webhook_endpoints"."id"')}
       ORDER BY d.created_at DESC, d.id DESC
       LIMIT 1)`;
    return executor
      .select({ endpoint: webhookEndpoints, lastDelivery: last })
      .from(webhookEndpoints)
      .where(id ? eq(webhookEndpoints.id, id) : undefined)
      .orderBy(asc(webhookEndpoints.name), asc(webhookEndpoints.id))
      .then((rows) => rows.map((row) => ({ ...row.endpoint, lastDelivery: row.lastDelivery })));
  },

  /** One endpoint's deliveries, newest first, after the cursor's (createdAt, id). */
  async deliveries(
    executor: Executor,
    endpointId: string,
    limit: number,
    before?: { at: string; id: string },
  ): Promise<DeliveryRow[]> {
    return executor
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.endpointId, endpointId),
          before
            ? or(
                sql`${webhookDeliveries.createdAt} < ${before.at}`,
                and(
                  sql`${webhookDeliveries.createdAt} = ${before.at}`,
                  sql`${webhookDeliveries.id} < ${before.id}`,
                ),
              )
            : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(limit + 1);
  },
};
