import {
  IdParams,
  Notification,
  NotificationListQuery,
  NotificationPreferences,
  notificationPage,
  ReadAllResult,
  UnreadCount,
  UpdateNotificationPreferencesRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';

/** The caller's notification centre and preferences (docs/notifications.md). */
export const notificationsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['notifications'];
  const notifications = services.notifications;
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        querystring: NotificationListQuery,
        description:
          'The caller’s notifications, newest first: what happened that they hear of (an assignment, a health turn, a handoff, an import…), each with a link to the thing. `unread=true`: only the unread.',
        response: { 200: notificationPage },
      },
    },
    async (request) => notifications.list(request.context(), request.query),
  );
  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags,
        description: 'How many of the caller’s notifications are unread.',
        response: { 200: UnreadCount },
      },
    },
    async (request) => notifications.unreadCount(request.context()),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'Marks one of the caller’s notifications read (someone else’s is not found).',
        response: { 200: Notification },
      },
    },
    async (request) => notifications.read(request.context(), request.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        description: 'Marks all the caller’s notifications read.',
        response: { 200: ReadAllResult },
      },
    },
    async (request) => notifications.readAll(request.context()),
  );
  app.get(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        description:
          'What the caller is told and how: per event type a channel (in_app, email at once, digest, off), quiet hours, time zone, the daily digest’s hour.',
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => notifications.preferences(request.context()),
  );
  app.put(
    '/me/notification-preferences',
    {
      schema: {
        tags,
        body: UpdateNotificationPreferencesRequest,
        description: 'Changes the caller’s preferences; what is left out stays.',
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => notifications.updatePreferences(request.context(), request.body),
  );
};
