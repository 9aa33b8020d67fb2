import { notFound } from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { teamStore } from '../team/team.store.ts';
import type { AccountRow } from './accounts.presenter.ts';
import { accountsStore } from './accounts.store.ts';

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
  const account = await accountsStore.lockById(executor, accountId);
  if (!account) throw notFound('Account', accountId);
  const isMember = await teamStore.isMember(executor, accountId, context.user.id, context.now);
  authorize(
    policies.editAccount(context.user, isMember),
    `Only this account's team, TAM managers and admins can change ${account.name}.`,
  );
  return account;
}

/** Called after every write that can change an account's computed assessment. */
export type AccountChangedHook = (executor: Executor, accountIds: string[], now: Date) => Promise<void>;
export const noAccountHook: AccountChangedHook = async () => {};
