import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { calendarFeeds, users } from '../../db/schema.ts';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

export const calendarStore = {
  /** Makes the person's feed, or replaces its secret: one statement, so two clicks cannot race. */
  async upsert(executor: Executor, userId: string, tokenHash: string, now: Date): Promise<CalendarFeedRow> {
    const createdAt = now.toISOString();
    const [row] = await executor
      .insert(calendarFeeds)
      .values({ userId, tokenHash, createdAt, lastFetchedAt: null })
      .onConflictDoUpdate({
        target: calendarFeeds.userId,
        set: { tokenHash, createdAt, lastFetchedAt: null },
      })
      .returning();
    return row!;
  },

  async findByUser(executor: Executor, userId: string): Promise<CalendarFeedRow | undefined> {
    const [row] = await executor.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    return row;
  },

  /** The feed and its person, only while the person is active (docs/calendar.md, Security). */
  async findActiveByHash(executor: Executor, tokenHash: string) {
    const [row] = await executor
      .select({ feed: calendarFeeds, user: users })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(and(eq(calendarFeeds.tokenHash, tokenHash), eq(users.isActive, true)));
    return row;
  },

  /** Returns whether there was a feed to end. */
  async delete(executor: Executor, userId: string): Promise<boolean> {
    const rows = await executor
      .delete(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .returning({ userId: calendarFeeds.userId });
    return rows.length > 0;
  },

  async touch(executor: Executor, userId: string, now: Date): Promise<void> {
    // Calendar apps poll: at most one write a minute per feed, as for API tokens' "last used".
    await executor
      .update(calendarFeeds)
      .set({ lastFetchedAt: now.toISOString() })
      .where(
        and(
          eq(calendarFeeds.userId, userId),
          or(
            isNull(calendarFeeds.lastFetchedAt),
            lt(calendarFeeds.lastFetchedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`),
          ),
        ),
      );
  },
};
