import type { ThreadPost } from '../projects/response-tracking.ts';
import type {
  AccountRegion,
  AccountSegment,
  ActivityKind,
  ActivityPurpose,
  ExceptionApproverRole,
  HealthColour,
  InitiativeKind,
  OpportunityStage,
  OpportunityType,
  RelationshipStage,
  SuccessPlanStatus,
  TeamRole,
} from './vocabulary.ts';

/**
 * Dates: a field documented as "date" is `YYYY-MM-DD` (a UTC calendar day); a field documented
 * as "instant" is an ISO 8601 date-time (`2025-03-01T10:00:00Z`); a date is accepted wherever an
 * instant is (it means midnight UTC). Day counts are always differences of UTC calendar days.
 */

/** One assignment of a staff member to the account team. Past assignments may be included. */
export interface TeamAssignmentFact {
  userId: string;
  role: TeamRole;
  /** Instant the assignment starts. */
  startsAt: string;
  /** Instant it ends (exclusive), or null while it lasts. */
  endsAt: string | null;
}

export interface OpportunityFact {
  id: string;
  type: OpportunityType;
  stage: OpportunityStage;
  /** ARR delta in USD. */
  amount: number;
  /** Expected or actual close date (date). */
  closeDate: string;
}

/** A timeline entry. Activities later than `now` are ignored by every rule. */
export interface ActivityFact {
  id: string;
  kind: ActivityKind;
  /** Instant. */
  occurredAt: string;
  /** Renewal-obligation markers (docs/playbook.md, Obligations); empty or absent for ordinary activities. */
  purposes?: ActivityPurpose[];
}

export interface SuccessPlanObjectiveFact {
  id: string;
  title: string;
  status: HealthColour;
  /** Date, or null when not set. */
  dueDate: string | null;
  /**
   * Instant the status last changed (or the objective was created): when a non-green objective
   * left green. Absent/null: unknown, the plan's own `statusChangedAt` stands in.
   */
  statusChangedAt?: string | null;
}

export interface SuccessPlanFact {
  status: SuccessPlanStatus;
  objectives: SuccessPlanObjectiveFact[];
  /** Instant the plan's status last changed (or it was created); absent/null: unknown. */
  statusChangedAt?: string | null;
}

export interface OnboardingFact {
  /** Instant onboarding started (the onboarding playbook opened). */
  startedAt: string;
  /** Instant onboarding was completed, or null while it runs. */
  completedAt: string | null;
  /**
   * Instant of the first value (time to first value, docs/playbook.md, Obligations), or null/absent
   * when not reached.
   */
  firstValueAt?: string | null;
}

/** An initiative on the account that needs TAM time (US Enterprise flowchart). */
export interface InitiativeFact {
  id: string;
  kind: InitiativeKind;
  /** Dates (inclusive); `endsOn` null = open-ended. */
  startsOn: string;
  endsOn: string | null;
  /** TAM hours per week the initiative needs. */
  hoursPerWeek: number;
}

/** One EMEA prioritisation parameter recorded as applying to the account (docs/playbook.md, Priority). */
export interface EmeaParameterFact {
  id: string;
  /** A parameter id of the playbook's EMEA model, e.g. `organisational_change`. */
  parameter: string;
  /** Dates (inclusive) the parameter applies; `endsOn` null = until further notice. */
  startsOn: string;
  endsOn: string | null;
}

/** EMEA: the priority the TAM proposes; it counts once the TAM manager has approved it. */
export interface PriorityProposalFact {
  priority: 'pr1' | 'pr2';
  proposedBy: string;
  /** Instant. */
  proposedAt: string;
  approvedBy: string | null;
  /** Instant, or null while pending. */
  approvedAt: string | null;
}

/** Commercial qualify-up considerations the TAM records (docs/playbook.md, Priority). */
export interface QualifyUpFact {
  keyLogo: boolean;
  caseStudy: boolean;
  channelInitiative: boolean;
  /** An at-risk triage meeting decided the customer needs more attention (incl. negative NPS). */
  triageMoreAttention: boolean;
}

/** A documented priority exception. It expires at the next quarterly review at the latest. */
export interface PriorityExceptionFact {
  id: string;
  kind: 'p1' | 'p2';
  reason: string;
  approvedBy: string;
  approvedByRole: ExceptionApproverRole;
  /** Instant. */
  approvedAt: string;
  /** Instant (exclusive), or null = end of the fiscal quarter it was approved in. */
  expiresAt: string | null;
}

export interface SentimentFact {
  value: HealthColour;
  /** Instant the TAM set it. */
  setAt: string;
  reason: string | null;
}

/**
 * Everything the playbook rules read about one account, as plain JSON-serialisable data.
 * Evaluated "as of" an instant, the facts must be the record as it was at that instant.
 */
export interface AccountFacts {
  id: string;
  name: string;
  segment: AccountSegment;
  region: AccountRegion;
  /** A plan id of the playbook's plan list, e.g. `premium`. */
  plan: string;
  /** Annual recurring revenue in USD. */
  arr: number;
  licensedUsers: number;
  activeUsers: number | null;
  /** Landed addressable market, in seats. */
  lam: number | null;
  /** DevOps stage ids (the playbook's stage list); unknown ids and duplicates are ignored. */
  stagesAdopted: string[];
  relationshipStage: RelationshipStage;
  parentAccountId: string | null;
  /** Date. */
  renewalDate: string | null;
  /** Date. */
  contractStart: string | null;
  sentiment: SentimentFact | null;
  /** Manually flagged at risk of contraction or churn. */
  atRisk: boolean;
  /**
   * "Requires triage": the TAM needs help with a yellow account (set or cleared with a risk
   * update). Absent: false.
   */
  requiresTriage?: boolean;
  /**
   * The priority stored before this assessment and since when it has held (the read model's
   * `priority_since`): the success plan's clock restarts when the account becomes Pr1. Absent
   * or null: unknown (as of a past instant), the priority is taken to have held throughout.
   */
  previousPriority?: { priority: 'pr1' | 'pr2' | 'pr3' | 'pr4'; since: string } | null;
  team: TeamAssignmentFact[];
  onboarding: OnboardingFact | null;
  opportunities: OpportunityFact[];
  activities: ActivityFact[];
  successPlan: SuccessPlanFact | null;
  /**
   * Null when no ticket data is available. `openedAt`: instants the account's tickets were
   * opened; the rule counts those in the playbook's window (`health.supportTicketWindowDays`),
   * so a caller may leave out tickets opened before it.
   */
  supportTickets: { openedAt: string[] } | null;
  /**
   * The collaboration project's issues, each with its posts (docs/projects.md): the responsiveness
   * health measure reads them when the playbook turns it on. Absent or null: no data (left out).
   */
  projectThreads?: { state: 'open' | 'closed'; posts: ThreadPost[] }[] | null;
  initiatives: InitiativeFact[];
  emeaParameters: EmeaParameterFact[];
  priorityProposal: PriorityProposalFact | null;
  qualifyUp: QualifyUpFact;
  priorityExceptions: PriorityExceptionFact[];
  /** Instant of the last quarterly priority review, or null. */
  lastPriorityReviewAt: string | null;
}
