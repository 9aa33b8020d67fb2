import {
  type BusinessProfileFields,
  emptyBusinessProfile,
  emptyTechnicalProfile,
  type TechnicalProfileFields,
} from '@liaison/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { businessProfiles, technicalProfiles } from '../../db/schema.ts';

export type BusinessProfileRow = typeof businessProfiles.$inferSelect;
export type TechnicalProfileRow = typeof technicalProfiles.$inferSelect;

export const profilesStore = {
  async insertEmpty(
    executor: Executor,
    accountId: string,
    now: Date,
    business: Partial<BusinessProfileFields> = {},
    technical: Partial<TechnicalProfileFields> = {},
  ): Promise<{ business: BusinessProfileRow; technical: TechnicalProfileRow }> {
    const updatedAt = now.toISOString();
    const [businessRow] = await executor
      .insert(businessProfiles)
      .values({ ...emptyBusinessProfile, ...business, accountId, updatedAt })
      .returning();
    const [technicalRow] = await executor
      .insert(technicalProfiles)
      .values({ ...emptyTechnicalProfile, ...technical, accountId, updatedAt })
      .returning();
    return { business: businessRow!, technical: technicalRow! };
  },

  /**
   * Stores the empty profiles of an account that has none yet (an imported account), dated at
   * its creation as the API would have, so the first edit has a row to lock and version 1 to
   * check. A no-op when the rows exist.
   */
  async ensure(executor: Executor, accountId: string): Promise<void> {
    await executor.execute(sql`
      INSERT INTO business_profiles (account_id, updated_at)
      SELECT id, created_at FROM accounts WHERE id = ${accountId} ON CONFLICT DO NOTHING`);
    await executor.execute(sql`
      INSERT INTO technical_profiles (account_id, updated_at, architecture)
      SELECT id, created_at, ${JSON.stringify(emptyTechnicalProfile.architecture)}::jsonb FROM accounts
      WHERE id = ${accountId} ON CONFLICT DO NOTHING`);
  },

  async findBusiness(
    executor: Executor,
    accountId: string,
    lock = false,
  ): Promise<BusinessProfileRow | undefined> {
    const query = executor.select().from(businessProfiles).where(eq(businessProfiles.accountId, accountId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async findTechnical(
    executor: Executor,
    accountId: string,
    lock = false,
  ): Promise<TechnicalProfileRow | undefined> {
    const query = executor.select().from(technicalProfiles).where(eq(technicalProfiles.accountId, accountId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async updateBusiness(
    executor: Executor,
    accountId: string,
    values: Partial<BusinessProfileFields>,
    now: Date,
  ): Promise<BusinessProfileRow> {
    const [row] = await executor
      .update(businessProfiles)
      .set({ ...values, version: sql`${businessProfiles.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(businessProfiles.accountId, accountId), changesAnything(businessProfiles, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return (
      row ??
      (await executor.select().from(businessProfiles).where(eq(businessProfiles.accountId, accountId)))[0]!
    );
  },

  async updateTechnical(
    executor: Executor,
    accountId: string,
    values: Partial<TechnicalProfileFields>,
    now: Date,
  ): Promise<TechnicalProfileRow> {
    const [row] = await executor
      .update(technicalProfiles)
      .set({ ...values, version: sql`${technicalProfiles.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(technicalProfiles.accountId, accountId), changesAnything(technicalProfiles, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return (
      row ??
      (await executor.select().from(technicalProfiles).where(eq(technicalProfiles.accountId, accountId)))[0]!
    );
  },
};
