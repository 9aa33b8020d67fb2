import type { StaffRole } from '@liaison/contracts';
import type { Executor } from '../../db/client.ts';
import type { HistoryActor } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { presentUser } from './users.presenter.ts';
import { type UserRow, usersStore } from './users.store.ts';

/** What other features read of a user (sign-in, the owner of a portfolio, a new team member). */
export const usersDirectory = {
  findById: (executor: Executor, id: string): Promise<UserRow | undefined> =>
    usersStore.findById(executor, id),
  findByEmail: (executor: Executor, email: string): Promise<UserRow | undefined> =>
    usersStore.findByEmail(executor, email),
};

/**
 * The users' one write path for other features (the bootstrap admin of a fresh installation):
 * the user and its history entry, in the caller's transaction.
 */
export async function createUserRecord(
  executor: Executor,
  author: { actor: HistoryActor; now: Date; requestId: string | null },
  values: { name: string; email: string; roles: StaffRole[]; passwordHash?: string | null },
): Promise<UserRow> {
  const row = await usersStore.insert(executor, values, author.now);
  await recordChanges(executor, author, [
    { accountId: null, entityType: 'user', entityId: row.id, before: null, after: presentUser(row) },
  ]);
  return row;
}
