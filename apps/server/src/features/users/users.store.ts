import type { StaffRole } from '@liaison/contracts';
import { and, asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { users } from '../../db/schema.ts';

export type UserRow = typeof users.$inferSelect;

export interface UserValues {
  name?: string;
  email?: string;
  region?: string | null;
  roles?: StaffRole[];
  isActive?: boolean;
  passwordHash?: string | null;
}

export const usersStore = {
  async insert(
    executor: Executor,
    values: UserValues & { name: string; email: string; roles: StaffRole[] },
    now: Date,
  ): Promise<UserRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(users)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findById(executor: Executor, id: string, lock = false): Promise<UserRow | undefined> {
    const query = executor.select().from(users).where(eq(users.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },

  async findByEmail(executor: Executor, email: string): Promise<UserRow | undefined> {
    const [row] = await executor.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
    return row;
  },

  async findManyByIds(executor: Executor, ids: string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return executor.select().from(users).where(inArray(users.id, ids));
  },

  async list(
    executor: Executor,
    filter: { role?: StaffRole | undefined; q?: string | undefined },
  ): Promise<UserRow[]> {
    return executor
      .select()
      .from(users)
      .where(
        and(
          filter.role ? sql`${filter.role} = ANY(${users.roles})` : undefined,
          filter.q ? ilike(users.name, `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
        ),
      )
      .orderBy(asc(users.name));
  },

  async update(executor: Executor, id: string, values: UserValues, now: Date): Promise<UserRow> {
    const [row] = await executor
      .update(users)
      .set({ ...values, version: sql`${users.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(users.id, id), changesAnything(users, values)))
      .returning();
    // Nothing to change: the row as it is (changes.ts).
    return row ?? (await executor.select().from(users).where(eq(users.id, id)))[0]!;
  },
};
