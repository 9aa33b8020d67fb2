import type {
  AccountSummary,
  QualifyUp,
  Region,
  RelationshipStage,
  Segment,
  SentimentColour,
} from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { AccountRow } from './accounts.store.ts';

export function presentAccountSummary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    name: row.name,
    industry: row.industry,
    segment: row.segment as Segment,
    region: row.region as Region,
    plan: row.plan,
    arr: row.arr,
    licensedUsers: row.licensedUsers,
    activeUsers: row.activeUsers,
    lam: row.lam,
    stagesAdopted: row.stagesAdopted,
    relationshipStage: row.relationshipStage as RelationshipStage,
    parentAccountId: row.parentAccountId,
    renewalDate: row.renewalDate,
    contractStart: row.contractStart,
    externalIds: row.externalIds as Record<string, string>,
    sentiment: row.sentiment as SentimentColour | null,
    sentimentSetAt: toIso(row.sentimentSetAt),
    sentimentReason: row.sentimentReason,
    atRisk: row.atRisk,
    requiresTriage: row.requiresTriage,
    onboardingStartedAt: toIso(row.onboardingStartedAt),
    onboardingCompletedAt: toIso(row.onboardingCompletedAt),
    firstValueAt: toIso(row.firstValueAt),
    qualifyUp: row.qualifyUp as QualifyUp,
    lastPriorityReviewAt: toIso(row.lastPriorityReviewAt),
    supportTicketsTracked: row.supportTicketsTracked,
  };
}
