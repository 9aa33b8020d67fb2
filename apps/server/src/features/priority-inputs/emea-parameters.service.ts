import type {
  CreateEmeaParameterRequest,
  EmeaParameter,
  UpdateEmeaParameterRequest,
} from '@liaison/contracts';
import { DomainError, defaultPlaybook, notFound, type Playbook } from '@liaison/domain';
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
import { checkDateRange } from './initiatives.service.ts';
import { presentEmeaParameter } from './priority-inputs.presenter.ts';
import { emeaParametersStore } from './priority-inputs.store.ts';

/** Only the parameters of the playbook's EMEA model can be recorded (seed 003 lists seven). */
function checkParameter(playbook: Playbook, parameter: string) {
  const allowed = playbook.priority.emeaEnterprise.parameters.map((p) => p.id);
  if (!allowed.includes(parameter)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `body.parameter: "${parameter}" is not an EMEA parameter of the playbook; use one of ${allowed.join(', ')}`,
      [{ path: 'body.parameter', message: `must be one of ${allowed.join(', ')}` }],
    );
  }
}

export function createEmeaParametersService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook; playbook?: () => Playbook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  const playbook = options.playbook ?? (() => defaultPlaybook);
  return {
    async list(_context: RequestContext, accountId: string): Promise<EmeaParameter[]> {
      if (!(await accountsStore.findById(db, accountId))) throw notFound('Account', accountId);
      return (await emeaParametersStore.listByAccount(db, accountId)).map(presentEmeaParameter);
    },

    async create(
      context: RequestContext,
      accountId: string,
      input: CreateEmeaParameterRequest,
    ): Promise<EmeaParameter> {
      checkParameter(playbook(), input.parameter);
      checkDateRange(input.startsOn, input.endsOn ?? null);
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const parameter = presentEmeaParameter(
          await emeaParametersStore.insert(tx, accountId, input, context.now),
        );
        await recordChanges(tx, context, [
          { accountId, entityType: 'emea_parameter', entityId: parameter.id, before: null, after: parameter },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return parameter;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateEmeaParameterRequest,
      version: number,
    ): Promise<EmeaParameter> {
      const { version: _ignored, ...changes } = input;
      if (changes.parameter !== undefined) checkParameter(playbook(), changes.parameter);
      return db.transaction(async (tx) => {
        const current = await emeaParametersStore.lockById(tx, id);
        if (!current) throw notFound('EMEA parameter', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('EMEA parameter', id, version, current.version);
        checkDateRange(
          changes.startsOn ?? current.startsOn,
          changes.endsOn !== undefined ? changes.endsOn : current.endsOn,
        );
        const after = presentEmeaParameter(await emeaParametersStore.update(tx, id, changes, context.now));
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'emea_parameter',
            entityId: id,
            before: presentEmeaParameter(current),
            after,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await emeaParametersStore.lockById(tx, id);
        if (!current) throw notFound('EMEA parameter', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('EMEA parameter', id, version, current.version);
        await emeaParametersStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'emea_parameter',
            entityId: id,
            before: presentEmeaParameter(current),
            after: null,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
      });
    },
  };
}

export type EmeaParametersService = ReturnType<typeof createEmeaParametersService>;
