import { TEAM_ROLES } from '../assessment/vocabulary.ts';

/**
 * The workflows Liaison runs per account (docs/journey.md). Each is a template in the playbook;
 * an account has at most one running instance of each at a time.
 */
export const WORKFLOW_KINDS = [
  'journey',
  'sa_tam_handoff',
  'welcome_call',
  'tam_handover',
  'disengagement',
  'sa_overlap',
] as const;
export type WorkflowKind = (typeof WORKFLOW_KINDS)[number];

/**
 * Who a step names in its RACI: an account-team role, the account owner (SAL on Enterprise, AE
 * on Commercial — the matrix's "Account Executive"), the whole account team (the matrix's
 * "GitLab Group"), the account's region's TAM manager, or the customer.
 */
export const RACI_ROLES = [
  ...TEAM_ROLES,
  'account_owner',
  'account_team',
  'tam_manager',
  'customer',
] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

export const STEP_STATES = ['not_started', 'in_progress', 'done', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const WORKFLOW_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type WorkflowStatus = (typeof WORKFLOW_STATUSES)[number];

/** Documents a step can produce; kept by Liaison as artefacts with versions and sign-offs. */
export const ARTEFACT_KINDS = [
  'blueprint',
  'sow',
  'pov_plan',
  'success_criteria',
  'contract',
  'kick_off_plan',
  'implementation_plan',
  'other',
] as const;
export type ArtefactKind = (typeof ARTEFACT_KINDS)[number];

/**
 * What a step produces: an artefact, or something recorded elsewhere in Liaison (the meta-record,
 * a profile, a logged meeting, a review or sign-off, a generated summary).
 */
export const OUTPUT_KINDS = [
  ...ARTEFACT_KINDS,
  'meta_record',
  'business_profile',
  'technical_profile',
  'review',
  'sign_off',
  'meeting',
  'summary',
  'team_change',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const isArtefactKind = (kind: string): kind is ArtefactKind =>
  (ARTEFACT_KINDS as readonly string[]).includes(kind);

/** Events that start steps or workflows besides an opportunity's stage. */
export const WORKFLOW_EVENTS = ['closed_won', 'disengagement_flag'] as const;
export type WorkflowEvent = (typeof WORKFLOW_EVENTS)[number];

/** Why a TAM disengages (docs/journey.md, Disengagement). */
export const DISENGAGEMENT_REASONS = [
  'below_threshold_downgrade',
  'below_threshold_churn',
  'unsuccessful_strategic_engagement',
  'other',
] as const;
export type DisengagementReason = (typeof DISENGAGEMENT_REASONS)[number];

/** When the SA stays involved after the sale (docs/journey.md, SA/TAM overlap). */
export const OVERLAP_TRIGGERS = [
  'new_evaluation',
  'licence_expansion',
  'professional_services',
  'expansion_planning',
  'tam_over_capacity',
  'onsite_evangelism',
] as const;
export type OverlapTrigger = (typeof OVERLAP_TRIGGERS)[number];

/** Meta-record fields a step's form can be prefilled from (the SA→TAM general account review). */
export const PREFILL_SOURCES = [
  'account.name',
  'account.industry',
  'profile.champion',
  'profile.economicBuyer',
  'profile.decisionMaker',
  'profile.whyTheyBought',
  'profile.desiredBusinessOutcomes',
  'profile.painPoints',
  'profile.successMetrics',
  'technical.deployment',
  'technical.architecture',
  'account.stagesAdopted',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];
