import { z } from 'zod';

export const Segment = z.enum(['enterprise', 'mid_market', 'smb', 'public_sector']);
export const Region = z.enum(['noram', 'latam', 'emea', 'apac']);
export const RelationshipStage = z.enum(['lead', 'opportunity', 'customer', 'former_customer']);
export const SentimentColour = z.enum(['green', 'yellow', 'red']);
/** Roles a staff user can hold; a user may hold several. */
export const StaffRole = z.enum(['admin', 'tam_manager', 'tam', 'sal', 'ae', 'sa', 'pse', 'sdr', 'viewer']);
/** Roles on an account team (seed 004: SAL-SA-TAM for Enterprise, AE-TAM for Commercial). */
export const TeamRole = z.enum(['sal', 'ae', 'sa', 'tam', 'pse', 'sdr']);
export const StakeholderRole = z.enum([
  'champion',
  'economic_buyer',
  'decision_maker',
  'technical_contact',
  'executive_sponsor',
  'admin',
]);
export const Deployment = z.enum(['self_managed', 'saas', 'dedicated']);
export const OpportunityType = z.enum(['new_business', 'growth', 'tier_upgrade', 'renewal']);
export const OpportunityStage = z.enum([
  'discovery',
  'scoping',
  'technical_evaluation',
  'proposal',
  'negotiating',
  'closed_won',
  'closed_lost',
]);
export const ActivityKind = z.enum([
  'cadence_call',
  'ebr',
  'onboarding_call',
  'kickoff',
  'health_check',
  'training',
  'demo',
  'escalation_update',
  'triage_update',
  'email',
  'meeting',
  'note',
]);
export const ActivityPurpose = z.enum(['renewal_review', 'renewal_conversation']);
export const ObjectiveStatus = z.enum(['green', 'yellow', 'red']);
export const SuccessPlanStatus = z.enum(['draft', 'active', 'closed']);
export const InitiativeKind = z.enum(['stage_adoption', 'infrastructure_change']);
export const ExceptionKind = z.enum(['p1', 'p2']);
export const ExceptionStatus = z.enum(['requested', 'approved', 'rejected']);
export const TicketSeverity = z.enum(['low', 'normal', 'high', 'urgent']);
export const ActorType = z.enum(['user', 'api_token', 'import', 'system']);
export const HistoryOperation = z.enum(['create', 'update', 'delete']);

export type Segment = z.infer<typeof Segment>;
export type Region = z.infer<typeof Region>;
export type RelationshipStage = z.infer<typeof RelationshipStage>;
export type SentimentColour = z.infer<typeof SentimentColour>;
export type StaffRole = z.infer<typeof StaffRole>;
export type TeamRole = z.infer<typeof TeamRole>;
export type StakeholderRole = z.infer<typeof StakeholderRole>;
export type Deployment = z.infer<typeof Deployment>;
export type OpportunityType = z.infer<typeof OpportunityType>;
export type OpportunityStage = z.infer<typeof OpportunityStage>;
export type ActivityKind = z.infer<typeof ActivityKind>;
export type ActorType = z.infer<typeof ActorType>;
export type HistoryOperation = z.infer<typeof HistoryOperation>;
export type ActivityPurpose = z.infer<typeof ActivityPurpose>;
export type ObjectiveStatus = z.infer<typeof ObjectiveStatus>;
export type SuccessPlanStatus = z.infer<typeof SuccessPlanStatus>;
export type InitiativeKind = z.infer<typeof InitiativeKind>;
export type ExceptionKind = z.infer<typeof ExceptionKind>;
export type ExceptionStatus = z.infer<typeof ExceptionStatus>;
export type TicketSeverity = z.infer<typeof TicketSeverity>;
