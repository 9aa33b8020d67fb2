import type { InitiativeKind, ObjectiveStatus, SuccessPlanStatus } from '@liaison/contracts';
import { and, gt, inArray, lte } from 'drizzle-orm';
import { type Executor, toIso } from '../../db/client.ts';
import {
  accounts,
  activities,
  emeaParameters,
  opportunities,
  priorityExceptions,
  priorityInitiatives,
  priorityProposals,
  successPlanObjectives,
  successPlans,
  supportTickets,
  teamAssignments,
} from '../../db/schema.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { presentActivity } from '../activities/activities.presenter.ts';
import { presentOpportunity } from '../opportunities/opportunities.presenter.ts';
import type { RecordBundle } from './record-bundle.ts';
import { TICKET_WINDOW_DAYS } from './record-bundle.ts';

function groupBy<T extends { accountId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.accountId);
    if (list) list.push(row);
    else map.set(row.accountId, [row]);
  }
  return map;
}

/**
 * The playbook's inputs for a set of accounts from the live tables: one query per table for the
 * whole set (never one per account).
 */
export async function loadBundles(
  executor: Executor,
  accountIds: string[],
  now: Date,
): Promise<RecordBundle[]> {
  if (accountIds.length === 0) return [];
  const windowStart = new Date(now.getTime() - TICKET_WINDOW_DAYS * 86_400_000).toISOString();
  // One query per table for the whole set, one after the other: the executor may be a
  // transaction's single connection.
  const accountRows = await executor.select().from(accounts).where(inArray(accounts.id, accountIds));
  const team = await executor
    .select()
    .from(teamAssignments)
    .where(inArray(teamAssignments.accountId, accountIds));
  const opps = await executor
    .select()
    .from(opportunities)
    .where(inArray(opportunities.accountId, accountIds));
  const acts = await executor.select().from(activities).where(inArray(activities.accountId, accountIds));
  const plans = await executor.select().from(successPlans).where(inArray(successPlans.accountId, accountIds));
  const objectives = await executor
    .select()
    .from(successPlanObjectives)
    .where(inArray(successPlanObjectives.accountId, accountIds));
  const tickets = await executor
    .select({ accountId: supportTickets.accountId, openedAt: supportTickets.openedAt })
    .from(supportTickets)
    .where(
      and(
        inArray(supportTickets.accountId, accountIds),
        gt(supportTickets.openedAt, windowStart),
        lte(supportTickets.openedAt, now.toISOString()),
      ),
    );
  const initiatives = await executor
    .select()
    .from(priorityInitiatives)
    .where(inArray(priorityInitiatives.accountId, accountIds));
  const emea = await executor
    .select()
    .from(emeaParameters)
    .where(inArray(emeaParameters.accountId, accountIds));
  const proposals = await executor
    .select()
    .from(priorityProposals)
    .where(inArray(priorityProposals.accountId, accountIds));
  const exceptions = await executor
    .select()
    .from(priorityExceptions)
    .where(inArray(priorityExceptions.accountId, accountIds));
  const teamBy = groupBy(team);
  const oppsBy = groupBy(opps);
  const actsBy = groupBy(acts);
  const objectivesBy = groupBy(objectives);
  const ticketsBy = groupBy(tickets);
  const initiativesBy = groupBy(initiatives);
  const emeaBy = groupBy(emea);
  const exceptionsBy = groupBy(exceptions);
  const planBy = new Map(plans.map((plan) => [plan.accountId, plan]));
  const proposalBy = new Map(proposals.map((proposal) => [proposal.accountId, proposal]));

  return accountRows.map((row) => {
    const plan = planBy.get(row.id);
    const proposal = proposalBy.get(row.id);
    return {
      account: presentAccountSummary(row),
      team: (teamBy.get(row.id) ?? []).map((assignment) => ({
        userId: assignment.userId,
        role: assignment.role as RecordBundle['team'][number]['role'],
        startsAt: toIso(assignment.startsAt),
        endsAt: toIso(assignment.endsAt),
      })),
      opportunities: (oppsBy.get(row.id) ?? []).map(presentOpportunity),
      activities: (actsBy.get(row.id) ?? []).map(presentActivity),
      successPlan: plan ? { status: plan.status as SuccessPlanStatus } : null,
      objectives: (objectivesBy.get(row.id) ?? []).map((objective) => ({
        id: objective.id,
        title: objective.title,
        status: objective.status as ObjectiveStatus,
        dueDate: objective.dueDate,
      })),
      supportTickets: (ticketsBy.get(row.id) ?? []).map((ticket) => ({ openedAt: toIso(ticket.openedAt) })),
      initiatives: (initiativesBy.get(row.id) ?? []).map((initiative) => ({
        id: initiative.id,
        kind: initiative.kind as InitiativeKind,
        startsOn: initiative.startsOn,
        endsOn: initiative.endsOn,
        hoursPerWeek: initiative.hoursPerWeek,
      })),
      emeaParameters: (emeaBy.get(row.id) ?? []).map(({ id, parameter, startsOn, endsOn }) => ({
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
      priorityExceptions: (exceptionsBy.get(row.id) ?? []).map((exception) => ({
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
  });
}
