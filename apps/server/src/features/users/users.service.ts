import type { CreateUserRequest, UpdateUserRequest, User, UserListQuery } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import type { Credential, HistoryActor, RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { hashPassword } from '../../kernel/secrets.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { presentUser } from './users.presenter.ts';
import { usersStore } from './users.store.ts';

async function checkEmailFree(executor: Executor, email: string, exceptId?: string) {
  const existing = await usersStore.findByEmail(executor, email);
  if (existing && existing.id !== exceptId) {
    throw new DomainError('ALREADY_EXISTS', `A user with e-mail ${email} already exists`, [
      { path: 'body.email', message: 'is already taken' },
    ]);
  }
}

/**
 * Ends a user's sign-ins (sessions and API tokens) but `keep`, in the caller's transaction, with
 * history. The auth feature owns sessions and tokens; composition hands its function in.
 */
export type EndSignIns = (
  executor: Executor,
  author: { actor: HistoryActor; now: Date; requestId: string | null },
  userId: string,
  keep: Credential | null,
) => Promise<void>;

export function createUsersService(db: Database, hooks: { endSignIns: EndSignIns }) {
  const requireAdmin = (context: RequestContext) =>
    authorize(policies.manageUsers(context.user), 'Only admins can manage users.');
  return {
    async list(_context: RequestContext, query: z.infer<typeof UserListQuery>): Promise<User[]> {
      return (await usersStore.list(db, query)).map(presentUser);
    },

    async get(_context: RequestContext, id: string): Promise<User> {
      const row = await usersStore.findById(db, id);
      if (!row) throw notFound('User', id);
      return presentUser(row);
    },

    async create(context: RequestContext, input: CreateUserRequest): Promise<User> {
      requireAdmin(context);
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      return db.transaction(async (tx) => {
        await checkEmailFree(tx, input.email);
        const { password: _secret, ...values } = input;
        const user = presentUser(await usersStore.insert(tx, { ...values, passwordHash }, context.now));
        await recordChanges(tx, context, [
          { accountId: null, entityType: 'user', entityId: user.id, before: null, after: user },
        ]);
        return user;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateUserRequest,
      version: number,
      /** The caller's own session or token, kept when they change their own password. */
      credential: Credential | null = null,
    ): Promise<User> {
      requireAdmin(context);
      const { version: _ignored, password, ...changes } = input;
      const passwordHash = password ? await hashPassword(password) : undefined;
      return db.transaction(async (tx) => {
        const current = await usersStore.findById(tx, id, true);
        if (!current) throw notFound('User', id);
        checkVersion('User', id, version, current.version);
        if (changes.email) await checkEmailFree(tx, changes.email, id);
        if (
          id === context.user.id &&
          (changes.isActive === false || (changes.roles && !changes.roles.includes('admin')))
        ) {
          throw new DomainError(
            'INVALID_STATE',
            'You cannot deactivate yourself or remove your own admin role.',
          );
        }
        const updated = await usersStore.update(
          tx,
          id,
          { ...changes, ...(passwordHash ? { passwordHash } : {}) },
          context.now,
        );
        const after = presentUser(updated);
        await recordChanges(tx, context, [
          { accountId: null, entityType: 'user', entityId: id, before: presentUser(current), after },
        ]);
        // A new password ends the sign-ins made with the old one; deactivation ends them all, and so
        // does reactivation, so nothing from before comes back to life (docs/security.md).
        if (passwordHash || (changes.isActive !== undefined && changes.isActive !== current.isActive)) {
          await hooks.endSignIns(tx, context, id, id === context.user.id ? credential : null);
        }
        return after;
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
