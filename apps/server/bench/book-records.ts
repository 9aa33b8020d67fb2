import type pg from 'pg';
import { type BookParams, daysAgo, h, ID, pick, uid } from './book-sql.ts';

/**
 * What each account owns: ~3 contacts, ~2 opportunities, ~10 activities over the last 12 months
 * (about 30 with a cadence call every third entry on managed accounts, an EBR on most of them,
 * kickoff and onboarding calls for new customers), success plans with objectives, support
 * tickets and the priority inputs on some. Child numbers: account number × 8 (or × 64) + index.
 */

export async function insertContacts(client: pg.ClientBase): Promise<void> {
  const n = 'b.i * 8 + j';
  await client.query(`
    INSERT INTO contacts (id, version, created_at, updated_at, account_id, name, email, title, stakeholder_roles)
    SELECT ${uid(ID.contact, n)}, 1, b.created_at, b.created_at, b.id, 'Contact ' || j || ' of Bench Account ' || b.i,
      'contact' || j || '.' || b.i || '@customer.example',
      ${pick(['CTO', 'VP Engineering', 'DevOps Lead', 'Platform Engineer', 'Head of Procurement', 'CISO'], n, 41)},
      CASE j WHEN 1 THEN '{champion}'::text[] WHEN 2 THEN '{technical_contact}' WHEN 3 THEN '{economic_buyer}'
        WHEN 4 THEN '{admin,decision_maker}' ELSE '{}' END
    FROM bench_acct b CROSS JOIN LATERAL generate_series(1, 1 + ${h('b.i', 40, 5)}::int) j`);
}

export async function insertOpportunities(client: pg.ClientBase, params: BookParams): Promise<void> {
  const n = 'b.i * 8 + j';
  const roll = h(n, 43, 100);
  // The first opportunity of a customer is its renewal, open until the renewal date.
  await client.query(`
    INSERT INTO opportunities (id, version, created_at, updated_at, account_id, name, type, stage, amount, close_date)
    SELECT ${uid(ID.opportunity, 'o.i * 8 + o.j')}, 1, o.created_at, o.created_at, o.id, o.type || ' ' || o.j || ' — Bench Account ' || o.i,
      o.type, o.stage, o.amount, o.close_date
    FROM (
      SELECT b.i, b.id, j, b.created_at,
        CASE WHEN j = 1 AND b.stage = 'customer' THEN 'renewal'
          WHEN b.stage IN ('lead', 'opportunity') THEN 'new_business'
          ELSE ${pick(['new_business', 'growth', 'tier_upgrade', 'growth'], n, 44)} END AS type,
        CASE WHEN j = 1 AND b.stage = 'customer' THEN
            CASE WHEN b.renewal <= DATE '${params.today}' + 90 THEN 'negotiating' ELSE 'discovery' END
          WHEN ${roll} < 30 AND b.stage <> 'lead' THEN 'closed_won' WHEN ${roll} < 50 THEN 'closed_lost'
          ELSE ${pick(['discovery', 'scoping', 'technical_evaluation', 'proposal', 'negotiating'], n, 45)} END AS stage,
        CASE WHEN j = 1 AND b.stage = 'customer' THEN b.arr ELSE (1000 + ${h(n, 46, 200_000)})::numeric(14, 2) END AS amount,
        CASE WHEN j = 1 AND b.stage = 'customer' THEN greatest(b.renewal, DATE '${params.today}' - 30)
          WHEN ${roll} < 50 THEN DATE '${params.today}' - 1 - ${h(n, 47, 365)}::int
          ELSE DATE '${params.today}' + 1 + ${h(n, 47, 270)}::int END AS close_date
      FROM bench_acct b CROSS JOIN LATERAL generate_series(1, ${h('b.i', 42, 5)}::int) j OFFSET 0
    ) o`);
}

