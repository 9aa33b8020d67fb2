import type { ObjectiveStatus, SuccessPlanStatus } from '@liaison/contracts';
import { type Assessment, assessBook, defaultPlaybook } from '@liaison/domain';
import { toIso } from '../db/client.ts';
import { type AccountRow, presentAccountSummary } from '../features/accounts/index.ts';
import { factsFromBundle, type RecordBundle } from '../features/assessments/index.ts';
import type { OpportunityRow } from '../features/opportunities/index.ts';
import type {
  EmeaParameterRow,
  InitiativeRow,
  PriorityExceptionRow,
  PriorityProposalRow,
} from '../features/priority-inputs/index.ts';
import type { ObjectiveRow, SuccessPlanRow } from '../features/success-plans/index.ts';
import type { SupportTicketRow } from '../features/support-tickets/index.ts';

/** A TAM, SAL… on an account for a period (a stored row, or the demo's plan of one). */
export interface ForecastAssignment {
  accountId: string;
  userId: string;
  role: string;
  startsAt: string | Date;
  endsAt: string | Date | null;
}

export interface ForecastInputs {
  accounts: AccountRow[];
  teamAssignments: readonly ForecastAssignment[];
  opportunities: OpportunityRow[];
  supportTickets: SupportTicketRow[];
  initiatives: InitiativeRow[];
  emeaParameters: EmeaParameterRow[];
  successPlans?: SuccessPlanRow[];
  objectives?: ObjectiveRow[];
  priorityProposals?: PriorityProposalRow[];
  priorityExceptions?: PriorityExceptionRow[];
  /** No success plans given: take every account's as kept to the Pr1 standard (3 green objectives). */
  assumePlansKept?: boolean;
}

const KEPT_OBJECTIVES = [1, 2, 3].map((index) => ({
  id: `kept-${index}`,
  title: `Objective ${index}`,
  status: 'green' as ObjectiveStatus,
  dueDate: null,
}));

function groupBy<T extends { accountId: string }>(rows: readonly T[] = []): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(row.accountId, [...(map.get(row.accountId) ?? []), row]);
  return map;
}

/**
 * What the playbook engine will say about every account at `now`, computed in memory through the
 * server's own conversion (`factsFromBundle`) before the activities are written: the activity
 * plan keeps the cadence, EBRs and triage updates each account's priority and health ask for.
 * Engagement is taken as fresh (a cadence call yesterday); the seed stores the real assessments.
 */
export function forecastAssessments(inputs: ForecastInputs, now: Date): Map<string, Assessment> {
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString();
  const team = groupBy(inputs.teamAssignments);
  const opportunities = groupBy(inputs.opportunities);
  const tickets = groupBy(inputs.supportTickets);
  const initiatives = groupBy(inputs.initiatives);
  const parameters = groupBy(inputs.emeaParameters);
  const objectives = groupBy(inputs.objectives);
  const exceptions = groupBy(inputs.priorityExceptions);
  const plans = new Map((inputs.successPlans ?? []).map((plan) => [plan.accountId, plan]));
  const proposals = new Map(
    (inputs.priorityProposals ?? []).map((proposal) => [proposal.accountId, proposal]),
  );
  const facts = inputs.accounts.map((account) => {
    const proposal = proposals.get(account.id);
    const bundle: RecordBundle = {
      account: presentAccountSummary(account),
      team: (team.get(account.id) ?? []).map((item) => ({
        userId: item.userId,
        role: item.role as RecordBundle['team'][number]['role'],
        startsAt: toIso(item.startsAt),
        endsAt: toIso(item.endsAt),
      })),
      opportunities: (opportunities.get(account.id) ?? []).map(({ id, type, stage, amount, closeDate }) => ({
        id,
        type: type as RecordBundle['opportunities'][number]['type'],
        stage: stage as RecordBundle['opportunities'][number]['stage'],
        amount,
        closeDate,
      })),
      activities: [
        { id: `${account.id}-cadence`, kind: 'cadence_call', occurredAt: yesterday, purposes: [] },
        { id: `${account.id}-meeting`, kind: 'meeting', occurredAt: yesterday, purposes: [] },
      ],
      successPlan: plans.has(account.id)
        ? {
            status: plans.get(account.id)!.status as SuccessPlanStatus,
            statusChangedAt: toIso(
              plans.get(account.id)!.statusChangedAt ?? plans.get(account.id)!.createdAt,
            ),
          }
        : inputs.assumePlansKept
          ? { status: 'active' }
          : null,
      objectives: inputs.assumePlansKept
        ? KEPT_OBJECTIVES
        : (objectives.get(account.id) ?? []).map((objective) => ({
            id: objective.id,
            title: objective.title,
            status: objective.status as ObjectiveStatus,
            dueDate: objective.dueDate,
            statusChangedAt: toIso(objective.statusChangedAt ?? objective.createdAt),
          })),
      supportTickets: (tickets.get(account.id) ?? []).map((ticket) => ({ openedAt: toIso(ticket.openedAt) })),
      initiatives: (initiatives.get(account.id) ?? []).map(
        ({ id, kind, startsOn, endsOn, hoursPerWeek }) => ({
          id,
          kind: kind as RecordBundle['initiatives'][number]['kind'],
          startsOn,
          endsOn,
          hoursPerWeek,
        }),
      ),
      emeaParameters: (parameters.get(account.id) ?? []).map(({ id, parameter, startsOn, endsOn }) => ({
        id,
        parameter,
        startsOn,
        endsOn,
      })),
      priorityProposal: proposal
        ? {
            priority: proposal.priority as 'pr1' | 'pr2',
            proposedBy: proposal.proposedBy,
            proposedAt: toIso(proposal.proposedAt),
            approvedBy: proposal.approvedBy,
            approvedAt: toIso(proposal.approvedAt),
          }
        : null,
      priorityExceptions: (exceptions.get(account.id) ?? []).map((exception) => ({
        id: exception.id,
        kind: exception.kind as 'p1' | 'p2',
        reason: exception.reason,
        status: exception.status as 'requested' | 'approved' | 'rejected',
        approvedBy: exception.approvedBy,
        approvedByRole: exception.approvedByRole as 'tam_manager' | 'sal' | 'ae' | null,
        approvedAt: toIso(exception.approvedAt),
        expiresAt: toIso(exception.expiresAt),
      })),
    };
    return factsFromBundle(bundle);
  });
  const assessments = assessBook(facts, defaultPlaybook, now);
  return new Map(assessments.map((assessment) => [assessment.accountId, assessment]));
}
