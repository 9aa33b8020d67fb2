import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { notificationPreferences, notifications } from '../../db/schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = Omit<typeof notifications.$inferInsert, 'id'>;
export type PreferencesRow = typeof notificationPreferences.$inferSelect;

const CHUNK = 1_000;

/** The notification centre's rows and each person's preferences. */
export const notificationsStore = {
  /**
   * Inserts notifications; a (person, event) pair already there is left alone, so handing an
   * event over again adds nothing. Returns the rows actually inserted.
   */
  async insertNew(executor: Executor, rows: NotificationInsert[]): Promise<NotificationRow[]> {
    const inserted: NotificationRow[] = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      inserted.push(
        ...(await executor
          .insert(notifications)
          .values(rows.slice(start, start + CHUNK))
          .onConflictDoNothing({ target: [notifications.userId, notifications.eventId] })
          .returning()),
      );
    }
    return inserted;
  },

  /** Marks one of the person's notifications read (the first reading is kept). */
  async markRead(executor: Executor, userId: string, id: string, at: string) {
    const [row] = await executor
      .update(notifications)
      .set({ readAt: sql`coalesce(${notifications.readAt}, ${at}::timestamptz)` })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .returning();
    return row;
  },

  async markAllRead(executor: Executor, userId: string, at: string): Promise<number> {
    const rows = await executor
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },

  async markDigested(executor: Executor, ids: string[], at: string): Promise<void> {
    if (ids.length === 0) return;
    await executor
      .update(notifications)
      .set({ digestedAt: at })
      .where(and(inArray(notifications.id, ids), isNull(notifications.digestedAt)));
  },

  async preferences(executor: Executor, userId: string): Promise<PreferencesRow | undefined> {
    const [row] = await executor
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return row;
  },

  async savePreferences(executor: Executor, row: PreferencesRow): Promise<void> {
    const { userId: _, ...changes } = row;
    await executor
      .insert(notificationPreferences)
      .values(row)
      .onConflictDoUpdate({ target: notificationPreferences.userId, set: changes });
  },
};
