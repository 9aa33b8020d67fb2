import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { accounts } from '../db/schema.ts';
import { heldAt } from './team-at.sql.ts';

/** An account row as the kernel hands it to the features that change what the account owns. */
export type AccountRow = typeof accounts.$inferSelect;

/** The queries every feature needs before it changes an account or anything the account owns. */
export const accountAccessStore = {
  async exists(executor: Executor, id: string): Promise<boolean> {
    const [row] = await executor.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, id));
    return row !== undefined;
  },

  /** Reads the row and locks it until the transaction ends, so version checks cannot race. */
  async lock(executor: Executor, id: string): Promise<AccountRow | undefined> {
    const [row] = await executor.select().from(accounts).where(eq(accounts.id, id)).for('update');
    return row;
  },

  /** Whether `userId` is on the account's team (any role) at `at`. */
  async isMember(executor: Executor, accountId: string, userId: string, at: Date): Promise<boolean> {
    const result = await executor.execute(sql`SELECT 1 FROM team_assignments t
      WHERE t.account_id = ${accountId} AND t.user_id = ${userId} AND ${heldAt(at, 't')} LIMIT 1`);
    return result.rows.length > 0;
  },
};
