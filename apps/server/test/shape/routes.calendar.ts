import { type Client, ok } from '../factories.ts';
import type { RouteCase } from './route-table.ts';

// Per-person calendar feeds (docs/calendar.md): everyone makes, reads and revokes their own; admins
// revoke anyone's. The feed itself is public (its token is the credential): anonymous.api.test.ts.

const makeFeed = (person: Client) => ok('feed', person.post('/api/v1/me/calendar-feed'));

export const calendarRoutes: RouteCase[] = [
  { route: 'GET /api/v1/me/calendar-feed', guard: 'signedIn' },
  { route: 'POST /api/v1/me/calendar-feed', guard: 'signedIn' },
  {
    route: 'DELETE /api/v1/me/calendar-feed',
    guard: 'signedIn',
    // The caller's own feed, made first: revoking one that does not exist is a 404.
    target: async ({ caller }) => {
      await makeFeed(caller);
      return {};
    },
  },
  {
    route: 'DELETE /api/v1/users/:id/calendar-feed',
    guard: 'manageUsers',
    target: async ({ f }) => {
      const owner = await f.buildUser({ roles: ['tam'] });
      await makeFeed(owner);
      return { id: owner.user.id };
    },
  },
];