export async function insertActivities(client: pg.ClientBase, params: BookParams): Promise<void> {
  const n = 'a.i * 64 + a.j';
  const count = `CASE WHEN b.managed THEN 20 + ${h('b.i', 43, 21)}::int WHEN b.stage = 'customer' THEN ${h('b.i', 43, 19)}::int ELSE ${h('b.i', 43, 5)}::int END`;
  const kind = `CASE
      WHEN a.is_new AND a.j = a.n THEN 'kickoff'
      WHEN a.is_new AND a.j = a.n - 1 THEN 'onboarding_call'
      WHEN a.managed AND a.j % 3 = 1 THEN 'cadence_call'
      WHEN a.managed AND a.j = 2 AND ${h('a.i', 46, 10)} < 7 THEN 'ebr'
      WHEN a.managed AND a.j % 3 = 2 AND a.sentiment IN ('yellow', 'red') THEN 'triage_update'
      WHEN a.managed THEN ${pick(['email', 'meeting', 'note', 'health_check', 'training', 'escalation_update'], n, 47)}
      ELSE ${pick(['email', 'note', 'meeting', 'demo', 'training', 'health_check', 'cadence_call', 'email'], n, 47)} END`;
  // Days back: spread over the account's life in the last year, the newest (j = 1) 0–49 days ago
  // on managed accounts. (OFFSET 0 keeps each level's values computed once, not once per use.)
  const days = `least(a.span, CASE WHEN a.managed AND a.j = 1 THEN ${h('a.i', 44, 50)}::int
    WHEN a.managed OR a.is_new THEN (a.j - 1) * a.span / a.n + ${h(n, 45, 7)}::int
    ELSE ${h(n, 45, 'a.span')}::int END)`;
  await client.query(`
    INSERT INTO activities (id, version, created_at, updated_at, account_id, kind, occurred_at, summary, notes,
      attendees, action_items, created_by_user_id, purposes)
    SELECT ${uid(ID.activity, 'x.i * 64 + x.j')}, 1, x.occurred_at, x.occurred_at, x.id, x.kind, x.occurred_at,
      initcap(replace(x.kind, '_', ' ')) || ' with Bench Account ' || x.i,
      CASE WHEN x.kind IN ('cadence_call', 'ebr') THEN 'Reviewed adoption, open tickets and next steps.' END,
      coalesce(x.attendees, '{"userIds": [], "contactIds": []}'::jsonb),
      CASE WHEN x.kind = 'cadence_call' AND x.tam IS NOT NULL THEN jsonb_build_array(jsonb_build_object(
        'text', 'Send the upgrade guide', 'ownerUserId', x.tam,
        'dueDate', to_char(x.occurred_at + interval '7 days', 'YYYY-MM-DD'), 'done', x.occurred_at < ${daysAgo(params, '14')}))
        ELSE '[]'::jsonb END,
      x.creator,
      CASE WHEN x.kind = 'meeting' AND ${h('x.i * 64 + x.j', 48, 10)} = 0 THEN '{renewal_review}'::text[]
        WHEN x.kind = 'email' AND ${h('x.i * 64 + x.j', 48, 20)} = 0 THEN '{renewal_conversation}'::text[] ELSE '{}'::text[] END
    FROM (
      SELECT a.i, a.j, a.id, a.tam, a.creator, a.attendees, ${kind} AS kind,
        greatest(a.created_at + interval '1 hour', ${daysAgo(params, days, `60 + ${h(n, 49, 600)}`)}) AS occurred_at
      FROM (
        SELECT b.*, j FROM (
          SELECT b.i, b.id, b.managed, b.is_new, b.sentiment, b.created_at, ${count} AS n,
            greatest(1, least(365, DATE '${params.today}' - b.created_at::date - 1)) AS span,
            CASE WHEN b.tam_t IS NOT NULL THEN ${uid(ID.tam, 'b.tam_t')} END AS tam,
            CASE WHEN b.tam_t IS NOT NULL THEN ${uid(ID.tam, 'b.tam_t')} WHEN b.owner_r IS NOT NULL THEN ${uid(ID.rep, 'b.owner_r')} END AS creator,
            CASE WHEN b.tam_t IS NOT NULL THEN jsonb_build_object('userIds', jsonb_build_array(${uid(ID.tam, 'b.tam_t')}),
              'contactIds', jsonb_build_array(${uid(ID.contact, 'b.i * 8 + 1')})) END AS attendees
          FROM bench_acct b OFFSET 0
        ) b CROSS JOIN LATERAL generate_series(1, b.n) j
      ) a OFFSET 0
    ) x`);
}

