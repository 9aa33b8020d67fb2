import type { CreateOpportunityRequest, Opportunity, UpdateOpportunityRequest } from '@liaison/contracts';
import type { OpportunityStage } from '@liaison/domain';
import { notFound } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import type { AccountChangedHook } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { changeAccount } from '../accounts/index.ts';
import type { JourneyHooks } from '../journey/index.ts';
import { presentOpportunity } from './opportunities.presenter.ts';

type ProjectsHook = (
  executor: Executor,
  context: RequestContext,
  accountId: string,
  before: { stage: OpportunityStage } | null,
  after: { stage: OpportunityStage } | null,
) => Promise<void>;

import { opportunitiesStore } from './opportunities.store.ts';

export function createOpportunitiesService(
  db: Database,
  options: {
    onAccountChanged?: AccountChangedHook;
    journey?: JourneyHooks;
    /** Closed-won moves the collaboration project to post-sales (docs/projects.md). */
    projects?: { onOpportunityWritten: ProjectsHook };
  } = {},
) {
  const owned = createOwnedRecordService(db, {
    entityType: 'opportunity',
    label: 'Opportunity',
    store: opportunitiesStore,
    present: presentOpportunity,
    onAccountChanged: options.onAccountChanged,
    // Closing won turns a lead or an opportunity into a customer (docs/glossary.md, Relationship stage).
    afterWrite: async ({ executor, context, account, reason }, before, after) => {
      const justWon = after?.stage === 'closed_won' && before?.stage !== 'closed_won';
      if (justWon && ['lead', 'opportunity'].includes(account.relationshipStage))
        await changeAccount(executor, context, account, { relationshipStage: 'customer' });
      // The journey's gates, the steps a stage starts, closed-won's workflows (docs/journey.md).
      await options.journey?.onOpportunityWritten(executor, context, account.id, before, after, reason);
      await options.projects?.onOpportunityWritten(executor, context, account.id, before, after);
    },
  });
  return {
    ...owned,
    /** `gateReason` is not a field: it is why the stage may move past a journey gate. */
    create: (context: RequestContext, accountId: string, input: CreateOpportunityRequest) => {
      const { gateReason, ...fields } = input;
      return owned.create(context, accountId, fields, { reason: gateReason });
    },
    update: (context: RequestContext, id: string, input: UpdateOpportunityRequest, version: number) => {
      const { gateReason, ...fields } = input;
      return owned.update(context, id, fields, version, { reason: gateReason });
    },
    async get(_context: RequestContext, id: string): Promise<Opportunity> {
      const row = await opportunitiesStore.findById(db, id);
      if (!row) throw notFound('Opportunity', id);
      return presentOpportunity(row);
    },
  };
}

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
