import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import type { BenchServer } from './bench-server.ts';
import { timed } from './measure.ts';

export interface ReassessFigure {
  accounts: number;
  seconds: number;
  peakRss: number;
  baselineRows: number;
  baselineSeconds: number;
}

const instant = (now: Date) => `'${now.toISOString()}'::timestamptz`;

/**
 * The limit for a whole-book reassessment: one SQL pass reading the playbook's inputs for every
 * account (the account row joined with per-account aggregates of everything an assessment
 * reads), streamed out with COPY and discarded. No rule is evaluated and nothing is written.
 */
export function baselineQuery(now: Date): string {
  const at = instant(now);
  const current = `starts_at <= ${at} AND (ends_at IS NULL OR ends_at > ${at})`;
  return `
    SELECT a.id, a.segment, a.region, a.plan, a.arr, a.licensed_users, a.active_users, a.lam,
      cardinality(a.stages_adopted) AS stages, a.relationship_stage, a.parent_account_id, a.renewal_date,
      a.contract_start, a.sentiment, a.sentiment_set_at, a.at_risk, a.onboarding_started_at,
      a.onboarding_completed_at, a.first_value_at, a.qualify_up, a.last_priority_review_at, a.support_tickets_tracked,
      t.members, t.tams, t.owners, o.opportunities, o.open_amount, o.last_won, o.open_tier_upgrades,
      x.activities, x.last_cadence, x.last_engagement, x.last_ebr, x.first_engagement, x.renewal_reviews,
      x.renewal_conversations, sp.status AS plan_status, so.objectives, so.green_objectives, so.next_due,
      st.tickets, pi.initiatives, pi.hours, ep.parameters, pp.priority AS proposed, pp.approved_at,
      pe.exceptions, pe.approved
    FROM accounts a
    LEFT JOIN (SELECT account_id, count(*) AS members,
        array_agg(user_id) FILTER (WHERE role = 'tam' AND ${current}) AS tams,
        array_agg(user_id) FILTER (WHERE role IN ('sal', 'ae') AND ${current}) AS owners
      FROM team_assignments GROUP BY account_id) t ON t.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS opportunities,
        sum(amount) FILTER (WHERE stage NOT IN ('closed_won', 'closed_lost')) AS open_amount,
        max(close_date) FILTER (WHERE stage = 'closed_won') AS last_won,
        count(*) FILTER (WHERE type = 'tier_upgrade' AND stage NOT IN ('closed_won', 'closed_lost')) AS open_tier_upgrades
      FROM opportunities GROUP BY account_id) o ON o.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS activities,
        max(occurred_at) FILTER (WHERE kind IN ('cadence_call', 'onboarding_call')) AS last_cadence,
        max(occurred_at) FILTER (WHERE kind IN ('cadence_call', 'meeting')) AS last_engagement,
        max(occurred_at) FILTER (WHERE kind = 'ebr') AS last_ebr,
        min(occurred_at) FILTER (WHERE kind IN ('kickoff', 'onboarding_call', 'cadence_call', 'meeting', 'ebr')) AS first_engagement,
        count(*) FILTER (WHERE 'renewal_review' = ANY(purposes)) AS renewal_reviews,
        count(*) FILTER (WHERE 'renewal_conversation' = ANY(purposes)) AS renewal_conversations
      FROM activities GROUP BY account_id) x ON x.account_id = a.id
    LEFT JOIN success_plans sp ON sp.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS objectives, count(*) FILTER (WHERE status = 'green') AS green_objectives,
        min(due_date) AS next_due
      FROM success_plan_objectives GROUP BY account_id) so ON so.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS tickets FROM support_tickets
      WHERE opened_at > ${at} - interval '30 days' AND opened_at <= ${at} GROUP BY account_id) st ON st.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS initiatives, sum(hours_per_week) AS hours
      FROM priority_initiatives GROUP BY account_id) pi ON pi.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS parameters FROM emea_parameters GROUP BY account_id) ep ON ep.account_id = a.id
    LEFT JOIN priority_proposals pp ON pp.account_id = a.id
    LEFT JOIN (SELECT account_id, count(*) AS exceptions, count(*) FILTER (WHERE status = 'approved') AS approved
      FROM priority_exceptions GROUP BY account_id) pe ON pe.account_id = a.id`;
}

/** Streams `COPY (query) TO STDOUT` and discards it; resolves to the number of rows. */
async function copyOut(server: BenchServer, query: string): Promise<number> {
  const client = await server.database.pool.connect();
  try {
    await client.query("SET jit = off; SET work_mem = '64MB'");
    let rows = 0;
    await pipeline(
      client.query(copyTo(`COPY (${query}) TO STDOUT`)),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) rows++;
          done();
        },
      }),
    );
    return rows;
  } finally {
    // Back to the server's pool with its settings as they were.
    await client.query('RESET ALL').catch(() => {});
    client.release();
  }
}

/** `services.assessments.reassessAll(now)` in-process (`liaison assess --all`), then the SQL pass. */
export async function runReassessFigure(server: BenchServer, now: Date): Promise<ReassessFigure> {
  const liaison = await timed(() => server.services.assessments.reassessAll(now));
  const baseline = await timed(() => copyOut(server, baselineQuery(now)));
  return {
    accounts: liaison.value,
    seconds: liaison.seconds,
    peakRss: liaison.peakRss,
    baselineRows: baseline.value,
    baselineSeconds: baseline.seconds,
  };
}
