import type { DatabaseHandle } from '../db/client.ts';
import {
  accounts,
  activities,
  artefacts,
  artefactVersions,
  businessProfiles,
  contacts,
  customerUsers,
  emeaParameters,
  history,
  opportunities,
  priorityExceptions,
  priorityInitiatives,
  priorityProposals,
  projectComments,
  projectIssues,
  projectLabels,
  projectMilestones,
  projects,
  signOffs,
  successPlanObjectives,
  successPlans,
  supportTickets,
  teamAssignments,
  technicalProfiles,
  users,
  workflowInstances,
  workflowSteps,
} from '../db/schema.ts';
import { createAssessmentsService } from '../features/assessments/index.ts';
import { createPlaybookProvider } from '../features/playbook/index.ts';
import { tasksStore } from '../features/tasks/index.ts';
import { hashPassword } from '../kernel/secrets.ts';
import { planAccountExtras, planReviews } from './demo-account-extras.ts';
import { planAccounts } from './demo-account-plans.ts';
import { buildAccountRows } from './demo-account-rows.ts';
import { buildActivityRows } from './demo-activities.ts';
import { buildContactRows, planContacts } from './demo-contacts.ts';
import { forecastAssessments } from './demo-forecast.ts';
import { buildJourneyRows } from './demo-journey.ts';
import { buildOpportunityRows } from './demo-opportunities.ts';
import { flagTriage, planP1Drivers } from './demo-p1-balance.ts';
import { buildCustomerUserRows } from './demo-portal.ts';
import { buildExceptionRows } from './demo-priority-exceptions.ts';
import { buildEmeaParameterRows, buildInitiativeRows, buildProposalRows } from './demo-priority-inputs.ts';
import { buildProfileRows } from './demo-profiles.ts';
import { buildProjectRows } from './demo-projects.ts';
import { Random } from './demo-random.ts';
import { insertRows } from './demo-rows.store.ts';
import { demoSeedStore } from './demo-seed.store.ts';
import { buildStaff, buildUserRows, DEMO_PASSWORD } from './demo-staff.ts';
import { buildSuccessPlanRows } from './demo-success-plans.ts';
import { buildSupportTicketRows } from './demo-support-tickets.ts';
import { buildTeamRows, planTeams, Team } from './demo-team.ts';
import { DemoClock } from './demo-time.ts';
import { HistoryLog } from './demo-timeline.ts';

export interface DemoLogin {
  email: string;
  password: string;
  roles: string[];
}

/**
 * The whole demo organisation as rows, built in memory: a pure function of `now` (and of the
 * password hash, which is salted): the same `now` gives the same organisation, ids included.
 */
export async function buildDemoData(now: Date, passwordHash: string) {
  const clock = new DemoClock(now);
  const log = new HistoryLog();
  const staff = buildStaff(clock, new Random('liaison-demo/staff'));
  const { rows: userRows, logins } = buildUserRows(staff, log, passwordHash);
  const plans = planAccounts(clock);
  const team = planTeams(plans, staff, clock);
  const people = planContacts(plans, team, clock);
  const tickets = buildSupportTicketRows(plans, clock, log);
  const reviews = planReviews(plans, team, clock);
  const extras = planAccountExtras(plans, team, clock, reviews, tickets.trackedSince);
  // Which US Enterprise accounts the TAMs have a reason to make P1, a third of each TAM's book.
  const p1 = planP1Drivers(plans, team, clock, tickets.rows);
  flagTriage(plans, p1, clock);
  const known = {
    accounts: buildAccountRows(plans, team, log, extras),
    teamAssignments: buildTeamRows(team, plans, staff, log).map(({ userName: _name, ...row }) => row),
    opportunities: buildOpportunityRows(plans, team, clock, log, p1),
    supportTickets: tickets.rows,
    initiatives: buildInitiativeRows(plans, team, clock, log, p1),
    emeaParameters: buildEmeaParameterRows(plans, team, clock, log),
  };
  // The engine's view of the book decides which accounts the TAMs asked exceptions on and wrote
  // bigger success plans for (P1 ones); with those, it decides the cadence the activities keep.
  const before = forecastAssessments(known, now);
  const exceptions = buildExceptionRows(plans, team, staff, clock, log, before, p1);
  const plansAndObjectives = buildSuccessPlanRows(plans, team, clock, log, before, p1, exceptions);
  const decided = {
    ...known,
    successPlans: plansAndObjectives.plans,
    objectives: plansAndObjectives.objectives,
    priorityProposals: buildProposalRows(plans, team, staff, clock, log, reviews, known.emeaParameters),
    priorityExceptions: exceptions,
  };
  const forecast = forecastAssessments(decided, now);
  const data = {
    users: userRows,
    ...decided,
    contacts: buildContactRows(people, log),
    ...buildProfileRows(plans, people, team, clock, log),
    activities: buildActivityRows(plans, team, people, clock, log, forecast),
  };
  // Journeys last: they follow the opportunities' stage moves and link logged meetings; the
  // people they engaged (a lead's owner, the SA, the PSE) join the teams as their own rows.
  const journeys = buildJourneyRows({ plans, team, staff, clock, log, ...data });
  const engaged = new Team(staff);
  for (const assignment of journeys.assignments) engaged.add(assignment);
  const engagedRows = buildTeamRows(engaged, plans, staff, log).map(({ userName: _name, ...row }) => row);
  const teamAssignments = [...data.teamAssignments, ...engagedRows];
  // Collaboration projects last: they read the teams as the journeys left them.
  const projectRows = buildProjectRows({ now, log, ...data, teamAssignments });
  const customerUserRows = buildCustomerUserRows(projectRows.portalPeople, passwordHash, log);
  return {
    ...data,
    teamAssignments,
    projects: projectRows,
    customerUsers: customerUserRows,
    journeys: journeys.rows,
    history: log.rows(),
    logins,
  };
}

