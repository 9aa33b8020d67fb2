/**
 * The closed vocabularies the playbook rules read. Each list is the foundation's enumeration
 * (issue 2); plans and DevOps stages are configurable and live in the playbook instead.
 */

/** Sales segment of an account. */
export const ACCOUNT_SEGMENTS = ['enterprise', 'mid_market', 'smb', 'public_sector'] as const;
export type AccountSegment = (typeof ACCOUNT_SEGMENTS)[number];

/** Sales region of an account. */
export const ACCOUNT_REGIONS = ['noram', 'latam', 'emea', 'apac'] as const;
export type AccountRegion = (typeof ACCOUNT_REGIONS)[number];

/** Where the account is in its relationship with us. */
export const RELATIONSHIP_STAGES = ['lead', 'opportunity', 'customer', 'former_customer'] as const;
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];

/** Roles a staff member can hold on an account team. */
export const TEAM_ROLES = ['sal', 'ae', 'sa', 'tam', 'pse', 'sdr'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Staff roles that may approve a priority exception (TAM manager or the account owner). */
export const EXCEPTION_APPROVER_ROLES = ['tam_manager', 'sal', 'ae'] as const;
export type ExceptionApproverRole = (typeof EXCEPTION_APPROVER_ROLES)[number];

export const OPPORTUNITY_TYPES = ['new_business', 'growth', 'tier_upgrade', 'renewal'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

export const OPPORTUNITY_STAGES = [
  'discovery',
  'scoping',
  'technical_evaluation',
  'proposal',
  'negotiating',
  'closed_won',
  'closed_lost',
] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** Timeline activity kinds. */
export const ACTIVITY_KINDS = [
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
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * What an activity was for, beyond its kind: the renewal obligations (docs/playbook.md, Obligations)
 * need to know that a meeting was the internal renewal review, or that an email/call was the
 * renewal conversation.
 */
export const ACTIVITY_PURPOSES = ['renewal_review', 'renewal_conversation'] as const;
export type ActivityPurpose = (typeof ACTIVITY_PURPOSES)[number];

/** Red / yellow / green, used by sentiment, health measures and success-plan objectives. */
export const HEALTH_COLOURS = ['green', 'yellow', 'red'] as const;
export type HealthColour = (typeof HEALTH_COLOURS)[number];

export const SUCCESS_PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type SuccessPlanStatus = (typeof SUCCESS_PLAN_STATUSES)[number];

export const INITIATIVE_KINDS = ['stage_adoption', 'infrastructure_change'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

/** Customer priority: Pr1/Pr2 for managed accounts, Pr3 unmanaged child, Pr4 digital. */
export const PRIORITIES = ['pr1', 'pr2', 'pr3', 'pr4'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The priority models (docs/playbook.md, Priority). */
export const PRIORITY_MODELS = ['us_enterprise', 'emea_enterprise', 'commercial'] as const;
export type PriorityModel = (typeof PRIORITY_MODELS)[number];

/** Gemstones, highest first (docs/playbook.md, Gemstone). */
export const GEMSTONES = ['diamond', 'pearl', 'sapphire', 'ruby', 'quartz'] as const;
export type Gemstone = (typeof GEMSTONES)[number];
