import type {
  EventType,
  Notification,
  NotificationChannel,
  NotificationPreferences,
} from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { NotificationRow } from './notifications.store.ts';

export function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    eventId: row.eventId,
    type: row.type as EventType,
    title: row.title,
    summary: row.summary,
    link: row.link,
    account: row.accountId ? { id: row.accountId, name: row.accountName ?? '' } : null,
    actor: (row.actor as Notification['actor']) ?? null,
    occurredAt: toIso(row.occurredAt),
    channel: row.channel as NotificationChannel,
    readAt: toIso(row.readAt),
  };
}

export function presentPreferences(
  preferences: Omit<NotificationPreferences, 'custom'>,
  custom: boolean,
): NotificationPreferences {
  return { ...preferences, custom };
}
