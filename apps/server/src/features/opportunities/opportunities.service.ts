import type { Opportunity } from '@liaison/contracts';
import { notFound } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { AccountChangedHook } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { changeAccount } from '../accounts/index.ts';
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
    // Closing won turns a lead or an opportunity into a customer (docs/glossary.md, Relationship stage).
    afterWrite: async ({ executor, context, account }, before, after) => {
      const justWon = after?.stage === 'closed_won' && before?.stage !== 'closed_won';
      if (!justWon || !['lead', 'opportunity'].includes(account.relationshipStage)) return;
      await changeAccount(executor, context, account, { relationshipStage: 'customer' });
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
