import type { z } from 'zod';
import { id, type RequestOptions, type Transport } from './client-transport.ts';
import {
  Notification,
  type NotificationListQuery,
  NotificationPreferences,
  notificationPage,
  ReadAllResult,
  UnreadCount,
  type UpdateNotificationPreferencesRequest,
} from './notifications.ts';

export type NotificationListParams = Partial<z.input<typeof NotificationListQuery>>;

/** The caller's notification centre and preferences (docs/notifications.md). */
export function notificationsApi({ call }: Transport) {
  return {
    list: (query: NotificationListParams = {}, request: RequestOptions = {}) =>
      call(notificationPage, 'GET', '/notifications', { query, ...request }),
    unreadCount: (request: RequestOptions = {}) =>
      call(UnreadCount, 'GET', '/notifications/unread-count', request),
    read: (notificationId: string, request: RequestOptions = {}) =>
      call(Notification, 'POST', `/notifications/${id(notificationId)}/read`, request),
    readAll: (request: RequestOptions = {}) =>
      call(ReadAllResult, 'POST', '/notifications/read-all', request),
    preferences: (request: RequestOptions = {}) =>
      call(NotificationPreferences, 'GET', '/me/notification-preferences', request),
    updatePreferences: (
      body: z.input<typeof UpdateNotificationPreferencesRequest>,
      request: RequestOptions = {},
    ) => call(NotificationPreferences, 'PUT', '/me/notification-preferences', { body, ...request }),
  };
}