export async function insertSuccessPlans(client: pg.ClientBase, params: BookParams): Promise<void> {
  const planned = `b.managed AND ${h('b.i', 50, 10)} < 7`;
  const since = `least(b.created_at + interval '30 days', ${daysAgo(params, '1')})`;
  await client.query(`
    INSERT INTO success_plans (account_id, version, created_at, updated_at, status, strategy)
    SELECT b.id, 1, ${since}, ${since},
      CASE WHEN ${h('b.i', 51, 10)} < 7 THEN 'active' WHEN ${h('b.i', 51, 10)} < 9 THEN 'draft' ELSE 'closed' END,
      'Expand to the platform teams; retire the legacy CI.'
    FROM bench_acct b WHERE ${planned}`);
  const n = 'b.i * 8 + j';
  await client.query(`
    INSERT INTO success_plan_objectives (id, version, created_at, updated_at, account_id, title, description, status, due_date)
    SELECT ${uid(ID.objective, n)}, 1, ${since}, ${since}, b.id, 'Objective ' || j, NULL,
      CASE WHEN ${h(n, 52, 10)} < 6 THEN 'green' WHEN ${h(n, 52, 10)} < 9 THEN 'yellow' ELSE 'red' END,
      DATE '${params.today}' + ${h(n, 53, 180)}::int - 60
    FROM bench_acct b CROSS JOIN LATERAL generate_series(1, 1 + ${h('b.i', 54, 5)}::int) j
    WHERE ${planned}`);
}

export async function insertSupportTickets(client: pg.ClientBase, params: BookParams): Promise<void> {
  const n = 'b.i * 64 + j';
  const opened = daysAgo(params, h(n, 56, 90), `1 + ${h(n, 57, 1200)}`);
  await client.query(`
    INSERT INTO support_tickets (id, version, created_at, updated_at, account_id, subject, severity, opened_at, closed_at)
    SELECT ${uid(ID.ticket, 't.i * 64 + t.j')}, 1, t.opened_at, coalesce(t.closed_at, t.opened_at), t.id, 'Ticket ' || t.j, t.severity,
      t.opened_at, t.closed_at
    FROM (
      SELECT b.i, b.id, j, ${pick(['low', 'normal', 'normal', 'high', 'urgent'], n, 58)} AS severity,
        greatest(b.created_at, ${opened}) AS opened_at,
        CASE WHEN ${h(n, 59, 10)} < 7 THEN least(greatest(b.created_at, ${opened}) + interval '30 hours', ${daysAgo(params, '0', '1')}) END AS closed_at
      FROM bench_acct b
      CROSS JOIN LATERAL generate_series(1, ${h('b.i', 55, 8)}::int + CASE WHEN ${h('b.i', 60, 10)} = 0 THEN 12 ELSE 0 END) j
      WHERE b.tracked OFFSET 0
    ) t`);
}

const EMEA_PARAMETERS = [
  'organisational_change',
  'onboarding_most_users',
  'infrastructure_change',
  'weekly_collaboration',
  'seat_gap_to_lam',
  'expansion_play',
  'tam_handover',
];

