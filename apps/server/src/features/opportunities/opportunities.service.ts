import type { Opportunity } from '@liaison/contracts';
import { notFound } from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import type { AccountChangedHook } from '../accounts/account-access.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { accountsStore } from '../accounts/accounts.store.ts';
import { createOwnedRecordService } from '../accounts/owned-records.ts';
import { recordChanges } from '../history/history.recorder.ts';
import { presentOpportunity } from './opportunities.presenter.ts';
import { opportunitiesStore } from './opportunities.store.ts';

export function createOpportunitiesService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const owned = createOwnedRecordService(db, {
    entityType: 'opportunity',
    label: 'Opportunity',
    store: opportunitiesStore,
    present: presentOpportunity,
    onAccountChanged: options.onAccountChanged,
    // Seed 000: closing won turns a lead or an opportunity into a customer.
    afterWrite: async ({ executor, context, account }, before, after) => {
      const justWon = after?.stage === 'closed_won' && before?.stage !== 'closed_won';
      if (!justWon || !['lead', 'opportunity'].includes(account.relationshipStage)) return;
      const updated = await accountsStore.update(
        executor,
        account.id,
        { relationshipStage: 'customer' },
        context.now,
      );
      await recordChanges(executor, context, [
        {
          accountId: account.id,
          entityType: 'account',
          entityId: account.id,
          before: presentAccountSummary(account),
          after: presentAccountSummary(updated),
        },
      ]);
    },
  });
  return {
    ...owned,
    async get(_context: RequestContext, id: string): Promise<Opportunity> {
      const row = await opportunitiesStore.findById(db, id);
      if (!row) throw notFound('Opportunity', id);
      return presentOpportunity(row);
    },
  };
}

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
