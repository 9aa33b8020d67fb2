import type { ExceptionKind } from '@liaison/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { priorityExceptions, priorityProposals } from '../../db/schema.ts';

export type PriorityProposalRow = typeof priorityProposals.$inferSelect;
export type PriorityExceptionRow = typeof priorityExceptions.$inferSelect;

type ProposalValues = Pick<
  PriorityProposalRow,
  'priority' | 'reason' | 'proposedBy' | 'proposedAt' | 'approvedBy' | 'approvedAt'
>;
type ExceptionDecision = Pick<
  PriorityExceptionRow,
  'status' | 'approvedBy' | 'approvedByRole' | 'approvedAt'
>;

export const priorityProposalsStore = {
  async find(executor: Executor, accountId: string, lock = false): Promise<PriorityProposalRow | undefined> {
    const query = executor.select().from(priorityProposals).where(eq(priorityProposals.accountId, accountId));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async insert(
    executor: Executor,
    accountId: string,
    values: ProposalValues,
    now: Date,
  ): Promise<PriorityProposalRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(priorityProposals)
      .values({ ...values, accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async update(
    executor: Executor,
    accountId: string,
    values: Partial<ProposalValues>,
    now: Date,
  ): Promise<PriorityProposalRow> {
    const [row] = await executor
      .update(priorityProposals)
      .set({ ...values, version: sql`${priorityProposals.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(priorityProposals.accountId, accountId), changesAnything(priorityProposals, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return (
      row ??
      (await executor.select().from(priorityProposals).where(eq(priorityProposals.accountId, accountId)))[0]!
    );
  },
};

export const priorityExceptionsStore = {
  async insert(
    executor: Executor,
    accountId: string,
    values: {
      kind: ExceptionKind;
      reason: string;
      requestedBy: string;
      requestedAt: string;
      expiresAt: string | null;
    },
    now: Date,
  ): Promise<PriorityExceptionRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(priorityExceptions)
      .values({ ...values, status: 'requested', accountId, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async lockById(executor: Executor, id: string): Promise<PriorityExceptionRow | undefined> {
    const [row] = await executor
      .select()
      .from(priorityExceptions)
      .where(eq(priorityExceptions.id, id))
      .for('update');
    return row;
  },

  /** Unlocked: the account to lock first (kernel/account-access.ts, lockOwnedRecord). */
  async findById(executor: Executor, id: string): Promise<PriorityExceptionRow | undefined> {
    const [row] = await executor.select().from(priorityExceptions).where(eq(priorityExceptions.id, id));
    return row;
  },

  /** Newest request first. */
  async listByAccount(executor: Executor, accountId: string): Promise<PriorityExceptionRow[]> {
    return executor
      .select()
      .from(priorityExceptions)
      .where(eq(priorityExceptions.accountId, accountId))
      .orderBy(desc(priorityExceptions.requestedAt), desc(priorityExceptions.id));
  },

  async decide(
    executor: Executor,
    id: string,
    values: ExceptionDecision,
    now: Date,
  ): Promise<PriorityExceptionRow> {
    const [row] = await executor
      .update(priorityExceptions)
      .set({ ...values, version: sql`${priorityExceptions.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(priorityExceptions.id, id), changesAnything(priorityExceptions, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(priorityExceptions).where(eq(priorityExceptions.id, id)))[0]!;
  },
};
