import type { PriorityProposal, ProposePriorityRequest } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import {
  type AccountChangedHook,
  noAccountHook,
  requireAccount,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { priorityProposalsStore } from './priority-approvals.store.ts';
import { presentPriorityProposal } from './priority-inputs.presenter.ts';

const noProposal = (accountId: string) =>
  new DomainError('NOT_FOUND', `Account ${accountId} has no priority proposal`);

/**
 * EMEA Enterprise (docs/playbook.md, Priority): the TAM proposes Pr1 or Pr2, a TAM manager approves;
 * both are recorded.
 */
export function createPriorityProposalsService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    async get(_context: RequestContext, accountId: string): Promise<PriorityProposal> {
      await requireAccount(db, accountId);
      const row = await priorityProposalsStore.find(db, accountId);
      if (!row) throw noProposal(accountId);
      return presentPriorityProposal(row);
    },

    /** A new proposal replaces the previous one and needs a fresh approval. */
    async propose(
      context: RequestContext,
      accountId: string,
      input: ProposePriorityRequest,
      version: number | undefined,
    ): Promise<{ proposal: PriorityProposal; created: boolean }> {
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const current = await priorityProposalsStore.find(tx, accountId, true);
        if (current && version !== undefined) {
          checkVersion('Priority proposal of account', accountId, version, current.version);
        }
        const values = {
          priority: input.priority,
          reason: input.reason ?? null,
          proposedBy: context.user.id,
          proposedAt: context.now.toISOString(),
          approvedBy: null,
          approvedAt: null,
        };
        const row = current
          ? await priorityProposalsStore.update(tx, accountId, values, context.now)
          : await priorityProposalsStore.insert(tx, accountId, values, context.now);
        const after = presentPriorityProposal(row);
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'priority_proposal',
            entityId: accountId,
            before: current ? presentPriorityProposal(current) : null,
            after,
          },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return { proposal: after, created: !current };
      });
    },

    async approve(
      context: RequestContext,
      accountId: string,
      version: number | undefined,
    ): Promise<PriorityProposal> {
      authorize(
        policies.approvePriorityProposal(context.user),
        'Only TAM managers can approve a priority proposal.',
      );
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const current = await priorityProposalsStore.find(tx, accountId, true);
        if (!current) throw noProposal(accountId);
        if (version !== undefined) {
          checkVersion('Priority proposal of account', accountId, version, current.version);
        }
        if (current.approvedAt !== null) {
          throw new DomainError(
            'INVALID_STATE',
            `The priority proposal of account ${accountId} is already approved; a new proposal needs a new approval.`,
          );
        }
        const after = presentPriorityProposal(
          await priorityProposalsStore.update(
            tx,
            accountId,
            { approvedBy: context.user.id, approvedAt: context.now.toISOString() },
            context.now,
          ),
        );
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'priority_proposal',
            entityId: accountId,
            before: presentPriorityProposal(current),
            after,
          },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return after;
      });
    },
  };
}

export type PriorityProposalsService = ReturnType<typeof createPriorityProposalsService>;
