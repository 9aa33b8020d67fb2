import type { ContactFields } from '@liaison/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { contacts } from '../../db/schema.ts';

export type ContactRow = typeof contacts.$inferSelect;

export const contactsStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: Partial<ContactFields> & { name: string },
    now: Date,
  ): Promise<ContactRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(contacts)
      .values({ ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<ContactRow | undefined> {
    const [row] = await executor.select().from(contacts).where(eq(contacts.id, id)).for('update');
    return row;
  },

  /** Unlocked: the account to lock first (kernel/account-access.ts, lockOwnedRecord). */
  async findById(executor: Executor, id: string): Promise<ContactRow | undefined> {
    const [row] = await executor.select().from(contacts).where(eq(contacts.id, id));
    return row;
  },

  async listByAccount(executor: Executor, accountId: string): Promise<ContactRow[]> {
    return executor
      .select()
      .from(contacts)
      .where(eq(contacts.accountId, accountId))
      .orderBy(asc(contacts.name));
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<ContactFields>,
    now: Date,
  ): Promise<ContactRow> {
    const [row] = await executor
      .update(contacts)
      .set({ ...values, version: sql`${contacts.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(contacts.id, id), changesAnything(contacts, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(contacts).where(eq(contacts.id, id)))[0]!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(contacts).where(eq(contacts.id, id));
  },
};