/** Initiatives (US model), EMEA parameters and proposals, and a few priority exceptions. */
export async function insertPriorityInputs(client: pg.ClientBase, params: BookParams): Promise<void> {
  const today = `DATE '${params.today}'`;
  const tam = uid(ID.tam, 'b.tam_t');
  const manager = uid(ID.manager, 'b.tam_t / 8');
  const emea = `b.tam_t IS NOT NULL AND b.seg = 'enterprise' AND b.region = 'emea'`;
  const since = daysAgo(params, `10 + ${h('b.i', 61, 120)}`, '600');
  await client.query(`
    INSERT INTO priority_initiatives (id, version, created_at, updated_at, account_id, kind, description, starts_on, ends_on, hours_per_week)
    SELECT ${uid(ID.initiative, 'b.i')}, 1, ${since}, ${since}, b.id, ${pick(['stage_adoption', 'infrastructure_change'], 'b.i', 62)},
      'Roll out the security stage', ${today} - ${h('b.i', 63, 90)}::int,
      CASE WHEN ${h('b.i', 64, 2)} = 0 THEN ${today} + ${h('b.i', 65, 120)}::int END, 1 + ${h('b.i', 66, 6)}
    FROM bench_acct b WHERE b.tam_t IS NOT NULL AND b.seg IN ('enterprise', 'public_sector') AND NOT (${emea})
      AND ${h('b.i', 67, 100)} < 15`);
  await client.query(`
    INSERT INTO emea_parameters (id, version, created_at, updated_at, account_id, parameter, note, starts_on, ends_on)
    SELECT ${uid(ID.emeaParameter, 'b.i * 8 + j')}, 1, ${since}, ${since}, b.id, ${pick(EMEA_PARAMETERS, 'b.i * 8 + j', 68)},
      NULL, ${today} - ${h('b.i * 8 + j', 69, 90)}::int, NULL
    FROM bench_acct b CROSS JOIN LATERAL generate_series(1, 1 + ${h('b.i', 70, 2)}::int) j
    WHERE ${emea} AND ${h('b.i', 71, 10)} < 4`);
  const approved = `${h('b.i', 73, 10)} < 7`;
  await client.query(`
    INSERT INTO priority_proposals (account_id, version, created_at, updated_at, priority, reason, proposed_by, proposed_at, approved_by, approved_at)
    SELECT b.id, 1, ${since}, ${since}, CASE WHEN ${h('b.i', 72, 10)} < 3 THEN 'pr1' ELSE 'pr2' END, 'Migration to the platform',
      ${tam}, ${since}, CASE WHEN ${approved} THEN ${manager} END, CASE WHEN ${approved} THEN ${since} + interval '2 days' END
    FROM bench_acct b WHERE ${emea} AND ${h('b.i', 74, 10)} < 5`);
  const status = `CASE WHEN ${h('b.i', 76, 10)} < 3 THEN 'requested' WHEN ${h('b.i', 76, 10)} < 9 THEN 'approved' ELSE 'rejected' END`;
  await client.query(`
    INSERT INTO priority_exceptions (id, version, created_at, updated_at, account_id, kind, reason, requested_by, requested_at,
      status, approved_by, approved_by_role, approved_at, expires_at)
    SELECT ${uid(ID.exception, 'e.i')}, 1, e.since, e.since, e.id, e.kind, 'Strategic logo', e.tam, e.since, e.status,
      CASE WHEN e.status <> 'requested' THEN e.manager END, CASE WHEN e.status <> 'requested' THEN 'tam_manager' END,
      CASE WHEN e.status <> 'requested' THEN e.since + interval '1 day' END, ${today}::timestamptz + interval '90 days'
    FROM (SELECT b.i, b.id, ${pick(['p1', 'p2'], 'b.i', 75)} AS kind, ${status} AS status, ${tam} AS tam,
            ${manager} AS manager, ${since} AS since
          FROM bench_acct b WHERE b.tam_t IS NOT NULL AND ${h('b.i', 77, 100)} < 3 OFFSET 0) e`);
}
