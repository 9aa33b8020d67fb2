import type { EmeaParameterFields, InitiativeFields } from '@liaison/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { emeaParameters, priorityInitiatives } from '../../db/schema.ts';

export type InitiativeRow = typeof priorityInitiatives.$inferSelect;
export type EmeaParameterRow = typeof emeaParameters.$inferSelect;

type NewInitiative = Partial<InitiativeFields> &
  Pick<InitiativeFields, 'kind' | 'description' | 'startsOn' | 'hoursPerWeek'>;
type NewEmeaParameter = Partial<EmeaParameterFields> & Pick<EmeaParameterFields, 'parameter' | 'startsOn'>;

export const initiativesStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: NewInitiative,
    now: Date,
  ): Promise<InitiativeRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(priorityInitiatives)
      .values({ ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<InitiativeRow | undefined> {
    const [row] = await executor
      .select()
      .from(priorityInitiatives)
      .where(eq(priorityInitiatives.id, id))
      .for('update');
    return row;
  },

  /** Unlocked: the account to lock first (kernel/account-access.ts, lockOwnedRecord). */
  async findById(executor: Executor, id: string): Promise<InitiativeRow | undefined> {
    const [row] = await executor.select().from(priorityInitiatives).where(eq(priorityInitiatives.id, id));
    return row;
  },

  async listByAccount(executor: Executor, accountId: string): Promise<InitiativeRow[]> {
    return executor
      .select()
      .from(priorityInitiatives)
      .where(eq(priorityInitiatives.accountId, accountId))
      .orderBy(asc(priorityInitiatives.startsOn), asc(priorityInitiatives.id));
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<InitiativeFields>,
    now: Date,
  ): Promise<InitiativeRow> {
    const [row] = await executor
      .update(priorityInitiatives)
      .set({ ...values, version: sql`${priorityInitiatives.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(priorityInitiatives.id, id), changesAnything(priorityInitiatives, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return (
      row ?? (await executor.select().from(priorityInitiatives).where(eq(priorityInitiatives.id, id)))[0]!
    );
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(priorityInitiatives).where(eq(priorityInitiatives.id, id));
  },
};

export const emeaParametersStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: NewEmeaParameter,
    now: Date,
  ): Promise<EmeaParameterRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(emeaParameters)
      .values({ ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<EmeaParameterRow | undefined> {
    const [row] = await executor.select().from(emeaParameters).where(eq(emeaParameters.id, id)).for('update');
    return row;
  },

  /** Unlocked: the account to lock first (kernel/account-access.ts, lockOwnedRecord). */
  async findById(executor: Executor, id: string): Promise<EmeaParameterRow | undefined> {
    const [row] = await executor.select().from(emeaParameters).where(eq(emeaParameters.id, id));
    return row;
  },

  async listByAccount(executor: Executor, accountId: string): Promise<EmeaParameterRow[]> {
    return executor
      .select()
      .from(emeaParameters)
      .where(eq(emeaParameters.accountId, accountId))
      .orderBy(asc(emeaParameters.startsOn), asc(emeaParameters.parameter), asc(emeaParameters.id));
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<EmeaParameterFields>,
    now: Date,
  ): Promise<EmeaParameterRow> {
    const [row] = await executor
      .update(emeaParameters)
      .set({ ...values, version: sql`${emeaParameters.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(emeaParameters.id, id), changesAnything(emeaParameters, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(emeaParameters).where(eq(emeaParameters.id, id)))[0]!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(emeaParameters).where(eq(emeaParameters.id, id));
  },
};
