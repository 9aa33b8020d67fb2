import type { LiaisonEventType } from './audiences.ts';
import { canonicalTimeZone, type QuietHours } from './local-time.ts';

// A person's notification preferences (docs/notifications.md, Channels): per event type a
// channel, quiet hours, the time zone, and the daily digest. Defaults for someone who never
// chose: what needs doing now by e-mail, the rest in the digest.

/**
 * `in_app`: the notification centre only; `email`: the centre and an e-mail at once (after
 * quiet hours); `digest`: the centre and the next daily digest; `off`: nothing at all.
 */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'digest', 'off'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const defaultChannels: Record<LiaisonEventType, NotificationChannel> = {
  'task.assigned': 'email',
  'step.assigned': 'email',
  'obligation.overdue': 'digest',
  'health.yellow': 'digest',
  'health.red': 'email',
  'handoff.requested': 'email',
  'handoff.accepted': 'digest',
  'sentiment.stale': 'digest',
  'import.finished': 'in_app',
  'import.failed': 'email',
  // A customer waits for an answer (docs/projects.md): the TAM hears at once.
  'project.issue_opened': 'email',
  'project.comment_added': 'email',
};

export interface NotificationPreferences {
  channels: Record<LiaisonEventType, NotificationChannel>;
  quietHours: QuietHours | null;
  timeZone: string;
  /** The local hour (0–23) the daily digest is sent at. */
  digestHour: number;
  digest: boolean;
}

/** Where a person's day is when they never said: their region's usual zone. */
export function defaultTimeZone(region: string | null): string {
  switch (region) {
    case 'noram':
      return 'America/New_York';
    case 'latam':
      return 'America/Sao_Paulo';
    case 'emea':
      return 'Europe/London';
    case 'apac':
      return 'Asia/Singapore';
    default:
      return 'UTC';
  }
}

export function defaultPreferences(region: string | null): NotificationPreferences {
  return {
    channels: { ...defaultChannels },
    quietHours: { start: '20:00', end: '07:00' },
    timeZone: defaultTimeZone(region),
    digestHour: 7,
    digest: true,
  };
}

/** What is stored over the defaults: a channel missing (a new event type) takes its default. */
export function effectivePreferences(
  stored:
    | (Partial<Omit<NotificationPreferences, 'channels'>> & {
        channels?: Partial<Record<string, NotificationChannel>>;
      })
    | null,
  region: string | null,
): NotificationPreferences {
  const defaults = defaultPreferences(region);
  if (!stored) return defaults;
  const channels = { ...defaults.channels };
  for (const type of Object.keys(channels) as LiaisonEventType[]) {
    const chosen = stored.channels?.[type];
    if (chosen) channels[type] = chosen;
  }
  return {
    channels,
    quietHours: stored.quietHours === undefined ? defaults.quietHours : stored.quietHours,
    // A zone the runtime no longer knows (its zone data changed) falls back rather than throwing.
    timeZone: (stored.timeZone && canonicalTimeZone(stored.timeZone)) || defaults.timeZone,
    digestHour: stored.digestHour ?? defaults.digestHour,
    digest: stored.digest ?? defaults.digest,
  };
}
