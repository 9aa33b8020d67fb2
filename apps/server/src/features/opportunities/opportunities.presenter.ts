import type { Opportunity, OpportunityStage, OpportunityType } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { OpportunityRow } from './opportunities.store.ts';

export function presentOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    name: row.name,
    type: row.type as OpportunityType,
    stage: row.stage as OpportunityStage,
    amount: row.amount,
    closeDate: row.closeDate,
    externalIds: row.externalIds as Record<string, string>,
  };
}
