import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
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
} from '../db/schema.ts';
import { presentAccountSummary } from '../features/accounts/accounts.presenter.ts';
import { presentActivity } from '../features/activities/activities.presenter.ts';
import { createAssessmentsService } from '../features/assessments/assessments.service.ts';
import { presentContact } from '../features/contacts/contacts.presenter.ts';
import { historyReadModel } from '../features/history/history.read-model.ts';
import { presentOpportunity } from '../features/opportunities/opportunities.presenter.ts';
import { createPlaybookProvider } from '../features/playbook/playbook.provider.ts';
import {
  presentEmeaParameter,
  presentInitiative,
  presentPriorityException,
  presentPriorityProposal,
} from '../features/priority-inputs/priority-inputs.presenter.ts';
import {
  presentObjective,
  presentSuccessPlanRecord,
} from '../features/success-plans/success-plans.presenter.ts';
import { presentSupportTicket } from '../features/support-tickets/support-tickets.presenter.ts';
import { latestSnapshots, NOW, rows, seededDemoDatabase } from './demo-seed.test-helpers.ts';

// The demo's history: every table row is its newest snapshot, assessments and as-of rebuild from it.

const { database: first } = await seededDemoDatabase();

describe('demo seed: history', () => {
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
});