export type DemoData = Awaited<ReturnType<typeof buildDemoData>>;

/**
 * The demo organisation's rows for `now`, logins included. Half a second of CPU and no
 * database: a first start builds them while PostgreSQL initialises (server.ts).
 */
export async function prepareDemoData(now: Date): Promise<DemoData> {
  return buildDemoData(now, await hashPassword(DEMO_PASSWORD));
}

/**
 * Seeds the demo organisation on an empty database (no account yet), in one transaction that
 * ends by assessing every account, and returns the demo logins; returns null and changes
 * nothing otherwise. Every date is relative to `now` (default: the current time), so the book
 * always looks current.
 */
export async function seedDemo(
  database: DatabaseHandle,
  options: { now?: Date; prepared?: DemoData } = {},
): Promise<{ logins: DemoLogin[] } | null> {
  const { db } = database;
  if (await demoSeedStore.hasAccounts(db)) return null;
  const now = options.now ?? new Date();
  const data = options.prepared ?? (await prepareDemoData(now));
  const assessments = createAssessmentsService(db, createPlaybookProvider());
  const seeded = await db.transaction(async (tx) => {
    // Two servers starting on one empty database: one seeds, the other finds the accounts.
    await demoSeedStore.lockSeeding(tx);
    if (await demoSeedStore.hasAccounts(tx)) return false;
    // Demo users left behind after every account was deleted: not ours to overwrite.
    if (
      await demoSeedStore.anyUserWithEmail(
        tx,
        data.users.map((user) => user.email),
      )
    )
      return false;
    await insertRows(tx, users, data.users);
    await insertRows(tx, accounts, data.accounts);
    await insertRows(tx, businessProfiles, data.business);
    await insertRows(tx, technicalProfiles, data.technical);
    await insertRows(tx, contacts, data.contacts);
    await insertRows(tx, teamAssignments, data.teamAssignments);
    await insertRows(tx, opportunities, data.opportunities);
    await insertRows(tx, activities, data.activities);
    await insertRows(tx, successPlans, data.successPlans);
    await insertRows(tx, successPlanObjectives, data.objectives);
    await insertRows(tx, supportTickets, data.supportTickets);
    await insertRows(tx, priorityInitiatives, data.initiatives);
    await insertRows(tx, emeaParameters, data.emeaParameters);
    await insertRows(tx, priorityProposals, data.priorityProposals);
    await insertRows(tx, priorityExceptions, data.priorityExceptions);
    await insertRows(tx, workflowInstances, data.journeys.instances);
    await insertRows(tx, workflowSteps, data.journeys.steps);
    await insertRows(tx, artefacts, data.journeys.artefacts);
    await insertRows(tx, artefactVersions, data.journeys.artefactVersions);
    await insertRows(tx, signOffs, data.journeys.signOffs);
    await insertRows(tx, projects, data.projects.projects);
    await insertRows(tx, projectMilestones, data.projects.milestones);
    await insertRows(tx, projectLabels, data.projects.labels);
    await insertRows(tx, projectIssues, data.projects.issues);
    await insertRows(tx, projectComments, data.projects.comments);
    await insertRows(tx, customerUsers, data.customerUsers);
    await insertRows(tx, history, data.history);
    // Action items written as rows get ids and tasks, as migration 0007 gave older ones theirs.
    await tasksStore.deriveActionItemTasks(tx);
    // Every account changed: the assessments (portfolio, worklist, team overview) are stored
    // with the data, so no reader sees the book unassessed.
    await assessments.onAccountChanged(
      tx,
      data.accounts.map((account) => account.id),
      now,
    );
    return true;
  });
  return seeded ? { logins: data.logins } : null;
}
