import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accountThreadsJson } from '../projects/index.ts';
import type { RecordBundle } from './record-bundle.ts';

/**
 * An instant as JSON encodes it (`2026-03-01T09:30:00.123+00:00`, the cheapest form to produce:
 * `to_char` would double the cost of the query); `normalise` turns it into the presenters'
 * `…T…​.sssZ`.
 */
const iso = (column: string) => sql.raw(column);
const toIsoZ = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** A child table's rows for account `a`, as a JSON array of objects (empty array when none). */
const rows = (body: ReturnType<typeof sql>) => sql`coalesce((${body}), '[]'::json)`;

/**
 * The playbook's inputs for a set of accounts from the live tables, as one statement: each
 * account's record bundle is built by PostgreSQL as JSON (children by index look-up on their
 * `account_id`), reading only the columns the rules use. One round trip whatever the number of
 * accounts and tables, and the rows arrive already in the bundle's shape (JSON.parse is native),
 * which is what makes a million-account reassessment and a single write both cheap.
 */
export async function loadBundles(
  executor: Executor,
  accountIds: string[],
  now: Date,
  ticketWindowDays: number,
): Promise<RecordBundle[]> {
  if (accountIds.length === 0) return [];
  return loadBundlesWhere(executor, sql`a.id = ANY(${sql.param(accountIds)}::uuid[])`, now, ticketWindowDays);
}

/**
 * The bundles of the accounts (aliased `a`) that `condition` selects, in id order. Only the
 * tickets opened in the `ticketWindowDays` before `now` are read: the playbook's
 * `health.supportTicketWindowDays`, the only tickets the rules count (docs/playbook.md).
 */
export async function loadBundlesWhere(
  executor: Executor,
  condition: SQL,
  now: Date,
  ticketWindowDays: number,
): Promise<RecordBundle[]> {
  const instant = now.toISOString();
  const windowStart = new Date(now.getTime() - ticketWindowDays * 86_400_000).toISOString();
  const result = await executor.execute<{ bundle: RecordBundle }>(sql`
    SELECT json_build_object(
      'account', json_build_object(
        'id', a.id, 'version', a.version, 'createdAt', ${iso('a.created_at')}, 'updatedAt', ${iso('a.updated_at')},
        'name', a.name, 'industry', a.industry, 'segment', a.segment, 'region', a.region, 'plan', a.plan,
        'arr', a.arr::float8, 'licensedUsers', a.licensed_users, 'activeUsers', a.active_users, 'lam', a.lam,
        'stagesAdopted', a.stages_adopted, 'relationshipStage', a.relationship_stage,
        'parentAccountId', a.parent_account_id, 'renewalDate', a.renewal_date, 'contractStart', a.contract_start,
        'externalIds', a.external_ids, 'sentiment', a.sentiment, 'sentimentSetAt', ${iso('a.sentiment_set_at')},
        'sentimentReason', a.sentiment_reason, 'atRisk', a.at_risk, 'requiresTriage', a.requires_triage,
        'onboardingStartedAt', ${iso('a.onboarding_started_at')},
        'onboardingCompletedAt', ${iso('a.onboarding_completed_at')}, 'firstValueAt', ${iso('a.first_value_at')},
        'qualifyUp', a.qualify_up, 'lastPriorityReviewAt', ${iso('a.last_priority_review_at')},
        'supportTicketsTracked', a.support_tickets_tracked),
      'team', ${rows(sql`SELECT json_agg(json_build_object('userId', t.user_id, 'role', t.role,
          'startsAt', ${iso('t.starts_at')}, 'endsAt', ${iso('t.ends_at')}))
        FROM team_assignments t WHERE t.account_id = a.id`)},
      'opportunities', ${rows(sql`SELECT json_agg(json_build_object('id', o.id, 'type', o.type, 'stage', o.stage,
          'amount', o.amount::float8, 'closeDate', o.close_date))
        FROM opportunities o WHERE o.account_id = a.id`)},
      'activities', ${rows(sql`SELECT json_agg(json_build_object('id', v.id, 'kind', v.kind,
          'occurredAt', ${iso('v.occurred_at')}, 'purposes', v.purposes))
        FROM activities v WHERE v.account_id = a.id`)},
      'successPlan', (SELECT json_build_object('status', p.status,
          'statusChangedAt', ${iso('coalesce(p.status_changed_at, p.created_at)')})
        FROM success_plans p WHERE p.account_id = a.id),
      'objectives', ${rows(sql`SELECT json_agg(json_build_object('id', j.id, 'title', j.title, 'status', j.status,
          'dueDate', j.due_date, 'statusChangedAt', ${iso('coalesce(j.status_changed_at, j.created_at)')}))
        FROM success_plan_objectives j WHERE j.account_id = a.id`)},
      'supportTickets', ${rows(sql`SELECT json_agg(json_build_object('openedAt', ${iso('k.opened_at')}))
        FROM support_tickets k WHERE k.account_id = a.id
          AND k.opened_at > ${windowStart}::timestamptz AND k.opened_at <= ${instant}::timestamptz`)},
      'initiatives', ${rows(sql`SELECT json_agg(json_build_object('id', i.id, 'kind', i.kind,
          'startsOn', i.starts_on, 'endsOn', i.ends_on, 'hoursPerWeek', i.hours_per_week::float8))
        FROM priority_initiatives i WHERE i.account_id = a.id`)},
      'emeaParameters', ${rows(sql`SELECT json_agg(json_build_object('id', e.id, 'parameter', e.parameter,
          'startsOn', e.starts_on, 'endsOn', e.ends_on))
        FROM emea_parameters e WHERE e.account_id = a.id`)},
      'priorityProposal', (SELECT json_build_object('priority', r.priority, 'proposedBy', r.proposed_by,
          'proposedAt', ${iso('r.proposed_at')}, 'approvedBy', r.approved_by, 'approvedAt', ${iso('r.approved_at')})
        FROM priority_proposals r WHERE r.account_id = a.id),
      'priorityExceptions', ${rows(sql`SELECT json_agg(json_build_object('id', x.id, 'kind', x.kind,
          'reason', x.reason, 'status', x.status, 'approvedBy', x.approved_by,
          'approvedByRole', x.approved_by_role, 'approvedAt', ${iso('x.approved_at')},
          'expiresAt', ${iso('x.expires_at')}))
        FROM priority_exceptions x WHERE x.account_id = a.id`)},
      'projectThreads', ${accountThreadsJson('a')},
      'previousPriority', (SELECT json_build_object('priority', s.priority, 'since', ${iso('s.priority_since')})
        FROM account_assessments s WHERE s.account_id = a.id AND s.priority_since IS NOT NULL)
    ) AS bundle
    FROM accounts a WHERE ${condition} ORDER BY a.id`);
  return result.rows.map((row) => normalise(row.bundle));
}

