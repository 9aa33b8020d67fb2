import { NOTIFICATION_CHANNELS } from '@liaison/domain';
import { z } from 'zod';
import { Id, IsoInstant, PageQuery, page, QueryBoolean } from './common.ts';
import { EventType, eventTypes } from './events.ts';

// The notification centre and each person's preferences (docs/notifications.md).

export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const notificationChannelLabels: Record<NotificationChannel, string> = {
  in_app: 'In the app',
  email: 'E-mail at once',
  digest: 'Daily digest',
  off: 'Off',
};

/** `HH:MM`, 00:00–23:59. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (00:00–23:59)');

export const QuietHours = z.object({
  start: LocalTime.describe('Local time quiet hours start (e-mails wait), e.g. 20:00.'),
  end: LocalTime.describe('Local time they end, e.g. 07:00; before `start`: overnight.'),
});

const channels = z.object(
  Object.fromEntries(eventTypes.map((type) => [type, NotificationChannel])) as Record<
    EventType,
    typeof NotificationChannel
  >,
);

export const NotificationPreferences = z.object({
  channels: channels.describe('Per event type: in_app, email (at once), digest (daily) or off.'),
  quietHours: QuietHours.nullable().describe('No e-mail is sent in these hours; null: none.'),
  timeZone: z.string().describe('The IANA time zone quiet hours and the digest hour are in.'),
  digestHour: z.int().min(0).max(23).describe('The local hour the daily digest is sent at.'),
  digest: z.boolean().describe('Whether to receive the daily digest.'),
  custom: z.boolean().describe('False: the defaults, never changed.'),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdateNotificationPreferencesRequest = z.object({
  channels: channels.partial().optional().describe('Channels to change; the others stay.'),
  quietHours: QuietHours.nullable().optional(),
  timeZone: z.string().min(1).max(64).optional().describe('An IANA time zone, e.g. Europe/Berlin.'),
  digestHour: z.int().min(0).max(23).optional(),
  digest: z.boolean().optional(),
});
export type UpdateNotificationPreferencesRequest = z.infer<typeof UpdateNotificationPreferencesRequest>;

export const Notification = z.object({
  id: Id,
  eventId: Id,
  type: EventType,
  title: z.string(),
  summary: z.string(),
  link: z.string().describe('The web app’s path to the thing.'),
  account: z.object({ id: Id, name: z.string() }).nullable(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  occurredAt: IsoInstant,
  channel: NotificationChannel.describe('How it reached the person: in_app, email or digest.'),
  readAt: IsoInstant.nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = PageQuery.extend({
  unread: QueryBoolean.optional().describe('true: only the unread ones.'),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const notificationPage = page(Notification);
export const UnreadCount = z.object({ count: z.int().min(0) });
export const ReadAllResult = z.object({ marked: z.int().min(0) });
