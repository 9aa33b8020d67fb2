import {
  ACCOUNT_REGIONS,
  ACCOUNT_SEGMENTS,
  ACTIVITY_KINDS,
  ACTIVITY_PURPOSES,
  HEALTH_COLOURS,
  INITIATIVE_KINDS,
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  RELATIONSHIP_STAGES,
  SUCCESS_PLAN_STATUSES,
  TEAM_ROLES,
} from '@liaison/domain';
import { z } from 'zod';

// The domain's vocabularies are the one source of truth; the API validates against them.

export const Segment = z.enum(ACCOUNT_SEGMENTS);
export const Region = z.enum(ACCOUNT_REGIONS);
export const RelationshipStage = z.enum(RELATIONSHIP_STAGES);
export const SentimentColour = z.enum(HEALTH_COLOURS);
/** Roles a staff user can hold; a user may hold several. */
export const StaffRole = z.enum(['admin', 'tam_manager', 'tam', 'sal', 'ae', 'sa', 'pse', 'sdr', 'viewer']);
/**
 * Roles on an account team: SAL-SA-TAM for Enterprise, AE-TAM for Commercial (docs/glossary.md,
 * Account team).
 */
export const TeamRole = z.enum(TEAM_ROLES);
export const StakeholderRole = z.enum([
  'champion',
  'economic_buyer',
  'decision_maker',
  'technical_contact',
  'executive_sponsor',
  'admin',
]);
export const Deployment = z.enum(['self_managed', 'saas', 'dedicated']);
export const OpportunityType = z.enum(OPPORTUNITY_TYPES);
export const OpportunityStage = z.enum(OPPORTUNITY_STAGES);
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export const ActivityPurpose = z.enum(ACTIVITY_PURPOSES);
export const ObjectiveStatus = z.enum(HEALTH_COLOURS);
export const SuccessPlanStatus = z.enum(SUCCESS_PLAN_STATUSES);
export const InitiativeKind = z.enum(INITIATIVE_KINDS);
export const ExceptionKind = z.enum(['p1', 'p2']);
export const ExceptionStatus = z.enum(['requested', 'approved', 'rejected']);
export const TicketSeverity = z.enum(['low', 'normal', 'high', 'urgent']);
// `contact`: a customer contact writing through the portal (docs/projects.md); `customer`: a
// customer user of the portal acting on their own sign-in, e.g. accepting their invitation
// (docs/portal.md).
export const ActorType = z.enum(['user', 'api_token', 'import', 'system', 'contact']);
export const HistoryOperation = z.enum(['create', 'update', 'delete']);

export type Segment = z.infer<typeof Segment>;
export type Region = z.infer<typeof Region>;
export type RelationshipStage = z.infer<typeof RelationshipStage>;
export type SentimentColour = z.infer<typeof SentimentColour>;
export type StaffRole = z.infer<typeof StaffRole>;

/** How the web app and the CLI name a staff role. */
export const STAFF_ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Admin',
  tam_manager: 'TAM manager',
  tam: 'TAM',
  sal: 'SAL',
  ae: 'AE',
  sa: 'SA',
  pse: 'PSE',
  sdr: 'SDR',
  viewer: 'Viewer',
};
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
