import type { CreateOpportunityRequest, Opportunity, UpdateOpportunityRequest } from '@liaison/contracts';
import { notFound } from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { checkVersion } from '../../http/versioning.ts';
import {
  type AccountChangedHook,
  noAccountHook,
  requireEditableAccount,
} from '../accounts/account-access.ts';
import type { AccountRow } from '../accounts/accounts.presenter.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { accountsStore } from '../accounts/accounts.store.ts';
import { recordChanges } from '../history/history.recorder.ts';
import { presentOpportunity } from './opportunities.presenter.ts';
import { opportunitiesStore } from './opportunities.store.ts';

/** Seed 000: closing won turns a lead or an opportunity into a customer. */
async function promoteOnClosedWon(
  executor: Executor,
  context: RequestContext,
  account: AccountRow,
  stage: string,
) {
  if (stage !== 'closed_won' || !['lead', 'opportunity'].includes(account.relationshipStage)) return;
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
}

export function createOpportunitiesService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    async list(_context: RequestContext, accountId: string): Promise<Opportunity[]> {
      if (!(await accountsStore.findById(db, accountId))) throw notFound('Account', accountId);
      return (await opportunitiesStore.listByAccount(db, accountId)).map(presentOpportunity);
    },

    async get(_context: RequestContext, id: string): Promise<Opportunity> {
      const row = await opportunitiesStore.findById(db, id);
      if (!row) throw notFound('Opportunity', id);
      return presentOpportunity(row);
    },

    async create(
      context: RequestContext,
      accountId: string,
      input: CreateOpportunityRequest,
    ): Promise<Opportunity> {
      return db.transaction(async (tx) => {
        const account = await requireEditableAccount(tx, context, accountId);
        const opportunity = presentOpportunity(
          await opportunitiesStore.insert(tx, accountId, input, context.now),
        );
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'opportunity',
            entityId: opportunity.id,
            before: null,
            after: opportunity,
          },
        ]);
        await promoteOnClosedWon(tx, context, account, opportunity.stage);
        await onAccountChanged(tx, [accountId], context.now);
        return opportunity;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateOpportunityRequest,
      version: number,
    ): Promise<Opportunity> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const current = await opportunitiesStore.lockById(tx, id);
        if (!current) throw notFound('Opportunity', id);
        const account = await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Opportunity', id, version, current.version);
        const after = presentOpportunity(await opportunitiesStore.update(tx, id, changes, context.now));
        await recordChanges(tx, context, [
          {
            accountId: account.id,
            entityType: 'opportunity',
            entityId: id,
            before: presentOpportunity(current),
            after,
          },
        ]);
        if (current.stage !== after.stage) await promoteOnClosedWon(tx, context, account, after.stage);
        await onAccountChanged(tx, [account.id], context.now);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await opportunitiesStore.lockById(tx, id);
        if (!current) throw notFound('Opportunity', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Opportunity', id, version, current.version);
        await opportunitiesStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'opportunity',
            entityId: id,
            before: presentOpportunity(current),
            after: null,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
      });
    },
  };
}

export type OpportunitiesService = ReturnType<typeof createOpportunitiesService>;
