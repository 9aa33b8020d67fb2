import type {
  EmeaParameter,
  ExceptionKind,
  ExceptionStatus,
  Initiative,
  InitiativeKind,
  PriorityException,
  PriorityProposal,
} from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { PriorityExceptionRow, PriorityProposalRow } from './priority-approvals.store.ts';
import type { EmeaParameterRow, InitiativeRow } from './priority-inputs.store.ts';

export function presentInitiative(row: InitiativeRow): Initiative {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    kind: row.kind as InitiativeKind,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    hoursPerWeek: row.hoursPerWeek,
  };
}

export function presentEmeaParameter(row: EmeaParameterRow): EmeaParameter {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    parameter: row.parameter,
    note: row.note,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
  };
}

export function presentPriorityProposal(row: PriorityProposalRow): PriorityProposal {
  return {
    accountId: row.accountId,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    priority: row.priority as PriorityProposal['priority'],
    reason: row.reason,
    proposedBy: row.proposedBy,
    proposedAt: toIso(row.proposedAt),
    approvedBy: row.approvedBy,
    approvedAt: toIso(row.approvedAt),
  };
}

export function presentPriorityException(row: PriorityExceptionRow): PriorityException {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    kind: row.kind as ExceptionKind,
    reason: row.reason,
    requestedBy: row.requestedBy,
    requestedAt: toIso(row.requestedAt),
    status: row.status as ExceptionStatus,
    approvedBy: row.approvedBy,
    approvedByRole: row.approvedByRole as PriorityException['approvedByRole'],
    approvedAt: toIso(row.approvedAt),
    expiresAt: toIso(row.expiresAt),
  };
}
