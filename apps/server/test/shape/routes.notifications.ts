import type { Notification } from '@liaison/contracts';
import { recordEvent } from '../../src/kernel/events.ts';
import type { RouteCase, Setup } from './route-table.ts';

// The notification centre and preferences (docs/notifications.md): every signed-in person's own;
// another's notification is not found (notifications.api.test.ts).

/** A notification of the caller's: an event naming them, handed over by the dispatcher. */
async function ownNotification({ app, caller }: Setup) {
  await recordEvent(app.database.db, {
    type: 'task.assigned',
    now: app.clock(),
    account: null,
    actor: null,
    title: 'A task for the matrix',
    summary: 'Assigned to check the route table.',
    link: '/week',
    recipientIds: [caller.user.id],
  });
  await app.services.events.dispatchPending(app.clock());
  const { body } = await caller.get<{ items: Notification[] }>('/api/v1/notifications?limit=1');
  const latest = body.items[0];
  if (!latest) throw new Error('no notification for the caller');
  return { id: latest.id };
}

export const notificationRoutes: RouteCase[] = [
  { route: 'GET /api/v1/notifications', guard: 'signedIn', request: () => ({ query: 'unread=true' }) },
  { route: 'GET /api/v1/notifications/unread-count', guard: 'signedIn' },
  { route: 'POST /api/v1/notifications/:id/read', guard: 'signedIn', target: ownNotification },
  { route: 'POST /api/v1/notifications/read-all', guard: 'signedIn' },
  { route: 'GET /api/v1/me/notification-preferences', guard: 'signedIn' },
  {
    route: 'PUT /api/v1/me/notification-preferences',
    guard: 'signedIn',
    request: () => ({ body: { channels: { 'health.red': 'in_app' }, timeZone: 'Europe/Berlin' } }),
  },
];
