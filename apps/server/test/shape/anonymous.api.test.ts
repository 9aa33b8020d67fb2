import { describe, expect, it } from 'vitest';
import { httpClient } from '../http-client.ts';
import { createTestApp } from '../test-app.ts';
import { callRoute, unknownTarget } from './route-table.ts';
import { rowFor } from './routes.ts';

const app = await createTestApp();
const anonymous = httpClient(app.http);
const badToken = httpClient(app.http, 'lia_not_a_real_token');
const privateRoutes = app.routes.filter((route) => !app.publicRoutes.includes(route));

describe('public routes', () => {
  it('are the few declared public (config.public in the server), and the docs pages', () => {
    // Making a route public is a decision about who may call it: it shows up here, in review.
    expect(app.publicRoutes.filter((route) => !route.includes(' /api/docs')).sort()).toEqual([
      'GET /*',
      'GET /api/v1/calendar/feeds/:token.ics',
      'GET /api/v1/demo-info',
      'GET /api/v1/health',
      'GET /api/v1/openapi.json',
      'GET /api/v1/portal/csrf',
      'GET /healthz',
      'HEAD /*',
      'HEAD /api/v1/calendar/feeds/:token.ics',
      'HEAD /api/v1/demo-info',
      'HEAD /api/v1/health',
      'HEAD /api/v1/openapi.json',
      'HEAD /api/v1/portal/csrf',
      'HEAD /healthz',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'POST /api/v1/portal/invitation/accept',
      'POST /api/v1/portal/magic-link',
      'POST /api/v1/portal/magic-link/sign-in',
      'POST /api/v1/portal/sign-in',
      'POST /api/v1/portal/sign-out',
    ]);
  });

  it.each(app.publicRoutes)('%s answers an anonymous caller', async (route) => {
    const response = await callRoute(anonymous, route, undefined, unknownTarget());
    expect(response.status).not.toBe(401);
  });
});

describe('the server itself', () => {
  it('refuses an anonymous caller before validating what it sent (private by default)', async () => {
    const invalid = await anonymous.post('/api/v1/accounts', { name: '', segment: 'nonsense' });
    expect(invalid.status).toBe(401);
    expect(invalid.body.error.code).toBe('UNAUTHENTICATED');
    const badId = await anonymous.get('/api/v1/accounts/not-a-uuid');
    expect(badId.status).toBe(401);
    // An unknown path stays a 404.
    expect((await anonymous.get('/api/v1/no-such-thing')).status).toBe(404);
  });
});

// The server refuses anonymous callers before validation (above); the sweep does not rely on
// it: each call here is the route table's valid one (aimed at ids nobody has), so a route that
// forgets to ask who is calling answers 2xx or 404 instead of 401 even without that hook.
describe.each([
  ['no credentials', anonymous],
  ['a Bearer token nobody was given', badToken],
])('every other route, called with %s', (_, client) => {
  it.each(privateRoutes)('%s: 401 UNAUTHENTICATED', async (route) => {
    const response = await callRoute(client, route, rowFor(route), unknownTarget());
    expect(response.status).toBe(401);
    // A HEAD response has no body to carry the code.
    if (!route.startsWith('HEAD ')) expect(response.body.error.code).toBe('UNAUTHENTICATED');
  });
});
