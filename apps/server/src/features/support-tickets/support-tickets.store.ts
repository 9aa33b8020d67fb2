import type { SupportTicketFields, SupportTicketListQuery } from '@liaison/contracts';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { supportTickets } from '../../db/schema.ts';

export type SupportTicketRow = typeof supportTickets.$inferSelect;

type NewSupportTicket = Partial<SupportTicketFields> & Pick<SupportTicketFields, 'subject' | 'openedAt'>;

export const supportTicketsStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: NewSupportTicket,
    now: Date,
  ): Promise<SupportTicketRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(supportTickets)
      .values({ severity: 'normal', ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<SupportTicketRow | undefined> {
    const [row] = await executor.select().from(supportTickets).where(eq(supportTickets.id, id)).for('update');
    return row;
  },

  /** Unlocked: the account to lock first (kernel/account-access.ts, lockOwnedRecord). */
  async findById(executor: Executor, id: string): Promise<SupportTicketRow | undefined> {
    const [row] = await executor.select().from(supportTickets).where(eq(supportTickets.id, id));
    return row;
  },

  /** Newest first, optionally only those opened within [openedFrom, openedTo]. */
  async listByAccount(
    executor: Executor,
    accountId: string,
    filter: SupportTicketListQuery = {},
  ): Promise<SupportTicketRow[]> {
    return executor
      .select()
      .from(supportTickets)
      .where(
        and(
          eq(supportTickets.accountId, accountId),
          filter.openedFrom ? gte(supportTickets.openedAt, filter.openedFrom) : undefined,
          filter.openedTo ? lte(supportTickets.openedAt, filter.openedTo) : undefined,
        ),
      )
      .orderBy(desc(supportTickets.openedAt), desc(supportTickets.id));
  },

  async update(
    executor: Executor,
    id: string,
    values: Partial<SupportTicketFields>,
    now: Date,
  ): Promise<SupportTicketRow> {
    const [row] = await executor
      .update(supportTickets)
      .set({ ...values, version: sql`${supportTickets.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(supportTickets.id, id), changesAnything(supportTickets, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(supportTickets).where(eq(supportTickets.id, id)))[0]!;
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(supportTickets).where(eq(supportTickets.id, id));
  },
};
