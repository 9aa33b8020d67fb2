import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { contacts, customerUsers, portalSessions, portalTokens } from '../../db/schema.ts';

export type PortalTokenPurpose = 'invitation' | 'sign_in';

/** Portal sessions and the single-use links mailed to customer users (docs/portal.md). */
export const portalSessionsStore = {
  async insertSession(executor: Executor, values: typeof portalSessions.$inferInsert): Promise<void> {
    await executor.insert(portalSessions).values(values);
    // Opportunistic clean-up, as staff sessions do: no scheduler needed.
    await executor.delete(portalSessions).where(lt(portalSessions.expiresAt, values.createdAt));
  },

  async deleteSession(executor: Executor, tokenHash: string): Promise<void> {
    await executor.delete(portalSessions).where(eq(portalSessions.tokenHash, tokenHash));
  },

  /** Ends every session of a customer user (deactivation); returns how many it ended. */
  async deleteSessionsOf(executor: Executor, customerUserId: string): Promise<number> {
    const ended = await executor
      .delete(portalSessions)
      .where(eq(portalSessions.customerUserId, customerUserId))
      .returning({ id: portalSessions.id });
    return ended.length;
  },

  /** The live session's customer user, with their contact's name; only an active user's. */
  async findBySession(executor: Executor, tokenHash: string, now: Date) {
    const [row] = await executor
      .select({
        sessionId: portalSessions.id,
        customerUserId: customerUsers.id,
        contactId: customerUsers.contactId,
        accountId: customerUsers.accountId,
        email: customerUsers.email,
        status: customerUsers.status,
        name: contacts.name,
      })
      .from(portalSessions)
      .innerJoin(customerUsers, eq(customerUsers.id, portalSessions.customerUserId))
      .innerJoin(contacts, eq(contacts.id, customerUsers.contactId))
      .where(and(eq(portalSessions.tokenHash, tokenHash), gt(portalSessions.expiresAt, now.toISOString())));
    return row;
  },

  async insertToken(executor: Executor, values: typeof portalTokens.$inferInsert): Promise<void> {
    await executor.insert(portalTokens).values(values);
    await executor.delete(portalTokens).where(lt(portalTokens.expiresAt, values.createdAt));
  },

  /** Unlocked: whose link this is, to lock that customer user before spending it (the cascade's order). */
  async findTokenOwner(executor: Executor, tokenHash: string): Promise<string | null> {
    const [row] = await executor
      .select({ customerUserId: portalTokens.customerUserId })
      .from(portalTokens)
      .where(eq(portalTokens.tokenHash, tokenHash));
    return row?.customerUserId ?? null;
  },

  /**
   * Spends a link: marks it used if it is unused, unexpired and of this purpose, in one statement,
   * so two requests with the same link cannot both succeed. Returns its customer user's id.
   */
  async spendToken(
    executor: Executor,
    tokenHash: string,
    purpose: PortalTokenPurpose,
    now: Date,
  ): Promise<string | null> {
    const at = now.toISOString();
    const [row] = await executor
      .update(portalTokens)
      .set({ usedAt: at })
      .where(
        and(
          eq(portalTokens.tokenHash, tokenHash),
          eq(portalTokens.purpose, purpose),
          isNull(portalTokens.usedAt),
          gt(portalTokens.expiresAt, at),
        ),
      )
      .returning({ customerUserId: portalTokens.customerUserId });
    return row?.customerUserId ?? null;
  },

  /** Retires a customer user's unused links (of one purpose, or all): a newer one replaces them. */
  async retireTokens(
    executor: Executor,
    customerUserId: string,
    now: Date,
    purpose?: PortalTokenPurpose,
  ): Promise<void> {
    await executor
      .update(portalTokens)
      .set({ usedAt: now.toISOString() })
      .where(
        and(
          eq(portalTokens.customerUserId, customerUserId),
          isNull(portalTokens.usedAt),
          purpose ? eq(portalTokens.purpose, purpose) : undefined,
        ),
      );
  },
};
