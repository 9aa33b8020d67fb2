import { z } from 'zod';
import { Id, IsoDate, IsoInstant, RecordMeta } from './common.ts';
import { ExceptionKind, ExceptionStatus, InitiativeKind } from './enums.ts';

/** Work on the account that needs TAM time (US Enterprise flowchart: > 2 h a week this quarter). */
export const InitiativeFields = z.object({
  kind: InitiativeKind,
  description: z.string().trim().min(1).max(2_000),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  hoursPerWeek: z.number().min(0).max(80),
});
export const Initiative = RecordMeta.extend(InitiativeFields.shape).extend({ accountId: Id });
export const CreateInitiativeRequest = InitiativeFields.partial().extend({
  kind: InitiativeKind,
  description: InitiativeFields.shape.description,
  startsOn: IsoDate,
  hoursPerWeek: InitiativeFields.shape.hoursPerWeek,
});
export const UpdateInitiativeRequest = InitiativeFields.partial().extend({
  version: z.int().positive().optional(),
});

/** One of the playbook's EMEA parameters (organisational change, TAM handover, …) applying to the account. */
export const EmeaParameterFields = z.object({
  parameter: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/),
  note: z.string().max(2_000).nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
});
export const EmeaParameter = RecordMeta.extend(EmeaParameterFields.shape).extend({ accountId: Id });
export const CreateEmeaParameterRequest = EmeaParameterFields.partial().extend({
  parameter: EmeaParameterFields.shape.parameter,
  startsOn: IsoDate,
});
export const UpdateEmeaParameterRequest = EmeaParameterFields.partial().extend({
  version: z.int().positive().optional(),
});

/** EMEA: the TAM proposes a priority, a TAM manager approves it; both are recorded. */
export const PriorityProposal = z.object({
  accountId: Id,
  version: z.int().positive(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  priority: z.enum(['pr1', 'pr2']),
  reason: z.string().nullable(),
  proposedBy: Id,
  proposedAt: IsoInstant,
  approvedBy: Id.nullable(),
  approvedAt: IsoInstant.nullable(),
});
export const ProposePriorityRequest = z.object({
  priority: z.enum(['pr1', 'pr2']),
  reason: z.string().max(2_000).nullable().optional(),
  version: z
    .int()
    .positive()
    .optional()
    .describe(
      'Optional when replacing a proposal; when sent (or as If-Match) it must be the current version.',
    ),
});

/** A documented priority exception: needs a reason and an approver; expires at the next quarterly review. */
export const PriorityException = RecordMeta.extend({
  accountId: Id,
  kind: ExceptionKind,
  reason: z.string(),
  requestedBy: Id,
  requestedAt: IsoInstant,
  status: ExceptionStatus,
  approvedBy: Id.nullable(),
  approvedByRole: z.enum(['tam_manager', 'sal', 'ae']).nullable(),
  approvedAt: IsoInstant.nullable(),
  expiresAt: IsoInstant.nullable(),
});
export const RequestPriorityExceptionRequest = z.object({
  kind: ExceptionKind,
  reason: z.string().trim().min(1, 'an exception needs a reason').max(2_000),
  expiresAt: IsoInstant.nullable()
    .optional()
    .describe('Kept as given; null (the default) = it ends at the next quarterly review.'),
});
export const DecideRequest = z.object({
  decision: z.enum(['approve', 'reject']),
  version: z.int().positive().optional(),
});

export type Initiative = z.infer<typeof Initiative>;
export type InitiativeFields = z.infer<typeof InitiativeFields>;
export type EmeaParameter = z.infer<typeof EmeaParameter>;
export type EmeaParameterFields = z.infer<typeof EmeaParameterFields>;
export type PriorityProposal = z.infer<typeof PriorityProposal>;
export type PriorityException = z.infer<typeof PriorityException>;
export type CreateInitiativeRequest = z.infer<typeof CreateInitiativeRequest>;
export type UpdateInitiativeRequest = z.infer<typeof UpdateInitiativeRequest>;
export type CreateEmeaParameterRequest = z.infer<typeof CreateEmeaParameterRequest>;
export type UpdateEmeaParameterRequest = z.infer<typeof UpdateEmeaParameterRequest>;
export type ProposePriorityRequest = z.infer<typeof ProposePriorityRequest>;
export type RequestPriorityExceptionRequest = z.infer<typeof RequestPriorityExceptionRequest>;
export type DecideRequest = z.infer<typeof DecideRequest>;
