import type { CreateEmeaParameterRequest } from '@liaison/contracts';
import { DomainError, defaultPlaybook, type Playbook } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { AccountChangedHook } from '../../kernel/account-access.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { checkDateRange } from './initiatives.service.ts';
import { presentEmeaParameter } from './priority-inputs.presenter.ts';
import { emeaParametersStore } from './priority-inputs.store.ts';

/**
 * Only the parameters of the playbook's EMEA model can be recorded (seven by default:
 * docs/playbook.md, Priority).
 */
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
  const playbook = options.playbook ?? (() => defaultPlaybook);
  return createOwnedRecordService(db, {
    entityType: 'emea_parameter',
    label: 'EMEA parameter',
    store: emeaParametersStore,
    present: presentEmeaParameter,
    onAccountChanged: options.onAccountChanged,
    checkCreate: (_transaction, input: CreateEmeaParameterRequest) => {
      checkParameter(playbook(), input.parameter);
      checkDateRange(input.startsOn, input.endsOn ?? null);
    },
    checkUpdate: (_transaction, current, changes) => {
      if (changes.parameter !== undefined) checkParameter(playbook(), changes.parameter);
      checkDateRange(
        changes.startsOn ?? current.startsOn,
        changes.endsOn !== undefined ? changes.endsOn : current.endsOn,
      );
    },
  });
}

export type EmeaParametersService = ReturnType<typeof createEmeaParametersService>;
