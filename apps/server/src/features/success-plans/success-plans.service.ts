import type { CreateObjectiveRequest, PutSuccessPlanRequest, SuccessPlan } from '@liaison/contracts';
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
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { checkVersion, versionRequired } from '../../kernel/versioning.ts';
import { presentObjective, presentSuccessPlan, presentSuccessPlanRecord } from './success-plans.presenter.ts';
import { objectivesStore, successPlansStore } from './success-plans.store.ts';

const noPlan = (accountId: string) =>
  new DomainError('NOT_FOUND', `Account ${accountId} has no success plan`);

export function createSuccessPlansService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  const objectives = createOwnedRecordService(db, {
    entityType: 'objective',
    label: 'Objective',
    // A new objective is on track until the TAM says otherwise.
    store: {
      ...objectivesStore,
      insert: (executor, accountId, input: CreateObjectiveRequest, now) =>
        objectivesStore.insert(executor, accountId, { status: 'green', ...input }, now),
    },
    present: presentObjective,
    onAccountChanged,
    checkCreate: async ({ executor, account }) => {
      if (!(await successPlansStore.find(executor, account.id))) {
        throw new DomainError(
          'INVALID_STATE',
          `Account ${account.id} has no success plan: create it with PUT /api/v1/accounts/${account.id}/success-plan before adding objectives.`,
        );
      }
    },
  });
  return {
    async get(_context: RequestContext, accountId: string): Promise<SuccessPlan> {
      await requireAccount(db, accountId);
      const plan = await successPlansStore.find(db, accountId);
      if (!plan) throw noPlan(accountId);
      return presentSuccessPlan(plan, await objectivesStore.listByAccount(db, accountId));
    },

    /** Creates the plan when the account has none; otherwise updates it (the version is then required). */
    async put(
      context: RequestContext,
      accountId: string,
      input: PutSuccessPlanRequest,
      version: number | undefined,
    ): Promise<{ plan: SuccessPlan; created: boolean }> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const current = await successPlansStore.find(tx, accountId, true);
        if (current) {
          // Updating needs the version that was read (428 without one, 409 when stale).
          if (version === undefined) throw versionRequired();
          checkVersion('Success plan of account', accountId, version, current.version);
        }
        const row = current
          ? await successPlansStore.update(tx, accountId, changes, context.now)
          : await successPlansStore.insert(
              tx,
              accountId,
              { status: changes.status, strategy: changes.strategy ?? null },
              context.now,
            );
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'success_plan',
            entityId: accountId,
            before: current ? presentSuccessPlanRecord(current) : null,
            after: presentSuccessPlanRecord(row),
          },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        const objectives = await objectivesStore.listByAccount(tx, accountId);
        return { plan: presentSuccessPlan(row, objectives), created: !current };
      });
    },

    addObjective: objectives.create,
    updateObjective: objectives.update,
    deleteObjective: objectives.delete,
  };
}

export type SuccessPlansService = ReturnType<typeof createSuccessPlansService>;
