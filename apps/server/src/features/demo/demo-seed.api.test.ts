import { createHash } from 'node:crypto';
import { fiscalQuarterOf } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestDatabase } from '../../../test/test-app.ts';
import { buildApp } from '../../app.ts';
import type { Database } from '../../db/client.ts';
import {
  accountAssessments,
  accounts,
  activities,
  contacts,
  emeaParameters,
  opportunities,
  priorityExceptions,
  priorityInitiatives,
  priorityProposals,
  successPlanObjectives,
  successPlans,
  supportTickets,
  teamAssignments,
  users,
} from '../../db/schema.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { presentActivity } from '../activities/activities.presenter.ts';
import { createAssessmentsService } from '../assessments/assessments.service.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { historyReadModel } from '../history/history.read-model.ts';
import { presentOpportunity } from '../opportunities/opportunities.presenter.ts';
import { createPlaybookProvider } from '../playbook/playbook.provider.ts';
import {
  presentEmeaParameter,
  presentInitiative,
  presentPriorityException,
  presentPriorityProposal,
} from '../priority-inputs/priority-inputs.presenter.ts';
import { presentObjective, presentSuccessPlanRecord } from '../success-plans/success-plans.presenter.ts';
import { presentSupportTicket } from '../support-tickets/support-tickets.presenter.ts';
import { type DemoLogin, seedDemo } from './demo-seed.ts';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const DAY_MS = 86_400_000;
const first = await createTestDatabase();
const second = await createTestDatabase();
afterAll(async () => {
  await first.close();
  await second.close();
});

const rows = async <T>(db: Database, query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];

