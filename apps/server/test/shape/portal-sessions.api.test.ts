import { describe, expect, it } from 'vitest';
import { factories } from '../factories.ts';
import { httpClient } from '../http-client.ts';
import { buildCustomer } from '../portal-client.ts';
import { createTestApp } from '../test-app.ts';
import { callRoute, fillPath, type RouteCase, type Target, unknownTarget } from './route-table.ts';
import { routeTable } from './routes.ts';

// Portal sessions and staff sessions never stand in for each other (docs/security.md, Customer
// portal): every staff route refuses a customer's portal session, every portal route refuses a
// staff session and a staff API token, and a customer gets a real answer from every portal route.

const app = await createTestApp();
const f = factories(app);
const admin = await f.buildUser({ roles: ['admin', 'tam_manager'], password: 'a long enough password' });
const account = await f.buildAccount({ name: 'Portal Sweep Ltd' });
const customer = await buildCustomer(app, account, 'Sweeping Customer');
const customerRows = routeTable.filter((row) => row.guard === 'customer');
const staffRows = routeTable.filter((row) => row.guard !== 'customer');

async function customerTarget(row: RouteCase): Promise<Target> {
  const setup = { f, app, accountId: account.id, customerUserId: customer.user.id };
  return {
    ...unknownTarget(),
    id: account.id,
    accountId: account.id,
    ...(await row.customerTarget?.(setup)),
  };
}

describe('a customer’s portal session', () => {
  it.each(staffRows.map((row) => [row.route, row] as const))('is refused by %s: 401', async (_route, row) => {
    // The browser's own request: the portal cookie and the portal's CSRF token, from the same origin.
    const csrf = await customer.client.csrf();
    const browser = httpClient(app.http);
    const headers = {
      cookie: customer.client.sessionCookie()!,
      'x-liaison-csrf': csrf,
      'sec-fetch-site': 'same-origin',
    };
    const send = browser.send;
    browser.send = (method, url, body, more) => send(method, url, body, { ...more, ...headers });
    const response = await callRoute(browser, row.route, row, unknownTarget());
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });

  it.each(customerRows.map((row) => [row.route, row] as const))('is answered by %s', async (route, row) => {
    const [method, path] = route.split(' ') as [string, string];
    const target = await customerTarget(row);
    const { body } = row.request?.(target) ?? {};
    const filled = fillPath(path, target);
    const response = await customer.client.send(method, filled, body);
    expect(`${response.status} ${JSON.stringify(response.body).slice(0, 200)}`).toMatch(/^2\d\d /);
  });
});

describe.each([
  ['an admin’s staff session', httpClient(app.http), { cookie: admin.cookie! }],
  ['an admin’s API token', httpClient(app.http, admin.token), {}],
])('%s', (_what, client, headers) => {
  it.each(customerRows.map((row) => [row.route, row] as const))(
    'is refused by %s: 401',
    async (_route, row) => {
      const send = client.send;
      const withHeaders = {
        ...client,
        send: (m: string, u: string, b?: unknown, h?: Record<string, string>) =>
          send(m, u, b, { ...h, ...headers }),
      };
      const response = await callRoute(withHeaders, row.route, row, await customerTarget(row));
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    },
  );
});
