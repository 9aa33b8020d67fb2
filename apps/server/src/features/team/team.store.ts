import type { TeamRole } from '@liaison/contracts';
import { and, asc, eq, getTableColumns, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { teamAssignments, users } from '../../db/schema.ts';
import type { TeamAssignmentRow } from './team.presenter.ts';

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
    const instant = at?.toISOString();
    return executor
      .select(columns)
      .from(teamAssignments)
      .innerJoin(users, eq(users.id, teamAssignments.userId))
      .where(
        and(
          eq(teamAssignments.accountId, accountId),
          instant
            ? and(
                lte(teamAssignments.startsAt, instant),
                or(isNull(teamAssignments.endsAt), gt(teamAssignments.endsAt, instant)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(teamAssignments.role), asc(teamAssignments.startsAt));
  },

  async isMember(executor: Executor, accountId: string, userId: string, at: Date): Promise<boolean> {
    const instant = at.toISOString();
    const [row] = await executor
      .select({ id: teamAssignments.id })
      .from(teamAssignments)
      .where(
        and(
          eq(teamAssignments.accountId, accountId),
          eq(teamAssignments.userId, userId),
          lte(teamAssignments.startsAt, instant),
          or(isNull(teamAssignments.endsAt), gt(teamAssignments.endsAt, instant)),
        ),
      )
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
      .where(eq(teamAssignments.id, id));
  },

  async delete(executor: Executor, id: string): Promise<void> {
    await executor.delete(teamAssignments).where(eq(teamAssignments.id, id));
  },
};
