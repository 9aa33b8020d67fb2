import type {
  AccountSummary,
  Activity,
  EmeaParameter,
  Initiative,
  Objective,
  Opportunity,
  PriorityException,
  PriorityProposal,
  SuccessPlan,
  SupportTicket,
  TeamAssignment,
} from '@liaison/contracts';
import type { AccountFacts } from '@liaison/domain';

/**
 * What the playbook reads about one account, in the API's own shapes: the live tables and the
 * history's snapshots (which are those shapes) both produce it, so the assessment of the
 * record as it is and as it was go through one conversion.
 */
export interface RecordBundle {
  account: AccountSummary;
  team: Pick<TeamAssignment, 'userId' | 'role' | 'startsAt' | 'endsAt'>[];
  opportunities: Pick<Opportunity, 'id' | 'type' | 'stage' | 'amount' | 'closeDate'>[];
  activities: Pick<Activity, 'id' | 'kind' | 'occurredAt' | 'purposes'>[];
  successPlan: (Pick<SuccessPlan, 'status'> & Partial<Pick<SuccessPlan, 'statusChangedAt'>>) | null;
  objectives: (Pick<Objective, 'id' | 'title' | 'status' | 'dueDate'> &
    Partial<Pick<Objective, 'statusChangedAt'>>)[];
  supportTickets: Pick<SupportTicket, 'openedAt'>[];
  initiatives: Pick<Initiative, 'id' | 'kind' | 'startsOn' | 'endsOn' | 'hoursPerWeek'>[];
  emeaParameters: Pick<EmeaParameter, 'id' | 'parameter' | 'startsOn' | 'endsOn'>[];
  priorityProposal: Pick<
    PriorityProposal,
    'priority' | 'proposedBy' | 'proposedAt' | 'approvedBy' | 'approvedAt'
  > | null;
  priorityExceptions: Pick<
    PriorityException,
    'id' | 'kind' | 'reason' | 'status' | 'approvedBy' | 'approvedByRole' | 'approvedAt' | 'expiresAt'
  >[];
  /** The collaboration project's issues with their posts (the live read model only; as of an instant: absent). */
  projectThreads?: AccountFacts['projectThreads'];
  /** The stored priority and since when it holds (the live read model only; as of an instant: absent). */
  previousPriority?: { priority: 'pr1' | 'pr2' | 'pr3' | 'pr4'; since: string } | null;
}

export function factsFromBundle(bundle: RecordBundle): AccountFacts {
  const { account } = bundle;
  return {
    id: account.id,
    name: account.name,
    segment: account.segment,
    region: account.region,
    plan: account.plan,
    arr: account.arr,
    licensedUsers: account.licensedUsers,
    activeUsers: account.activeUsers,
    lam: account.lam,
    stagesAdopted: account.stagesAdopted,
    relationshipStage: account.relationshipStage,
    parentAccountId: account.parentAccountId,
    renewalDate: account.renewalDate,
    contractStart: account.contractStart,
    sentiment:
      account.sentiment && account.sentimentSetAt
        ? { value: account.sentiment, setAt: account.sentimentSetAt, reason: account.sentimentReason }
        : null,
    atRisk: account.atRisk,
    // Snapshots written before the flag existed lack it: not set.
    requiresTriage: account.requiresTriage ?? false,
    previousPriority: bundle.previousPriority ?? null,
    projectThreads: bundle.projectThreads ?? null,
    team: bundle.team.map(({ userId, role, startsAt, endsAt }) => ({ userId, role, startsAt, endsAt })),
    onboarding: account.onboardingStartedAt
      ? {
          startedAt: account.onboardingStartedAt,
          completedAt: account.onboardingCompletedAt,
          firstValueAt: account.firstValueAt,
        }
      : null,
    opportunities: bundle.opportunities.map(({ id, type, stage, amount, closeDate }) => ({
      id,
      type,
      stage,
      amount,
      closeDate,
    })),
    activities: bundle.activities.map(({ id, kind, occurredAt, purposes }) => ({
      id,
      kind,
      occurredAt,
      purposes,
    })),
    successPlan: bundle.successPlan
      ? {
          status: bundle.successPlan.status,
          statusChangedAt: bundle.successPlan.statusChangedAt ?? null,
          objectives: bundle.objectives.map(({ id, title, status, dueDate, statusChangedAt }) => ({
            id,
            title,
            status,
            dueDate,
            statusChangedAt: statusChangedAt ?? null,
          })),
        }
      : null,
    // The rule counts the tickets in the playbook's window (docs/playbook.md, "Support tickets").
    supportTickets: account.supportTicketsTracked
      ? { openedAt: bundle.supportTickets.map((ticket) => ticket.openedAt) }
      : null,
    initiatives: bundle.initiatives.map(({ id, kind, startsOn, endsOn, hoursPerWeek }) => ({
      id,
      kind,
      startsOn,
      endsOn,
      hoursPerWeek,
    })),
    emeaParameters: bundle.emeaParameters.map(({ id, parameter, startsOn, endsOn }) => ({
      id,
      parameter,
      startsOn,
      endsOn,
    })),
    priorityProposal: bundle.priorityProposal,
    qualifyUp: account.qualifyUp,
    // Only approved exceptions count; a request waits for its approver.
    priorityExceptions: bundle.priorityExceptions.flatMap((exception) =>
      exception.status === 'approved' &&
      exception.approvedBy &&
      exception.approvedAt &&
      exception.approvedByRole
        ? [
            {
              id: exception.id,
              kind: exception.kind,
              reason: exception.reason,
              approvedBy: exception.approvedBy,
              approvedByRole: exception.approvedByRole,
              approvedAt: exception.approvedAt,
              expiresAt: exception.expiresAt,
            },
          ]
        : [],
    ),
    lastPriorityReviewAt: account.lastPriorityReviewAt,
  };
}
