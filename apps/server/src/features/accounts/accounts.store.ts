import type { AccountFields } from '@liaison/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { accounts } from '../../db/schema.ts';

export type AccountRow = typeof accounts.$inferSelect;

export type AccountValues = Partial<AccountFields>;

export const accountsStore = {
  async insert(
    executor: Executor,
    values: AccountValues & Pick<AccountFields, 'name' | 'segment' | 'region' | 'plan' | 'relationshipStage'>,
    now: Date,
  ): Promise<AccountRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(accounts)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findById(executor: Executor, id: string): Promise<AccountRow | undefined> {
    const [row] = await executor.select().from(accounts).where(eq(accounts.id, id));
    return row;
  },

  /** Reads the row and locks it until the transaction ends, so version checks cannot race. */
  async lockById(executor: Executor, id: string): Promise<AccountRow | undefined> {
    const [row] = await executor.select().from(accounts).where(eq(accounts.id, id)).for('update');
    return row;
  },

  async update(executor: Executor, id: string, values: AccountValues, now: Date): Promise<AccountRow> {
    const [row] = await executor
      .update(accounts)
      .set({ ...values, version: sql`${accounts.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(accounts.id, id), changesAnything(accounts, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(accounts).where(eq(accounts.id, id)))[0]!;
  },

  async listChildren(executor: Executor, id: string): Promise<AccountRow[]> {
    return executor.select().from(accounts).where(eq(accounts.parentAccountId, id)).for('update');
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(accounts).where(eq(accounts.id, id));
  },

  async findByExternalId(
    executor: Executor,
    system: string,
    externalId: string,
  ): Promise<AccountRow | undefined> {
    const [row] = await executor
      .select()
      .from(accounts)
      .where(sql`${accounts.externalIds} ->> ${system} = ${externalId}`);
    return row;
  },

  /** Parent chain upwards from `id` (excluding it), to refuse cycles in the hierarchy. */
  async ancestorIds(executor: Executor, id: string): Promise<string[]> {
    const result = await executor.execute<{ id: string }>(sql`
      WITH RECURSIVE chain(id, parent_account_id, depth) AS (
        SELECT id, parent_account_id, 0 FROM accounts WHERE id = ${id}
        UNION ALL
        SELECT a.id, a.parent_account_id, chain.depth + 1
        FROM accounts a JOIN chain ON a.id = chain.parent_account_id
        WHERE chain.depth < 100
      )
      SELECT id FROM chain WHERE depth > 0`);
    return result.rows.map((row) => row.id);
  },
};
