import type { Executor } from '../../db/client.ts';
import type { AccountRow } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { presentAccountSummary } from './accounts.presenter.ts';
import { type AccountValues, accountsStore } from './accounts.store.ts';

/**
 * The account's one write path for other features (closing an opportunity won makes a customer;
 * the first support ticket turns the ticket measure on): the change and its history entry, in
 * the caller's transaction, on an account the caller has locked (`requireEditableAccount`).
 * The caller's own write reassesses the account afterwards.
 */
export async function changeAccount(
  executor: Executor,
  context: RequestContext,
  account: AccountRow,
  values: AccountValues,
): Promise<AccountRow> {
  const updated = await accountsStore.update(executor, account.id, values, context.now);
  await recordChanges(executor, context, [
    {
      accountId: account.id,
      entityType: 'account',
      entityId: account.id,
      before: presentAccountSummary(account),
      after: presentAccountSummary(updated),
    },
  ]);
  return updated;
}
