import type {
  DecideRequest,
  PriorityException,
  RequestPriorityExceptionRequest,
  TeamRole,
} from '@liaison/contracts';
import { DomainError, defaultPlaybook, type Playbook } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import {
  type AccountChangedHook,
  lockOwnedRecord,
  noAccountHook,
  requireAccount,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, exceptionApproverRole } from '../../policies/policies.ts';
import { priorityExceptionsStore } from './priority-approvals.store.ts';
import { presentPriorityException } from './priority-inputs.presenter.ts';

/**
 * Documented priority exceptions: anyone who may edit the account requests one with a reason;
 * a TAM manager, or the SAL or AE on the account's team, approves or rejects it. `expiresAt` is
 * kept as given; null means the engine ends it at the next quarterly review.
 */
export function createPriorityExceptionsService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook; playbook?: () => Playbook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  const playbook = options.playbook ?? (() => defaultPlaybook);
  return {
    async list(_context: RequestContext, accountId: string): Promise<PriorityException[]> {
      await requireAccount(db, accountId);
      return (await priorityExceptionsStore.listByAccount(db, accountId)).map(presentPriorityException);
    },

    async request(
      context: RequestContext,
      accountId: string,
      input: RequestPriorityExceptionRequest,
    ): Promise<PriorityException> {
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const exception = presentPriorityException(
          await priorityExceptionsStore.insert(
            tx,
            accountId,
            {
              kind: input.kind,
              reason: input.reason,
              requestedBy: context.user.id,
              requestedAt: context.now.toISOString(),
              expiresAt: input.expiresAt ?? null,
            },
            context.now,
          ),
        );
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'priority_exception',
            entityId: exception.id,
            before: null,
            after: exception,
          },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return exception;
      });
    },

    async decide(
      context: RequestContext,
      id: string,
      input: DecideRequest,
      version: number,
    ): Promise<PriorityException> {
      return db.transaction(async (tx) => {
        const { account, current } = await lockOwnedRecord(
          tx,
          'Priority exception',
          id,
          priorityExceptionsStore,
          (accountId) => requireEditableAccount(tx, context, accountId),
        );
        const teamRoles = (await referencesStore.teamRolesOf(
          tx,
          account.id,
          context.user.id,
          context.now,
        )) as TeamRole[];
        const role = exceptionApproverRole(
          context.user,
          teamRoles,
          playbook().priority.exceptionApproverRoles,
        );
        authorize(
          role !== null,
          `Only a TAM manager, or the SAL or AE on ${account.name}'s team, can decide a priority exception.`,
        );
        checkVersion('Priority exception', id, version, current.version);
        if (current.status !== 'requested') {
          throw new DomainError(
            'INVALID_STATE',
            `Priority exception ${id} was already ${current.status}; only a requested exception can be decided. Request a new one instead.`,
          );
        }
        const approved = input.decision === 'approve';
        const after = presentPriorityException(
          await priorityExceptionsStore.decide(
            tx,
            id,
            {
              status: approved ? 'approved' : 'rejected',
              approvedBy: approved ? context.user.id : null,
              approvedByRole: approved ? role : null,
              approvedAt: approved ? context.now.toISOString() : null,
            },
            context.now,
          ),
        );
        await recordChanges(tx, context, [
          {
            accountId: account.id,
            entityType: 'priority_exception',
            entityId: id,
            before: presentPriorityException(current),
            after,
          },
        ]);
        await onAccountChanged(tx, [account.id], context.now);
        return after;
      });
    },
  };
}

export type PriorityExceptionsService = ReturnType<typeof createPriorityExceptionsService>;
