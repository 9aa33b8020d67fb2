import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { contacts, users } from '../db/schema.ts';
import { heldAt } from './team-at.sql.ts';

/**
 * The reference checks several features make before they write: which ids are staff users,
 * which are contacts of this account, which team roles a person holds on an account.
 */
export const referencesStore = {
  async existingUserIds(executor: Executor, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await executor
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.id, [...ids]));
    return new Set(rows.map((row) => row.id));
  },

  async contactIdsOfAccount(
    executor: Executor,
    accountId: string,
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await executor
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, [...ids])));
    return new Set(rows.map((row) => row.id));
  },

  /** A contact of the account by id, with its name (null: none, or another account's). */
  async contactOfAccount(
    executor: Executor,
    accountId: string,
    contactId: string,
  ): Promise<{ id: string; name: string } | null> {
    const [row] = await executor
      .select({ id: contacts.id, name: contacts.name })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), eq(contacts.id, contactId)));
    return row ?? null;
  },

  /** The team roles `userId` holds on the account at `at`. */
  async teamRolesOf(executor: Executor, accountId: string, userId: string, at: Date): Promise<string[]> {
    const result = await executor.execute<{ role: string }>(
      sql`SELECT DISTINCT t.role FROM team_assignments t
        WHERE t.account_id = ${accountId} AND t.user_id = ${userId} AND ${heldAt(at, 't')}`,
    );
    return result.rows.map((row) => row.role);
  },
};
