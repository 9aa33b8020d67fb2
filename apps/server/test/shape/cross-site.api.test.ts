import { describe, expect, it } from 'vitest';
import { factories } from '../factories.ts';
import { httpClient } from '../http-client.ts';
import { createTestApp } from '../test-app.ts';
import { callRoute, unknownTarget } from './route-table.ts';
import { rowFor } from './routes.ts';

// docs/security.md, CSRF: every write is refused when the browser says another page of the same
// site sent it with the session cookie, whatever the route. Each call is the route table's valid
// one, aimed at ids nobody has: a route the check missed answers 2xx, 404 or 422, not 403.

const app = await createTestApp();
const f = factories(app);
const admin = await f.buildUser({ roles: ['admin', 'tam_manager'], password: 'a long enough password' });
const writes = app.routes.filter((route) => /^(POST|PUT|PATCH|DELETE) /.test(route));

/** The admin's browser, made to send the request by a page on another port of the same site. */
const forged = httpClient(app.http);
const send = forged.send;
forged.send = (method, url, body, headers) =>
  send(method, url, body, {
    ...headers,
    cookie: admin.cookie!,
    origin: 'http://localhost:8080',
    'sec-fetch-site': 'same-site',
  });

describe('every write, sent with the session cookie from another page of the same site', () => {
  it('covers the routes that matter', () => {
    expect(writes).toContain('POST /api/v1/imports');
    expect(writes).toContain('POST /api/v1/accounts/:id/priority-proposal/approve');
    expect(writes).toContain('POST /api/v1/auth/login');
  });

  it.each(writes)('%s: 403 CROSS_SITE_REQUEST', async (route) => {
    const response = await callRoute(forged, route, rowFor(route), unknownTarget());
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('CROSS_SITE_REQUEST');
  });
});
