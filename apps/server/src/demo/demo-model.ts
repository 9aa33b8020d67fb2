import type { Region, Segment, StaffRole, TeamRole } from '@liaison/contracts';
import type { AccountRow } from '../features/accounts/index.ts';

/**
 * The account fields the demo tells a story with. Columns not listed here (added by other
 * features) keep their database defaults: see `columnDefaults`.
 */
export type AccountState = Pick<
  AccountRow,
  | 'name'
  | 'industry'
  | 'segment'
  | 'region'
  | 'plan'
  | 'arr'
  | 'licensedUsers'
  | 'activeUsers'
  | 'lam'
  | 'stagesAdopted'
  | 'relationshipStage'
  | 'parentAccountId'
  | 'renewalDate'
  | 'contractStart'
  | 'externalIds'
  | 'sentiment'
  | 'sentimentSetAt'
  | 'sentimentReason'
  | 'atRisk'
  | 'requiresTriage'
  | 'onboardingStartedAt'
  | 'onboardingCompletedAt'
>;

/** Where an account is in the story the demo tells about it. */
export type Lifecycle =
  | 'customer' // in the book since the Salesforce import
  | 'new_customer' // lead → opportunity → closed-won during the year, then onboarded
  | 'former' // churned during the year
  | 'lead'
  | 'opportunity';

/** Who makes a change, resolved against the account team of that day. */
export type ActorRole = 'owner' | 'tam' | 'manager' | 'sdr';

export type EventKind =
  | 'renewal'
  | 'plan_upgrade'
  | 'seat_growth'
  | 'usage'
  | 'stage_adoption'
  | 'sentiment'
  | 'qualified'
  | 'won'
  | 'onboarding_started'
  | 'onboarding_completed'
  | 'churn'
  | 'acquired'
  | 'triage';

/** One edit of an account: the fields it changed, before and after. */
export interface AccountEvent {
  at: Date;
  kind: EventKind;
  by: ActorRole;
  before: Partial<AccountState>;
  after: Partial<AccountState>;
}

export type Tier = 0 | 1 | 2 | 3;

export interface AccountPlan {
  id: string;
  serial: number;
  name: string;
  /** For contacts' e-mail addresses. */
  domain: string;
  segment: Segment;
  region: Region;
  industry: string;
  lifecycle: Lifecycle;
  parentId: string | null;
  createdAt: Date;
  /** Imported from Salesforce, or entered by the SDR during the year. */
  imported: boolean;
  qualifiedAt: Date | null;
  wonAt: Date | null;
  churnAt: Date | null;
  onboardingAt: Date | null;
  /** Engagement tier by ARR while paying (1: ≥ $500k, 2: ≥ $250k, 3: ≥ $100k, 0: below). */
  tier: Tier;
  /**
   * Premium or Ultimate with ARR ≥ $100k while a customer: gets a TAM (also the few that renewed
   * below $100k this year: their TAM is still on, a disengagement candidate).
   */
  tamEligible: boolean;
  /** Cadence overdue today (something for the dashboards to find). */
  neglected: boolean;
  initial: AccountState;
  final: AccountState;
  /** Chronological; `after` filled by the derivation. */
  events: AccountEvent[];
}

export interface StaffMember {
  key: string;
  id: string;
  name: string;
  email: string;
  region: Region;
  roles: StaffRole[];
  hiredAt: Date;
  leftAt: Date | null;
}

/** One person in one role on one account for a period, and when that was recorded. */
export interface Assignment {
  id: string;
  accountId: string;
  userId: string;
  role: TeamRole;
  startsAt: Date;
  endsAt: Date | null;
  createdAt: Date;
  createdBy: 'import' | 'manager';
  /** When the end was recorded, if it was not known at creation. */
  endRecordedAt: Date | null;
}

export const ENGAGEMENT_WEIGHT: Record<Tier, number> = { 0: 0, 1: 1 / 5, 2: 1 / 10, 3: 1 / 25 };

export function tierOf(arr: number): Tier {
  if (arr >= 500_000) return 1;
  if (arr >= 250_000) return 2;
  if (arr >= 100_000) return 3;
  return 0;
}
