import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { accounts, users } from '../db/schema.ts';

/** The checks that make seeding the demo safe to attempt from several servers at once. */
export const demoSeedStore = {
  /** Two servers starting on one empty database: one seeds, the other waits and finds the accounts. */
  async lockSeeding(executor: Executor): Promise<void> {
    await executor.execute(sql`SELECT pg_advisory_xact_lock(hashtext('liaison.demo-seed'))`);
  },

  async hasAccounts(executor: Executor): Promise<boolean> {
    const [row] = await executor.select({ id: accounts.id }).from(accounts).limit(1);
    return row !== undefined;
  },

  async anyUserWithEmail(executor: Executor, emails: string[]): Promise<boolean> {
    const rows = await executor
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.email, emails))
      .limit(1);
    return rows.length > 0;
  },
};
