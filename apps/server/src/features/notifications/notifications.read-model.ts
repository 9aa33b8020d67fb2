import { and, count, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';
import { type PersonRow, storedPreferencesJson } from './audience.loader.ts';
import type { NotificationRow } from './notifications.store.ts';

/** The centre's lists and counts, and what the daily digest reads. */
export const notificationsReadModel = {
  /** One person's notifications, newest first, after the cursor's (occurredAt, id). */
  async page(
    executor: Executor,
    filter: { userId: string; unread: boolean; after?: { at: string; id: string }; limit: number },
  ): Promise<NotificationRow[]> {
    const conditions = [eq(notifications.userId, filter.userId)];
    if (filter.unread) conditions.push(isNull(notifications.readAt));
    if (filter.after) {
      const { at, id } = filter.after;
      conditions.push(
        or(
          lt(notifications.occurredAt, at),
          and(eq(notifications.occurredAt, at), lt(notifications.id, id)),
        )!,
      );
    }
    return executor
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.occurredAt), desc(notifications.id))
      .limit(filter.limit);
  },

  async unreadCount(executor: Executor, userId: string): Promise<number> {
    const [row] = await executor
      .select({ count: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return row?.count ?? 0;
  },

  /** The person's region (their default time zone) and their stored preferences. */
  async person(executor: Executor, userId: string): Promise<PersonRow | undefined> {
    const result = await executor.execute<PersonRow>(sql`
      SELECT u.id, u.name, u.email, u.region, u.roles, ${storedPreferencesJson} AS stored
      FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id WHERE u.id = ${userId}`);
    return result.rows[0];
  },

  /** Everyone who may get a digest: active users, with their preferences (whose hour it is: the caller). */
  async digestPeople(executor: Executor): Promise<PersonRow[]> {
    const result = await executor.execute<PersonRow>(sql`
      SELECT u.id, u.name, u.email, u.region, u.roles, ${storedPreferencesJson} AS stored
      FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.is_active AND (p.user_id IS NULL OR p.digest)
      ORDER BY u.id`);
    return result.rows;
  },

  /** Digest-channel notifications no digest has carried yet, since `since`, oldest first. */
  async undigested(executor: Executor, userId: string, since: string): Promise<NotificationRow[]> {
    return executor
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.channel, 'digest'),
          isNull(notifications.digestedAt),
          gt(notifications.occurredAt, since),
        ),
      )
      .orderBy(notifications.occurredAt, notifications.id)
      .limit(200);
  },
};
