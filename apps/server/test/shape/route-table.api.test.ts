import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app.ts';
import { guards } from './route-table.ts';
import { routeTable } from './routes.ts';

const app = await createTestApp();
// HEAD routes are Fastify's copies of the GET routes: they go wherever their GET goes.
const privateRoutes = app.routes.filter(
  (route) => !route.startsWith('HEAD ') && !app.publicRoutes.includes(route),
);

describe('the route table', () => {
  it('classifies every private route, so a new route must say what guards it', () => {
    const classified = new Set(routeTable.map((row) => row.route));
    expect(privateRoutes.filter((route) => !classified.has(route))).toEqual([]);
  });

  it('names only routes the server has, none of them public', () => {
    expect(routeTable.map((row) => row.route).filter((route) => !privateRoutes.includes(route))).toEqual([]);
  });

  it('uses every policy (a policy no route uses is dead, or a route forgot it)', () => {
    expect(guards.filter((guard) => !routeTable.some((row) => row.guard === guard))).toEqual([]);
  });
});
