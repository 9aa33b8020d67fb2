// The playbook engine (issue 3): the playbook document and the pure account assessment.
export type * from './assessment/account-facts.ts';
export type { Assessment } from './assessment/assess-account.ts';
export { assessAccount, assessBook } from './assessment/assess-account.ts';
export type { BookContext } from './assessment/book-context.ts';
export { buildBookContext, isManaged } from './assessment/book-context.ts';
export type { FiscalQuarter } from './assessment/calendar.ts';
export { daysBetween, fiscalQuarterOf } from './assessment/calendar.ts';
export type { CapacityLoad, P1Guidance } from './assessment/capacity.ts';
export { type AssessedTierAndPriority, capacityLoad, p1Guidance } from './assessment/capacity.ts';
export type {
  AssessmentChange,
  AssessmentChangeField,
  AssessmentDiff,
} from './assessment/diff-assessments.ts';
export { diffAssessments, diffBooks } from './assessment/diff-assessments.ts';
export type { EngagementTierResult, TierPractices } from './assessment/engagement-tier.ts';
export { engagementTier } from './assessment/engagement-tier.ts';
export type { Explanation } from './assessment/explanation.ts';
export type { GemstoneResult } from './assessment/gemstone.ts';
export { gemstone } from './assessment/gemstone.ts';
export type { HealthMeasure, HealthResult } from './assessment/health.ts';
export type { HealthMeasureId } from './assessment/health-measures.ts';
export type { Obligation, ObligationKind, ObligationStatus } from './assessment/obligation-types.ts';
export { OBLIGATION_KINDS, OBLIGATION_LABELS } from './assessment/obligation-types.ts';
export type { PriorityResult } from './assessment/priority.ts';
export { exceptionExpiry, exceptionProblem } from './assessment/priority.ts';
export type { TamAlignmentResult } from './assessment/tam-alignment.ts';
export { isTamEligible, planRank } from './assessment/tam-alignment.ts';
export * from './assessment/vocabulary.ts';
export * from './errors.ts';
// A home for every role (issue 15): views by role, renewal windows.
export * from './homes/index.ts';
// Salesforce-compatible import and export (issue 4): Ids, cell values, formats, row validation.
export * from './import/index.ts';
// The customer journey and its workflows (issue 14): templates, start rules, gates, who is responsible.
export * from './journey/index.ts';
// The account team meeting (issue 15): its cadence and the agenda written from live data.
export * from './meetings/index.ts';
// Notifications and digests (issue 16): who hears of what, quiet hours, the digest's words.
export * from './notifications/index.ts';
export type { ParsePlaybookResult, PlaybookIssue } from './playbook/parse-playbook.ts';
export { parsePlaybook } from './playbook/parse-playbook.ts';
export { defaultPlaybook, previousDefaultPlaybook } from './playbook/playbook-defaults.ts';
export type {
  GemstoneRule,
  Playbook,
  PlaybookTier,
  RecencyBand,
  TicketBand,
} from './playbook/playbook-schema.ts';
export { playbookSchema } from './playbook/playbook-schema.ts';
// Customer collaboration projects (issue 17): templates, placeholders, response tracking.
export * from './projects/index.ts';
// One task list (issue 15): statuses, sources, My week's order, action items kept in step.
export * from './tasks/index.ts';
