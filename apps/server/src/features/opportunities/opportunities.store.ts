import type { OpportunityFields } from '@liaison/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { opportunities } from '../../db/schema.ts';

export type OpportunityRow = typeof opportunities.$inferSelect;

type NewOpportunity = Partial<OpportunityFields> & Pick<OpportunityFields, 'name' | 'type' | 'closeDate'>;

export const opportunitiesStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: NewOpportunity,
    now: Date,
  ): Promise<OpportunityRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(opportunities)
      .values({ stage: 'discovery', ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<OpportunityRow | undefined> {
    const [row] = await executor.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
    return row;
  },

  async findById(executor: Executor, id: string): Promise<OpportunityRow | undefined> {
    const [row] = await executor.select().from(opportunities).where(eq(opportunities.id, id));
    return row;
  },

  async listByAccount(executor: Executor, accountId: string): Promise<OpportunityRow[]> {
    return executor
      .select()
      .from(opportunities)
      .where(eq(opportunities.accountId, accountId))
      .orderBy(asc(opportunities.closeDate), asc(opportunities.id));
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<OpportunityFields>,
    now: Date,
  ): Promise<OpportunityRow> {
    const [row] = await executor
      .update(opportunities)
      .set({ ...values, version: sql`${opportunities.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(opportunities.id, id), changesAnything(opportunities, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(opportunities).where(eq(opportunities.id, id)))[0]!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(opportunities).where(eq(opportunities.id, id));
  },
};