/** Instants in the presenters' format, in place (every other value is already in its shape). */
function normalise(bundle: RecordBundle): RecordBundle {
  const account = bundle.account as unknown as Record<string, string | null>;
  for (const key of INSTANT_FIELDS) account[key] = toIsoZ(account[key] ?? null);
  for (const assignment of bundle.team) {
    assignment.startsAt = toIsoZ(assignment.startsAt)!;
    assignment.endsAt = toIsoZ(assignment.endsAt);
  }
  for (const activity of bundle.activities) activity.occurredAt = toIsoZ(activity.occurredAt)!;
  for (const ticket of bundle.supportTickets) ticket.openedAt = toIsoZ(ticket.openedAt)!;
  if (bundle.successPlan)
    bundle.successPlan.statusChangedAt = toIsoZ(bundle.successPlan.statusChangedAt ?? null)!;
  for (const objective of bundle.objectives)
    objective.statusChangedAt = toIsoZ(objective.statusChangedAt ?? null)!;
  if (bundle.previousPriority) bundle.previousPriority.since = toIsoZ(bundle.previousPriority.since)!;
  const proposal = bundle.priorityProposal;
  if (proposal) {
    proposal.proposedAt = toIsoZ(proposal.proposedAt)!;
    proposal.approvedAt = toIsoZ(proposal.approvedAt);
  }
  for (const exception of bundle.priorityExceptions) {
    exception.approvedAt = toIsoZ(exception.approvedAt);
    exception.expiresAt = toIsoZ(exception.expiresAt);
  }
  return bundle;
}

const INSTANT_FIELDS = [
  'createdAt',
  'updatedAt',
  'sentimentSetAt',
  'onboardingStartedAt',
  'onboardingCompletedAt',
  'firstValueAt',
  'lastPriorityReviewAt',
] as const;
