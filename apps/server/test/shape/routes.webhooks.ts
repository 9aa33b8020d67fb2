import type { WebhookDelivery, WebhookEndpoint } from '@liaison/contracts';
import type { Factories } from '../factories.ts';
import type { RouteCase } from './route-table.ts';

// Outbound webhooks (docs/webhooks.md): every route is the admins'. The endpoints point at a
// reserved name (`.invalid`), so nothing here could reach anyone even if a worker ran.

const URL = 'https://receiver.invalid/liaison';

async function freshEndpoint(f: Factories) {
  const { status, body } = await f.admin.post<WebhookEndpoint>('/api/v1/webhooks/endpoints', {
    name: 'Matrix receiver',
    url: URL,
    eventTypes: ['health.red'],
  });
  if (status !== 201) throw new Error(`endpoint: ${status} ${JSON.stringify(body)}`);
  return { id: body.id, version: body.version };
}

async function freshDelivery(f: Factories) {
  const endpoint = await freshEndpoint(f);
  const { status, body } = await f.admin.post<WebhookDelivery>(
    `/api/v1/webhooks/endpoints/${endpoint.id}/test`,
  );
  if (status !== 201) throw new Error(`test delivery: ${status} ${JSON.stringify(body)}`);
  return { id: body.id };
}

export const webhookRoutes: RouteCase[] = [
  { route: 'GET /api/v1/webhooks/event-types', guard: 'manageWebhooks' },
  { route: 'GET /api/v1/webhooks/endpoints', guard: 'manageWebhooks' },
  {
    route: 'POST /api/v1/webhooks/endpoints',
    guard: 'manageWebhooks',
    request: () => ({ body: { name: 'New receiver', url: URL, eventTypes: ['task.assigned'] } }),
  },
  {
    route: 'GET /api/v1/webhooks/endpoints/:id',
    guard: 'manageWebhooks',
    target: ({ f }) => freshEndpoint(f),
  },
  {
    route: 'PATCH /api/v1/webhooks/endpoints/:id',
    guard: 'manageWebhooks',
    target: ({ f }) => freshEndpoint(f),
    request: ({ version }) => ({ body: { name: 'Renamed receiver', version } }),
  },
  {
    route: 'DELETE /api/v1/webhooks/endpoints/:id',
    guard: 'manageWebhooks',
    target: ({ f }) => freshEndpoint(f),
    request: ({ version }) => ({ query: `version=${version}` }),
  },
  {
    route: 'POST /api/v1/webhooks/endpoints/:id/rotate-secret',
    guard: 'manageWebhooks',
    target: ({ f }) => freshEndpoint(f),
  },
  {
    route: 'POST /api/v1/webhooks/endpoints/:id/test',
    guard: 'manageWebhooks',
    target: ({ f }) => freshEndpoint(f),
  },
  {
    route: 'GET /api/v1/webhooks/endpoints/:id/deliveries',
    guard: 'manageWebhooks',
    target: ({ f }) => freshEndpoint(f),
  },
  {
    route: 'GET /api/v1/webhooks/deliveries/:id',
    guard: 'manageWebhooks',
    target: ({ f }) => freshDelivery(f),
  },
  {
    route: 'POST /api/v1/webhooks/deliveries/:id/replay',
    guard: 'manageWebhooks',
    target: ({ f }) => freshDelivery(f),
  },
];