async function accountDigest(db: Database): Promise<string> {
  const result = await rows(db, sql`SELECT name, arr FROM accounts ORDER BY name`);
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/** The playbook inputs and the stored assessments, as a digest (determinism). */
async function inputsDigest(db: Database): Promise<string> {
  const result = await Promise.all([
    rows(db, sql`SELECT account_id, status, strategy FROM success_plans ORDER BY account_id`),
    rows(db, sql`SELECT id, title, status, due_date FROM success_plan_objectives ORDER BY id`),
    rows(db, sql`SELECT id, opened_at, closed_at, severity FROM support_tickets ORDER BY id`),
    rows(db, sql`SELECT id, kind, starts_on, ends_on, hours_per_week FROM priority_initiatives ORDER BY id`),
    rows(db, sql`SELECT id, parameter, starts_on, ends_on FROM emea_parameters ORDER BY id`),
    rows(db, sql`SELECT account_id, priority, proposed_at, approved_at FROM priority_proposals ORDER BY 1`),
    rows(db, sql`SELECT id, kind, status, approved_by_role FROM priority_exceptions ORDER BY id`),
    rows(db, sql`SELECT id, purposes, occurred_at FROM activities ORDER BY id`),
    rows(
      db,
      sql`SELECT account_id, priority, health_colour, next_due_date FROM account_assessments ORDER BY 1`,
    ),
  ]);
  return createHash('sha256').update(JSON.stringify(result)).digest('hex');
}

/** The newest history snapshot of every entity of a type. */
async function latestSnapshots(db: Database, entityType: string): Promise<Map<string, unknown>> {
  const latest = await rows<{ entity_id: string; snapshot: unknown }>(
    db,
    sql`SELECT DISTINCT ON (entity_id) entity_id, snapshot FROM history
        WHERE entity_type = ${entityType} ORDER BY entity_id, occurred_at DESC, id DESC`,
  );
  return new Map(latest.map((row) => [row.entity_id, row.snapshot]));
}

describe('demo seed', () => {
  let logins: DemoLogin[] = [];

  beforeAll(async () => {
    const started = performance.now();
    const result = await seedDemo(first, { now: NOW });
    console.log(`demo seed took ${Math.round(performance.now() - started)} ms`);
    expect(result).not.toBeNull();
    logins = result!.logins;
  });

  it('seeds once: a second run finds the accounts and changes nothing', async () => {
    const [before] = await rows<{ n: number }>(first.db, sql`SELECT count(*)::int AS n FROM history`);
    expect(await seedDemo(first, { now: NOW })).toBeNull();
    const [after] = await rows<{ n: number }>(first.db, sql`SELECT count(*)::int AS n FROM history`);
    expect(after!.n).toBe(before!.n);
  });

  it('has staff across roles and regions, and returns working logins', async () => {
    const staff = await first.db.select().from(users);
    expect(staff.length).toBeGreaterThanOrEqual(12);
    const roles = new Set(staff.flatMap((user) => user.roles));
    for (const role of ['admin', 'tam_manager', 'tam', 'sal', 'ae', 'sa', 'pse', 'sdr', 'viewer']) {
      expect(roles).toContain(role);
    }
    expect(staff.filter((user) => user.roles.includes('tam')).length).toBeGreaterThanOrEqual(5);
    expect(new Set(staff.filter((user) => user.roles.includes('tam')).map((user) => user.region))).toEqual(
      new Set(['noram', 'emea', 'apac', 'latam']),
    );
    const loginRoles = logins.flatMap((login) => login.roles);
    for (const role of ['admin', 'tam_manager', 'tam', 'sal', 'viewer']) expect(loginRoles).toContain(role);
    expect(loginRoles.filter((role) => role === 'tam').length).toBeGreaterThanOrEqual(2);

    const app = await buildApp({ db: first.db, clock: () => NOW, logLevel: 'silent' });
    try {
      const tam = logins.find((login) => login.roles.includes('tam'))!;
      const login = await httpClient(app.http).post('/api/v1/auth/login', {
        email: tam.email,
        password: tam.password,
      });
      expect(login.status).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const client = httpClient(app.http);
      const list = await client.get('/api/v1/accounts?limit=5', { cookie });
      expect(list.status).toBe(200);
      expect(list.body.items).toHaveLength(5);
      // Every resource of a sample of accounts passes the API's response schemas, as-of included.
      const midYear = new Date(NOW.getTime() - 180 * 86_400_000).toISOString();
      const sample = (await first.db.select({ id: accounts.id }).from(accounts)).filter(
        (_, index) => index % 15 === 0,
      );
      for (const { id } of sample) {
        for (const path of [
          '',
          `?asOf=${midYear}`,
          '/history?limit=100',
          `/diff?from=${midYear}&to=${NOW.toISOString()}`,
          '/activities?limit=100',
          '/opportunities',
          '/contacts',
          '/team?all=true',
        ]) {
          const response = await client.get(`/api/v1/accounts/${id}${path}`, { cookie });
          expect([200, 404], `${id}${path}: ${JSON.stringify(response.body).slice(0, 300)}`).toContain(
            response.status,
          );
          if (response.status === 404) expect(path).toMatch(/asOf|diff/);
        }
      }
    } finally {
      await app.http.close();
    }
  });

  it('has a book of 300+ accounts across segments, regions, tiers and stages', async () => {
    const book = await first.db.select().from(accounts);
    expect(book.length).toBeGreaterThanOrEqual(300);
    expect(new Set(book.map((account) => account.segment)).size).toBe(4);
    expect(new Set(book.map((account) => account.region)).size).toBe(4);
    expect(new Set(book.map((account) => account.plan))).toEqual(new Set(['free', 'premium', 'ultimate']));
    expect(new Set(book.map((account) => account.relationshipStage)).size).toBe(4);
    const arrs = book.map((account) => account.arr);
    expect(arrs).toContain(500_000);
    expect(arrs).toContain(100_000);
    expect(arrs.some((arr) => arr > 1_000_000)).toBe(true);
    expect(arrs.some((arr) => arr > 250_000 && arr < 500_000)).toBe(true);
    expect(arrs.some((arr) => arr > 0 && arr < 20_000)).toBe(true);
    expect(
      new Set(book.map((account) => account.parentAccountId).filter(Boolean)).size,
    ).toBeGreaterThanOrEqual(25);
    expect(book.filter((account) => account.atRisk).length).toBeGreaterThan(0);
    const ids = book.map((account) => (account.externalIds as { salesforce: string }).salesforce);
    expect(new Set(ids).size).toBe(book.length);
    for (const id of ids) expect(id).toMatch(/^001[0-9A-Za-z]{15}$/);
  });

  it('has opportunities of every type and stage', async () => {
    const pipeline = await first.db.select().from(opportunities);
    expect(new Set(pipeline.map((item) => item.type))).toEqual(
      new Set(['new_business', 'growth', 'tier_upgrade', 'renewal']),
    );
    expect(new Set(pipeline.map((item) => item.stage)).size).toBe(7);
  });

  it('keeps every table row equal to its newest history snapshot, with matching instants', async () => {
    const checks = [
      ['account', (await first.db.select().from(accounts)).map(presentAccountSummary)],
      ['contact', (await first.db.select().from(contacts)).map(presentContact)],
      ['opportunity', (await first.db.select().from(opportunities)).map(presentOpportunity)],
      ['activity', (await first.db.select().from(activities)).map(presentActivity)],
      ['objective', (await first.db.select().from(successPlanObjectives)).map(presentObjective)],
      ['support_ticket', (await first.db.select().from(supportTickets)).map(presentSupportTicket)],
      ['initiative', (await first.db.select().from(priorityInitiatives)).map(presentInitiative)],
      ['emea_parameter', (await first.db.select().from(emeaParameters)).map(presentEmeaParameter)],
      [
        'priority_exception',
        (await first.db.select().from(priorityExceptions)).map(presentPriorityException),
      ],
    ] as const;
    for (const [entityType, presented] of checks) {
      const latest = await latestSnapshots(first.db, entityType);
      expect(presented.length, entityType).toBeGreaterThan(0);
      expect([...latest.values()].filter(Boolean).length, entityType).toBe(presented.length);
      for (const record of presented) expect(latest.get(record.id), entityType).toEqual(record);
    }
    // One per account: the entity id is the account's.
    const perAccount = [
      ['success_plan', (await first.db.select().from(successPlans)).map(presentSuccessPlanRecord)],
      ['priority_proposal', (await first.db.select().from(priorityProposals)).map(presentPriorityProposal)],
    ] as const;
    for (const [entityType, presented] of perAccount) {
      const latest = await latestSnapshots(first.db, entityType);
      expect(presented.length, entityType).toBeGreaterThan(0);
      expect(latest.size, entityType).toBe(presented.length);
      for (const record of presented) expect(latest.get(record.accountId), entityType).toEqual(record);
    }
    const tables = {
      accounts: ['account', 'id'],
      contacts: ['contact', 'id'],
      opportunities: ['opportunity', 'id'],
      activities: ['activity', 'id'],
      team_assignments: ['team_assignment', 'id'],
      success_plans: ['success_plan', 'account_id'],
      success_plan_objectives: ['objective', 'id'],
      support_tickets: ['support_ticket', 'id'],
      priority_initiatives: ['initiative', 'id'],
      emea_parameters: ['emea_parameter', 'id'],
      priority_proposals: ['priority_proposal', 'account_id'],
      priority_exceptions: ['priority_exception', 'id'],
    };
    for (const [table, [entityType, key]] of Object.entries(tables)) {
      const [mismatch] = await rows<{ n: number }>(
        first.db,
        sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} AS t JOIN (
              SELECT entity_id, min(occurred_at) AS first, max(occurred_at) AS last, count(*) AS n
              FROM history WHERE entity_type = ${entityType} GROUP BY entity_id) AS h
              ON h.entity_id = t.${sql.identifier(key!)}
            WHERE t.created_at <> h.first OR t.updated_at <> h.last OR t.version <> h.n`,
      );
      expect(mismatch!.n, table).toBe(0);
    }
    // Nothing is dated after the seed's now.
    const [future] = await rows<{ n: number }>(
      first.db,
      sql`SELECT count(*)::int AS n FROM history WHERE occurred_at > ${NOW.toISOString()}`,
    );
    expect(future!.n).toBe(0);
  });

  it('rebuilds every assessment from the history alone (as-of now equals the stored one)', async () => {
    const service = createAssessmentsService(first.db, createPlaybookProvider());
    const stored = (await first.db.select().from(accountAssessments)).filter((_, index) => index % 6 === 0);
    expect(stored.length).toBeGreaterThan(40);
    for (const row of stored) {
      const { assessment } = await service.assessAt(row.accountId, NOW);
      const brief = (priority: string, health: unknown[], obligations: typeof assessment.obligations) => ({
        priority,
        health,
        obligations: obligations.map((item) => [item.kind, item.dueDate, item.status, item.fulfilled]),
      });
      expect(
        brief(
          assessment.priority.priority,
          [assessment.health.colour, assessment.health.score],
          assessment.obligations,
        ),
        row.accountId,
      ).toEqual(
        brief(
          row.priority,
          [row.healthColour, row.healthScore],
          (row.document as Pick<typeof assessment, 'obligations'>).obligations,
        ),
      );
    }
  });

  it('answers as-of: the record before an edit shows the value before it', async () => {
    const [edit] = await rows<{
      entity_id: string;
      occurred_at: string;
      changes: { field: string; before: unknown; after: unknown }[];
    }>(
      first.db,
      sql`SELECT entity_id, occurred_at, changes FROM history
          WHERE entity_type = 'account' AND operation = 'update' AND changes @> '[{"field": "arr"}]'
          ORDER BY occurred_at, id LIMIT 1`,
    );
    const at = new Date(edit!.occurred_at);
    const change = edit!.changes.find((item) => item.field === 'arr')!;
    const before = await historyReadModel.accountAsOf(first.db, edit!.entity_id, new Date(at.getTime() - 1));
    const after = await historyReadModel.accountAsOf(first.db, edit!.entity_id, at);
    expect(before.arr).toBe(change.before);
    expect(after.arr).toBe(change.after);
    expect(before.arr).not.toBe(after.arr);

    // Someone handed over: the TAM then is not the TAM now.
    const [handover] = await rows<{ account_id: string; ends_at: string; user_id: string }>(
      first.db,
      sql`SELECT account_id, ends_at, user_id FROM team_assignments
          WHERE role = 'tam' AND ends_at IS NOT NULL AND ends_at < ${NOW.toISOString()} LIMIT 1`,
    );
    const then = await historyReadModel.accountAsOf(
      first.db,
      handover!.account_id,
      new Date(new Date(handover!.ends_at).getTime() - 86_400_000),
    );
    expect(then.team.find((member) => member.role === 'tam')?.userId).toBe(handover!.user_id);
  });

  it('seeds the playbook inputs: success plans, tickets, initiatives, EMEA, exceptions, reviews', async () => {
    const managedNow = await rows<{ account_id: string; segment: string; region: string }>(
      first.db,
      sql`SELECT DISTINCT t.account_id, a.segment, a.region FROM team_assignments t
          JOIN accounts a ON a.id = t.account_id
          WHERE t.role = 'tam' AND t.starts_at <= ${NOW.toISOString()}
            AND (t.ends_at IS NULL OR t.ends_at > ${NOW.toISOString()})`,
    );
    const managedIds = new Set(managedNow.map((row) => row.account_id));
    expect(managedIds.size).toBeGreaterThanOrEqual(60);

    // Success plans: most managed accounts have an active one with 1–5 objectives; some drafts,
    // a few with none; objectives mostly green, some yellow, a few red, due dates spread.
    const plans = await first.db.select().from(successPlans);
    const objectives = await first.db.select().from(successPlanObjectives);
    const planOf = new Map(plans.map((plan) => [plan.accountId, plan]));
    const managedPlans = [...managedIds].map((id) => planOf.get(id));
    const active = managedPlans.filter((plan) => plan?.status === 'active').length;
    expect(active / managedIds.size).toBeGreaterThan(0.65);
    expect(managedPlans.filter((plan) => plan?.status === 'draft').length).toBeGreaterThanOrEqual(3);
    expect(managedPlans.filter((plan) => plan === undefined).length).toBeGreaterThanOrEqual(1);
    expect(plans.some((plan) => plan.status === 'closed')).toBe(true);
    const perPlan = new Map<string, number>();
    for (const objective of objectives)
      perPlan.set(objective.accountId, (perPlan.get(objective.accountId) ?? 0) + 1);
    for (const plan of plans.filter((item) => item.status === 'active')) {
      expect(perPlan.get(plan.accountId) ?? 0).toBeGreaterThanOrEqual(1);
      expect(perPlan.get(plan.accountId) ?? 0).toBeLessThanOrEqual(5);
    }
    const colours = objectives.map((objective) => objective.status);
    expect(colours.filter((colour) => colour === 'green').length / colours.length).toBeGreaterThan(0.75);
    expect(colours.filter((colour) => colour === 'yellow').length).toBeGreaterThanOrEqual(5);
    expect(colours.filter((colour) => colour === 'red').length).toBeGreaterThanOrEqual(1);
    const dueDays = objectives.map((objective) => (Date.parse(objective.dueDate!) - NOW.getTime()) / DAY_MS);
    expect(Math.min(...dueDays)).toBeLessThan(0);
    expect(Math.max(...dueDays)).toBeGreaterThan(180);

    // Support tickets: the last ~120 days for most customers, tracked; a few accounts above 15 a month.
    const tickets = await first.db.select().from(supportTickets);
    const book = await first.db.select().from(accounts);
    const customers = book.filter((account) => account.relationshipStage === 'customer');
    const ticketed = new Set(tickets.map((ticket) => ticket.accountId));
    expect(ticketed.size / customers.length).toBeGreaterThan(0.75);
    for (const account of book)
      expect(account.supportTicketsTracked, account.name).toBe(ticketed.has(account.id));
    for (const ticket of tickets) {
      const age = (NOW.getTime() - Date.parse(ticket.openedAt)) / DAY_MS;
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThanOrEqual(121);
      if (ticket.closedAt) expect(Date.parse(ticket.closedAt)).toBeGreaterThan(Date.parse(ticket.openedAt));
    }
    const lastMonth = new Map<string, number>();
    for (const ticket of tickets.filter((item) => NOW.getTime() - Date.parse(item.openedAt) < 30 * DAY_MS)) {
      lastMonth.set(ticket.accountId, (lastMonth.get(ticket.accountId) ?? 0) + 1);
    }
    const busy = [...lastMonth.values()].filter((count) => count >= 16).length;
    expect(busy).toBeGreaterThanOrEqual(1);
    expect(busy).toBeLessThanOrEqual(5);
    expect(Math.max(...lastMonth.values())).toBeLessThanOrEqual(25);

    // Initiatives: a handful counting this fiscal quarter (> 2 h a week) on US Enterprise accounts.
    const quarter = fiscalQuarterOf(Math.floor(NOW.getTime() / DAY_MS), 2);
    const initiatives = await first.db.select().from(priorityInitiatives);
    const accountOf = new Map(book.map((account) => [account.id, account]));
    const counting = initiatives.filter(
      (item) =>
        item.hoursPerWeek > 2 &&
        item.startsOn <= quarter.end &&
        (item.endsOn === null || item.endsOn >= quarter.start),
    );
    expect(counting.length).toBeGreaterThanOrEqual(4);
    expect(counting.length).toBeLessThanOrEqual(8);
    for (const item of initiatives) {
      const account = accountOf.get(item.accountId)!;
      expect(
        account.segment === 'public_sector' ||
          (account.segment === 'enterprise' && account.region !== 'emea'),
      ).toBe(true);
    }

    // EMEA: parameters and proposals on EMEA Enterprise accounts; most approved by the EMEA TAM
    // manager, a couple pending.
    const staff = await first.db.select().from(users);
    const emeaManager = staff.find((user) => user.roles.includes('tam_manager') && user.region === 'emea')!;
    const parameters = await first.db.select().from(emeaParameters);
    const proposals = await first.db.select().from(priorityProposals);
    expect(parameters.length).toBeGreaterThanOrEqual(5);
    expect(proposals.length).toBeGreaterThanOrEqual(6);
    for (const item of [...parameters, ...proposals]) {
      const account = accountOf.get(item.accountId)!;
      expect([account.segment, account.region]).toEqual(['enterprise', 'emea']);
    }
    const pending = proposals.filter((proposal) => proposal.approvedAt === null);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    expect(pending.length).toBeLessThanOrEqual(3);
    for (const proposal of proposals.filter((item) => item.approvedAt !== null)) {
      expect(proposal.approvedBy).toBe(emeaManager.id);
      expect(Date.parse(proposal.approvedAt!)).toBeGreaterThan(Date.parse(proposal.proposedAt));
    }

    // Exceptions: 2–3 approved this quarter with a reason and an approver allowed to approve, one requested.
    const exceptions = await first.db.select().from(priorityExceptions);
    const approved = exceptions.filter((item) => item.status === 'approved');
    expect(approved.length).toBeGreaterThanOrEqual(2);
    expect(approved.length).toBeLessThanOrEqual(3);
    expect(exceptions.filter((item) => item.status === 'requested')).toHaveLength(1);
    const team = await first.db.select().from(teamAssignments);
    for (const item of approved) {
      expect(item.reason.length).toBeGreaterThan(10);
      expect(item.approvedAt! >= `${quarter.start}T00:00:00.000Z`).toBe(true);
      expect(Date.parse(item.approvedAt!)).toBeLessThan(NOW.getTime());
      const approver = staff.find((user) => user.id === item.approvedBy)!;
      if (item.approvedByRole === 'tam_manager') expect(approver.roles).toContain('tam_manager');
      else {
        const at = Date.parse(item.approvedAt!);
        const onTeam = team.some(
          (assignment) =>
            assignment.accountId === item.accountId &&
            assignment.userId === approver.id &&
            assignment.role === item.approvedByRole &&
            Date.parse(assignment.startsAt) <= at &&
            (assignment.endsAt === null || Date.parse(assignment.endsAt) > at),
        );
        expect(onTeam, `${item.approvedByRole} ${approver.name}`).toBe(true);
      }
    }

    // Account inputs: qualify-up on a few Commercial accounts, first value for most onboarded
    // customers, the quarterly review this quarter or the last for most managed accounts.
    const qualified = book.filter((account) => Object.values(account.qualifyUp as object).some(Boolean));
    expect(qualified.length).toBeGreaterThanOrEqual(3);
    for (const account of qualified) expect(['mid_market', 'smb']).toContain(account.segment);
    const onboarded = customers.filter((account) => account.onboardingCompletedAt !== null);
    expect(
      onboarded.filter((account) => account.firstValueAt !== null).length / onboarded.length,
    ).toBeGreaterThan(0.75);
    const previousStart = fiscalQuarterOf(quarter.startDay - 1, 2).start;
    const reviewed = [...managedIds].filter((id) => {
      const at = accountOf.get(id)!.lastPriorityReviewAt;
      return at !== null && at >= `${previousStart}T00:00:00.000Z`;
    });
    expect(reviewed.length / managedIds.size).toBeGreaterThan(0.8);

    // Renewal playbook markers on activities.
    const [marked] = await rows<{ review: number; conversation: number }>(
      first.db,
      sql`SELECT count(*) FILTER (WHERE 'renewal_review' = ANY(purposes))::int AS review,
                 count(*) FILTER (WHERE 'renewal_conversation' = ANY(purposes))::int AS conversation
          FROM activities`,
    );
    expect(marked!.review).toBeGreaterThanOrEqual(20);
    expect(marked!.conversation).toBeGreaterThanOrEqual(20);
  });

  it('stores an assessment of every account: a believable team, as a TAM manager sees it', async () => {
    const [counts] = await rows<{ accounts: number; assessed: number; today: number }>(
      first.db,
      sql`SELECT (SELECT count(*) FROM accounts)::int AS accounts, count(*)::int AS assessed,
                 count(*) FILTER (WHERE assessed_at = ${NOW.toISOString()})::int AS today
          FROM account_assessments`,
    );
    expect(counts!.assessed).toBe(counts!.accounts);
    expect(counts!.today).toBe(counts!.accounts);

    const stored = await first.db.select().from(accountAssessments);
    const managed = stored.filter((row) => row.priority === 'pr1' || row.priority === 'pr2');
    const share = (colour: string) =>
      managed.filter((row) => row.healthColour === colour).length / managed.length;
    expect(share('green')).toBeGreaterThanOrEqual(0.55);
    expect(share('green')).toBeLessThanOrEqual(0.75);
    expect(share('yellow')).toBeGreaterThanOrEqual(0.15);
    expect(share('yellow')).toBeLessThanOrEqual(0.35);
    expect(share('red')).toBeGreaterThanOrEqual(0.05);
    expect(share('red')).toBeLessThanOrEqual(0.18);
    // The cadence of the accounts a TAM holds today: mostly kept, some due soon, a few overdue.
    const cadence = managed
      .filter((row) => row.tamUserId !== null)
      .map((row) => (row.document as { obligations: { kind: string; status: string }[] }).obligations[0]!)
      .filter((obligation) => obligation.kind === 'cadence');
    const cadenceShare = (status: string) =>
      cadence.filter((item) => item.status === status).length / cadence.length;
    expect(cadenceShare('ok')).toBeGreaterThanOrEqual(0.6);
    expect(cadenceShare('ok')).toBeLessThanOrEqual(0.78);
    expect(cadenceShare('due_soon')).toBeGreaterThanOrEqual(0.08);
    expect(cadenceShare('overdue')).toBeGreaterThanOrEqual(0.08);
    expect(cadenceShare('overdue')).toBeLessThanOrEqual(0.22);

    const app = await buildApp({ db: first.db, clock: () => NOW, logLevel: 'silent' });
    try {
      const manager = logins.find((login) => login.roles.includes('tam_manager'))!;
      const login = await httpClient(app.http).post('/api/v1/auth/login', {
        email: manager.email,
        password: manager.password,
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const client = httpClient(app.http);
      const overview = await client.get('/api/v1/team-overview', { cookie });
      expect(overview.status).toBe(200);
      const body = overview.body as {
        tams: { userId: string; name: string; accounts: number; load: number; p1Share: number }[];
        needsTam: unknown[];
        disengagementCandidates: unknown[];
        reviewsDue: { status: string }[];
      };
      expect(body.needsTam.length).toBeGreaterThanOrEqual(2);
      expect(body.disengagementCandidates.length).toBeGreaterThanOrEqual(2);
      expect(body.reviewsDue.length).toBeGreaterThanOrEqual(1);
      const shares = new Set<number>();
      for (const tam of body.tams) {
        expect(tam.load, tam.name).toBeGreaterThanOrEqual(0.5);
        expect(tam.load, tam.name).toBeLessThanOrEqual(1);
        shares.add(tam.p1Share);
        const worklist = await client.get(`/api/v1/worklist?owner=${tam.userId}`, { cookie });
        expect(worklist.status).toBe(200);
        const items = (worklist.body as { items: { status: string }[] }).items;
        expect(items.length, tam.name).toBeGreaterThanOrEqual(3);
        expect(items.length, tam.name).toBeLessThanOrEqual(15);
        const portfolio = await client.get(`/api/v1/portfolio?owner=${tam.userId}`, { cookie });
        expect(portfolio.status).toBe(200);
        expect((portfolio.body as { items: unknown[] }).items).toHaveLength(tam.accounts);
      }
      expect(shares.size).toBeGreaterThan(3);

      // The web flows start from the demo TAM's week: a cadence call due, a green Pr2 account.
      const tam = logins.find((item) => item.roles.includes('tam'))!;
      const ownerId = (await first.db.select().from(users)).find((user) => user.email === tam.email)!.id;
      const week = await client.get(`/api/v1/worklist?owner=${ownerId}`, { cookie });
      expect((week.body as { items: { kind: string }[] }).items.some((item) => item.kind === 'cadence')).toBe(
        true,
      );
      const book = await client.get(`/api/v1/portfolio?owner=${ownerId}`, { cookie });
      const items = (
        book.body as { items: { priority: string; healthColour: string; priorityModel: string }[] }
      ).items;
      expect(
        items.some(
          (item) =>
            item.priority === 'pr2' &&
            item.healthColour === 'green' &&
            (item.priorityModel === 'us_enterprise' || item.priorityModel === 'commercial'),
        ),
      ).toBe(true);
    } finally {
      await app.http.close();
    }
  });

  it('is deterministic for a fixed now', async () => {
    expect(await seedDemo(second, { now: NOW })).not.toBeNull();
    expect(await accountDigest(second.db)).toBe(await accountDigest(first.db));
    expect(await inputsDigest(second.db)).toBe(await inputsDigest(first.db));
    const ids = async (db: Database) => rows(db, sql`SELECT id FROM accounts ORDER BY id`);
    expect(await ids(second.db)).toEqual(await ids(first.db));
  });
});
