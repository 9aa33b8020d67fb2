import type { Objective, ObjectiveStatus, SuccessPlan, SuccessPlanStatus } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { ObjectiveRow, SuccessPlanRow } from './success-plans.store.ts';

/** The plan without its objectives: the history snapshot (objectives have their own history). */
export type SuccessPlanRecord = Omit<SuccessPlan, 'objectives'>;

export function presentSuccessPlanRecord(row: SuccessPlanRow): SuccessPlanRecord {
  return {
    accountId: row.accountId,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    status: row.status as SuccessPlanStatus,
    strategy: row.strategy,
    statusChangedAt: toIso(row.statusChangedAt ?? row.createdAt),
  };
}

export function presentObjective(row: ObjectiveRow): Objective {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    title: row.title,
    description: row.description,
    status: row.status as ObjectiveStatus,
    dueDate: row.dueDate,
    statusChangedAt: toIso(row.statusChangedAt ?? row.createdAt),
  };
}

export function presentSuccessPlan(row: SuccessPlanRow, objectives: ObjectiveRow[]): SuccessPlan {
  return { ...presentSuccessPlanRecord(row), objectives: objectives.map(presentObjective) };
}
