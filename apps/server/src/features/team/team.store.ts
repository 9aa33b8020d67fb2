import type { TeamRole } from '@liaison/contracts';
import { and, asc, eq, getTableColumns, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { teamAssignments, users } from '../../db/schema.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

export type TeamAssignmentRow = typeof teamAssignments.$inferSelect & { userName: string };

const columns = { ...getTableColumns(teamAssignments), userName: users.name };

export const teamStore = {
  async insert(
    executor: Executor,
    values: { accountId: string; userId: string; role: TeamRole; startsAt: string; endsAt: string | null },
    now: Date,
  ): Promise<string> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(teamAssignments)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning({ id: teamAssignments.id });
    return row!.id;
  },

  async findById(executor: Executor, id: string, lock = false): Promise<TeamAssignmentRow | undefined> {
    const query = executor
      .select(columns)
      .from(teamAssignments)
      .innerJoin(users, eq(users.id, teamAssignments.userId))
      .where(eq(teamAssignments.id, id));
    const [row] = lock ? await query.for('update', { of: teamAssignments }) : await query;
    return row;
  },

  /** Assignments of an account; with `at`, only those covering that instant. */
  async listByAccount(executor: Executor, accountId: string, at?: Date): Promise<TeamAssignmentRow[]> {
    return executor
      .select(columns)
      .from(teamAssignments)
      .innerJoin(users, eq(users.id, teamAssignments.userId))
      .where(and(eq(teamAssignments.accountId, accountId), at ? heldAt(at) : undefined))
      .orderBy(asc(teamAssignments.role), asc(teamAssignments.startsAt));
  },

  /** The first assignment of `userId` in `role` on the account whose period meets [startsAt, endsAt). */
  async findOverlap(
    executor: Executor,
    period: { accountId: string; userId: string; role: TeamRole; startsAt: string; endsAt: string | null },
    exceptId?: string,
  ): Promise<TeamAssignmentRow | undefined> {
    const [row] = await executor
      .select(columns)
      .from(teamAssignments)
      .innerJoin(users, eq(users.id, teamAssignments.userId))
      .where(
        and(
          eq(teamAssignments.accountId, period.accountId),
          eq(teamAssignments.userId, period.userId),
          eq(teamAssignments.role, period.role),
          period.endsAt === null ? undefined : lt(teamAssignments.startsAt, period.endsAt),
          or(isNull(teamAssignments.endsAt), gt(teamAssignments.endsAt, period.startsAt)),
          exceptId === undefined ? undefined : ne(teamAssignments.id, exceptId),
        ),
      )
      .orderBy(asc(teamAssignments.startsAt))
      .limit(1);
    return row;
  },

  /**
   * The assignment in the same role on the account that starts where `assignment` ends: the
   * trace a handover leaves (the replaced one ended at its successor's start).
   */
  async findSuccessor(
    executor: Executor,
    assignment: { id: string; accountId: string; role: string; endsAt: string | null },
  ): Promise<TeamAssignmentRow | undefined> {
    if (assignment.endsAt === null) return undefined;
    const [row] = await executor
      .select(columns)
      .from(teamAssignments)
      .innerJoin(users, eq(users.id, teamAssignments.userId))
      .where(
        and(
          eq(teamAssignments.accountId, assignment.accountId),
          eq(teamAssignments.role, assignment.role as TeamRole),
          eq(teamAssignments.startsAt, assignment.endsAt),
          ne(teamAssignments.id, assignment.id),
        ),
      )
      .limit(1);
    return row;
  },

  async isMember(executor: Executor, accountId: string, userId: string, at: Date): Promise<boolean> {
    const [row] = await executor
      .select({ id: teamAssignments.id })
      .from(teamAssignments)
      .where(and(eq(teamAssignments.accountId, accountId), eq(teamAssignments.userId, userId), heldAt(at)))
      .limit(1);
    return row !== undefined;
  },

  async update(
    executor: Executor,
    id: string,
    values: { startsAt?: string; endsAt?: string | null },
    now: Date,
  ): Promise<void> {
    await executor
      .update(teamAssignments)
      .set({ ...values, version: sql`${teamAssignments.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(teamAssignments.id, id), changesAnything(teamAssignments, values)));
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(teamAssignments).where(eq(teamAssignments.id, id));
  },
};
