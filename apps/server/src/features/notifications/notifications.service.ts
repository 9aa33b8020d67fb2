import type {
  Notification,
  NotificationListQuery,
  NotificationPreferences,
  UpdateNotificationPreferencesRequest,
} from '@liaison/contracts';
import { canonicalTimeZone, DomainError, effectivePreferences, notFound } from '@liaison/domain';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { presentNotification, presentPreferences } from './notifications.presenter.ts';
import { notificationsReadModel } from './notifications.read-model.ts';
import { notificationsStore } from './notifications.store.ts';

const ListCursor = z.object({ at: z.iso.datetime(), id: z.uuid() });

/**
 * The notification centre and preferences (docs/notifications.md). Every signed-in person has
 * their own and only their own: another's notification is not found (404), never forbidden,
 * so its existence is not told either.
 */
export function createNotificationsService(db: Database) {
  async function preferencesOf(userId: string) {
    const person = await notificationsReadModel.person(db, userId);
    if (!person) throw notFound('User', userId);
    return { person, preferences: effectivePreferences(person.stored, person.region) };
  }

  return {
    async list(
      context: RequestContext,
      query: NotificationListQuery,
    ): Promise<{ items: Notification[]; nextCursor: string | null }> {
      const after = decodeCursor(query.cursor, ListCursor);
      const rows = await notificationsReadModel.page(db, {
        userId: context.user.id,
        unread: query.unread ?? false,
        ...(after ? { after } : {}),
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentNotification),
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor({ at: new Date(last.occurredAt).toISOString(), id: last.id })
            : null,
      };
    },

    async unreadCount(context: RequestContext): Promise<{ count: number }> {
      return { count: await notificationsReadModel.unreadCount(db, context.user.id) };
    },

    async read(context: RequestContext, id: string): Promise<Notification> {
      const row = await notificationsStore.markRead(db, context.user.id, id, context.now.toISOString());
      if (!row) throw notFound('Notification', id);
      return presentNotification(row);
    },

    async readAll(context: RequestContext): Promise<{ marked: number }> {
      return { marked: await notificationsStore.markAllRead(db, context.user.id, context.now.toISOString()) };
    },

    async preferences(context: RequestContext): Promise<NotificationPreferences> {
      const { person, preferences } = await preferencesOf(context.user.id);
      return presentPreferences(preferences, person.stored !== null);
    },

    /** Changes what is given; the rest stays as it was (or as the defaults were). */
    async updatePreferences(
      context: RequestContext,
      input: UpdateNotificationPreferencesRequest,
    ): Promise<NotificationPreferences> {
      const { preferences } = await preferencesOf(context.user.id);
      let timeZone = preferences.timeZone;
      if (input.timeZone !== undefined) {
        const canonical = canonicalTimeZone(input.timeZone);
        if (!canonical)
          throw new DomainError('VALIDATION_FAILED', `${input.timeZone} is not a time zone`, [
            { path: 'body.timeZone', message: 'must be an IANA time zone, e.g. Europe/Berlin' },
          ]);
        timeZone = canonical;
      }
      const next = {
        channels: { ...preferences.channels, ...input.channels },
        quietHours: input.quietHours !== undefined ? input.quietHours : preferences.quietHours,
        timeZone,
        digestHour: input.digestHour ?? preferences.digestHour,
        digest: input.digest ?? preferences.digest,
      };
      await notificationsStore.savePreferences(db, {
        userId: context.user.id,
        channels: next.channels,
        quietStart: next.quietHours?.start ?? null,
        quietEnd: next.quietHours?.end ?? null,
        timeZone: next.timeZone,
        digestHour: next.digestHour,
        digest: next.digest,
        updatedAt: context.now.toISOString(),
      });
      return presentPreferences(next, true);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
