import type { WebhookDeliveryStatus } from '@liaison/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api.ts';

/** Outbound webhooks (admins): the endpoints, each one's delivery log, a delivery's attempts. */
export const webhookQueries = {
  endpoints: () =>
    queryOptions({
      queryKey: ['webhooks', 'endpoints'],
      queryFn: () => api.webhooks.list(),
      // The list shows each endpoint's last delivery: followed while one is on its way.
      refetchInterval: (query) =>
        query.state.data?.some((endpoint) => endpoint.lastDelivery && !settled(endpoint.lastDelivery.status))
          ? 2_000
          : false,
    }),
  deliveries: (endpointId: string) =>
    queryOptions({
      queryKey: ['webhooks', 'deliveries', endpointId],
      queryFn: () => api.webhooks.deliveries(endpointId, { limit: 50 }),
      // While something is on its way the log follows it; a settled log is left alone.
      refetchInterval: (query) =>
        query.state.data?.items.some((item) => !settled(item.status)) ? 2_000 : false,
    }),
  delivery: (deliveryId: string) =>
    queryOptions({
      queryKey: ['webhooks', 'delivery', deliveryId],
      queryFn: () => api.webhooks.delivery(deliveryId),
      refetchInterval: (query) => (query.state.data && !settled(query.state.data.status) ? 2_000 : false),
    }),
};

export const settled = (status: WebhookDeliveryStatus) => status === 'succeeded' || status === 'failed';

export const deliveryStatusColors: Record<WebhookDeliveryStatus, string> = {
  pending: 'gray',
  retrying: 'orange',
  succeeded: 'teal',
  failed: 'red',
};

export const deliveryStatusLabels: Record<WebhookDeliveryStatus, string> = {
  pending: 'Pending',
  retrying: 'Retrying',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export const formatLabels = { liaison: 'Liaison JSON (signed)', slack: 'Slack message' } as const;
