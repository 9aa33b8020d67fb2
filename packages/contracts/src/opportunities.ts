import { z } from 'zod';
import { ExternalIds, Id, IsoDate, MAX_AMOUNT, RecordMeta, ShortText } from './common.ts';
import { OpportunityStage, OpportunityType } from './enums.ts';

export const OpportunityFields = z.object({
  name: ShortText,
  type: OpportunityType,
  stage: OpportunityStage,
  amount: z
    .number()
    .min(-MAX_AMOUNT)
    .max(MAX_AMOUNT)
    .describe('ARR delta in USD (negative for a contraction).'),
  closeDate: IsoDate,
  externalIds: ExternalIds,
});

export const Opportunity = RecordMeta.extend(OpportunityFields.shape).extend({ accountId: Id });

/**
 * A stage change past a journey gate with required outputs missing is refused unless it gives
 * a reason, which the journey records (docs/journey.md, Gates).
 */
const GateReason = z
  .string()
  .trim()
  .min(1)
  .max(2_000)
  .optional()
  .describe('Why the stage moves on although the journey’s required outputs are missing.');
export const CreateOpportunityRequest = OpportunityFields.partial().extend({
  name: ShortText,
  type: OpportunityType,
  closeDate: IsoDate,
  gateReason: GateReason,
});
export const UpdateOpportunityRequest = OpportunityFields.partial().extend({
  version: z.int().positive().optional(),
  gateReason: GateReason,
});

export type Opportunity = z.infer<typeof Opportunity>;
export type CreateOpportunityRequest = z.infer<typeof CreateOpportunityRequest>;
export type UpdateOpportunityRequest = z.infer<typeof UpdateOpportunityRequest>;
export type OpportunityFields = z.infer<typeof OpportunityFields>;
