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

export const CreateOpportunityRequest = OpportunityFields.partial().extend({
  name: ShortText,
  type: OpportunityType,
  closeDate: IsoDate,
});
export const UpdateOpportunityRequest = OpportunityFields.partial().extend({
  version: z.int().positive().optional(),
});

export type Opportunity = z.infer<typeof Opportunity>;
export type CreateOpportunityRequest = z.infer<typeof CreateOpportunityRequest>;
export type UpdateOpportunityRequest = z.infer<typeof UpdateOpportunityRequest>;
export type OpportunityFields = z.infer<typeof OpportunityFields>;
