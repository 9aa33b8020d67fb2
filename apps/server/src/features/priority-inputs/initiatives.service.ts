import type { CreateInitiativeRequest, Initiative, UpdateInitiativeRequest } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { checkVersion } from '../../http/versioning.ts';
import {
  type AccountChangedHook,
  noAccountHook,
  requireEditableAccount,
} from '../accounts/account-access.ts';
import { accountsStore } from '../accounts/accounts.store.ts';
import { recordChanges } from '../history/history.recorder.ts';
import { presentInitiative } from './priority-inputs.presenter.ts';
import { initiativesStore } from './priority-inputs.store.ts';

/** Dated inputs run from `startsOn` to `endsOn`, both inclusive: a one-day period is allowed. */
export function checkDateRange(startsOn: string, endsOn: string | null) {
  if (endsOn !== null && endsOn < startsOn) {
    throw new DomainError('VALIDATION_FAILED', 'endsOn must be on or after startsOn', [
      { path: 'body.endsOn', message: 'must be on or after startsOn' },
    ]);
  }
}

export function createInitiativesService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    async list(_context: RequestContext, accountId: string): Promise<Initiative[]> {
      if (!(await accountsStore.findById(db, accountId))) throw notFound('Account', accountId);
      return (await initiativesStore.listByAccount(db, accountId)).map(presentInitiative);
    },

    async create(
      context: RequestContext,
      accountId: string,
      input: CreateInitiativeRequest,
    ): Promise<Initiative> {
      checkDateRange(input.startsOn, input.endsOn ?? null);
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const initiative = presentInitiative(
          await initiativesStore.insert(tx, accountId, input, context.now),
        );
        await recordChanges(tx, context, [
          { accountId, entityType: 'initiative', entityId: initiative.id, before: null, after: initiative },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return initiative;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateInitiativeRequest,
      version: number,
    ): Promise<Initiative> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const current = await initiativesStore.lockById(tx, id);
        if (!current) throw notFound('Initiative', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Initiative', id, version, current.version);
        checkDateRange(
          changes.startsOn ?? current.startsOn,
          changes.endsOn !== undefined ? changes.endsOn : current.endsOn,
        );
        const after = presentInitiative(await initiativesStore.update(tx, id, changes, context.now));
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'initiative',
            entityId: id,
            before: presentInitiative(current),
            after,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await initiativesStore.lockById(tx, id);
        if (!current) throw notFound('Initiative', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Initiative', id, version, current.version);
        await initiativesStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'initiative',
            entityId: id,
            before: presentInitiative(current),
            after: null,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
      });
    },
  };
}

export type InitiativesService = ReturnType<typeof createInitiativesService>;
