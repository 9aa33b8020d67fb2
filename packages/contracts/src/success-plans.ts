import { z } from 'zod';
import { Id, IsoDate, IsoInstant, RecordMeta, ShortText } from './common.ts';
import { ObjectiveStatus, SuccessPlanStatus } from './enums.ts';

/** One success-plan objective; its colour is the TAM's judgement of its progress. */
export const ObjectiveFields = z.object({
  title: ShortText,
  description: z.string().max(20_000).nullable(),
  status: ObjectiveStatus,
  dueDate: IsoDate.nullable(),
});
export const Objective = RecordMeta.extend(ObjectiveFields.shape).extend({
  accountId: Id,
  statusChangedAt: IsoInstant.describe(
    'When the status last changed (or the objective was captured): a success plan stops meeting its standard when an objective leaves green.',
  ),
});
export const CreateObjectiveRequest = ObjectiveFields.partial().extend({ title: ShortText });
export const UpdateObjectiveRequest = ObjectiveFields.partial().extend({
  version: z.int().positive().optional(),
});

/** The account's success plan (at most one); `null` in responses when none exists. */
export const SuccessPlan = z.object({
  accountId: Id,
  version: z.int().positive(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  status: SuccessPlanStatus,
  strategy: z.string().nullable().describe('Strategy and highlights.'),
  statusChangedAt: IsoInstant.describe('When the status last changed (or the plan was created).'),
  objectives: z.array(Objective),
});
export const PutSuccessPlanRequest = z.object({
  status: SuccessPlanStatus,
  strategy: z.string().max(20_000).nullable().optional(),
  version: z.int().positive().optional().describe('Required when the plan exists.'),
});

export type Objective = z.infer<typeof Objective>;
export type ObjectiveFields = z.infer<typeof ObjectiveFields>;
export type SuccessPlan = z.infer<typeof SuccessPlan>;
export type CreateObjectiveRequest = z.infer<typeof CreateObjectiveRequest>;
export type UpdateObjectiveRequest = z.infer<typeof UpdateObjectiveRequest>;
export type PutSuccessPlanRequest = z.infer<typeof PutSuccessPlanRequest>;
