import { and, desc, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { apiTokens, sessions, users } from '../../db/schema.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

// Servers starting at once on an empty database each make the bootstrap admin: one at a time.
const BOOTSTRAP_LOCK_KEY = 7_311_942_005;

export const authStore = {
  /** Holds the bootstrap lock until the transaction ends. */
  async lockBootstrap(executor: Executor): Promise<void> {
    await executor.execute(sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
  },

  async insertSession(executor: Executor, values: typeof sessions.$inferInsert): Promise<void> {
    await executor.insert(sessions).values(values);
    // Opportunistic clean-up keeps the table small without a scheduler.
    await executor.delete(sessions).where(lt(sessions.expiresAt, values.createdAt));
  },

  async deleteSession(executor: Executor, tokenHash: string): Promise<void> {
    await executor.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  },

  async findUserBySession(executor: Executor, tokenHash: string, now: Date) {
    const [row] = await executor
      .select({ user: users, sessionId: sessions.id })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now.toISOString())));
    return row;
  },

  /** Ends every session of a user but the one kept; returns those it ended. */
  async deleteSessionsOf(executor: Executor, userId: string, keepId: string | null): Promise<SessionRow[]> {
    return executor
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keepId ? ne(sessions.id, keepId) : undefined))
      .returning();
  },

  /** Revokes every live API token of a user but the one kept; returns those it revoked. */
  async revokeTokensOf(
    executor: Executor,
    userId: string,
    now: Date,
    keepId: string | null,
  ): Promise<ApiTokenRow[]> {
    return executor
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(
        and(
          eq(apiTokens.userId, userId),
          isNull(apiTokens.revokedAt),
          keepId ? ne(apiTokens.id, keepId) : undefined,
        ),
      )
      .returning();
  },

  async findUserByToken(executor: Executor, tokenHash: string, now: Date) {
    const instant = now.toISOString();
    const [row] = await executor
      .select({ user: users, token: apiTokens })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, instant)),
        ),
      );
    return row;
  },

  async touchToken(executor: Executor, id: string, now: Date): Promise<void> {
    // At most one write a minute per token: reads must not turn into a write storm.
    await executor
      .update(apiTokens)
      .set({ lastUsedAt: now.toISOString() })
      .where(
        and(
          eq(apiTokens.id, id),
          or(
            isNull(apiTokens.lastUsedAt),
            lt(apiTokens.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`),
          ),
        ),
      );
  },

  async insertToken(executor: Executor, values: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const [row] = await executor.insert(apiTokens).values(values).returning();
    return row!;
  },

  async findTokenByHash(executor: Executor, tokenHash: string): Promise<ApiTokenRow | undefined> {
    const [row] = await executor.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash));
    return row;
  },

  async listTokens(executor: Executor, userId: string): Promise<ApiTokenRow[]> {
    return executor
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .orderBy(desc(apiTokens.createdAt));
  },

  async revokeToken(executor: Executor, userId: string, id: string, now: Date): Promise<boolean> {
    const rows = await executor
      .update(apiTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    return rows.length > 0;
  },
};
