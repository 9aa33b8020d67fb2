import type { CreateInitiativeRequest } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { AccountChangedHook } from '../../kernel/account-access.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
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
  return createOwnedRecordService(db, {
    entityType: 'initiative',
    label: 'Initiative',
    store: initiativesStore,
    present: presentInitiative,
    onAccountChanged: options.onAccountChanged,
    checkCreate: (_transaction, input: CreateInitiativeRequest) =>
      checkDateRange(input.startsOn, input.endsOn ?? null),
    checkUpdate: (_transaction, current, changes) =>
      checkDateRange(
        changes.startsOn ?? current.startsOn,
        changes.endsOn !== undefined ? changes.endsOn : current.endsOn,
      ),
  });
}

export type InitiativesService = ReturnType<typeof createInitiativesService>;
