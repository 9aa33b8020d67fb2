import { defaultPlaybook, fiscalQuarterOf } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { buildApp } from '../app.ts';
import {
  accountAssessments,
  accounts,
  emeaParameters,
  priorityExceptions,
  priorityInitiatives,
  priorityProposals,
  successPlanObjectives,
  successPlans,
  supportTickets,
  teamAssignments,
  users,
} from '../db/schema.ts';
import { DAY_MS, NOW, rows, seededDemoDatabase } from './demo-seed.test-helpers.ts';

// The demo's playbook inputs and the stored assessments: a believable team for the TAM views.

const { database: first, logins } = await seededDemoDatabase();

describe('demo seed: playbook inputs and assessments', () => {
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
    // Counted as the health measure counts them: the default playbook's window (30 days).
    const windowMs = defaultPlaybook.health.supportTicketWindowDays * DAY_MS;
    const lastMonth = new Map<string, number>();
    for (const ticket of tickets.filter((item) => NOW.getTime() - Date.parse(item.openedAt) < windowMs)) {
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
});
