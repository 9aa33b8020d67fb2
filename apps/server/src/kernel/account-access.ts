import type { AccountAbilities, TeamRole } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { Executor } from '../db/client.ts';
import { accountAbilities } from '../policies/abilities.ts';
import { authorize, type ExceptionApproverRole, policies } from '../policies/policies.ts';
import { type AccountRow, accountAccessStore } from './account-access.store.ts';
import type { RequestContext } from './context.ts';
import { referencesStore } from './references.store.ts';

export type { AccountRow } from './account-access.store.ts';

/**
 * Loads an account for a change to it or to anything it owns (profile, contact, opportunity,
 * activity), locking its row so concurrent writes to one account apply one after the other,
 * and checks that the caller may edit it: managers, admins and the account's current team.
 */
export async function requireEditableAccount(
  executor: Executor,
  context: RequestContext,
  accountId: string,
): Promise<AccountRow> {
  const account = await accountAccessStore.lock(executor, accountId);
  if (!account) throw notFound('Account', accountId);
  const isMember = await accountAccessStore.isMember(executor, accountId, context.user.id, context.now);
  authorize(
    policies.editAccount(context.user, isMember),
    `Only this account's team, TAM managers and admins can change ${account.name}.`,
  );
  return account;
}

/** Locks the account for a change its policy check was made for elsewhere (team changes). */
export async function lockAccount(executor: Executor, accountId: string): Promise<AccountRow> {
  const account = await accountAccessStore.lock(executor, accountId);
  if (!account) throw notFound('Account', accountId);
  return account;
}

/** What a record an account owns offers for a change to it. */
export interface LockableRecordStore<Row extends { accountId: string }> {
  /** Unlocked: which account to lock first. */
  findById(executor: Executor, id: string): Promise<Row | undefined>;
  lockById(executor: Executor, id: string): Promise<Row | undefined>;
}

/**
 * Locks a record an account owns for a change, in the one order every write takes: the account
 * first (`lockTheAccount`: `requireEditableAccount`, or `lockAccount` where the policy is checked
 * elsewhere), then the record. The other order deadlocks against the account's delete, which
 * locks the account and then, by cascade, all it owns (docs/security.md, "Concurrency"). A
 * record gone while the account was awaited (the account deleted) is a 404 on the record.
 */
export async function lockOwnedRecord<Row extends { accountId: string }>(
  executor: Executor,
  label: string,
  id: string,
  store: LockableRecordStore<Row>,
  lockTheAccount: (accountId: string) => Promise<AccountRow>,
): Promise<{ account: AccountRow; current: Row }> {
  const seen = await store.findById(executor, id);
  if (!seen) throw notFound(label, id);
  let account: AccountRow;
  try {
    account = await lockTheAccount(seen.accountId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound(label, id);
    throw error;
  }
  const current = await store.lockById(executor, id);
  if (!current || current.accountId !== account.id) throw notFound(label, id);
  return { account, current };
}

/** A read of something an account owns: 404 when the account does not exist. */
export async function requireAccount(executor: Executor, accountId: string): Promise<void> {
  if (!(await accountAccessStore.exists(executor, accountId))) throw notFound('Account', accountId);
}

/** Whether the caller is on the account's team now (the policies' team-membership input). */
export function isTeamMember(executor: Executor, context: RequestContext, accountId: string) {
  return accountAccessStore.isMember(executor, accountId, context.user.id, context.now);
}

/**
 * The caller's abilities on the account (its `can`), judged on the same facts the writes check:
 * the roles the caller holds on the team at the request's instant (an assignment that starts
 * later does not count yet) and the playbook's exception approver roles.
 */
export async function abilitiesOnAccount(
  executor: Executor,
  context: RequestContext,
  accountId: string,
  exceptionApproverRoles: readonly ExceptionApproverRole[],
): Promise<AccountAbilities> {
  const teamRoles = await referencesStore.teamRolesOf(executor, accountId, context.user.id, context.now);
  return accountAbilities(context.user, { teamRoles: teamRoles as TeamRole[], exceptionApproverRoles });
}

/**
 * The one reassessment entry point of a write (docs/architecture.md): called in the writer's
 * transaction with the accounts whose inputs it changed. The assessments feature provides it.
 */
export type AccountChangedHook = (executor: Executor, accountIds: string[], now: Date) => Promise<void>;
export const noAccountHook: AccountChangedHook = async () => {};
