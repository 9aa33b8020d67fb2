import type pg from 'pg';
import {
  type BookParams,
  daysAgo,
  h,
  ID,
  INDUSTRIES,
  pick,
  REGIONS,
  STAGES,
  staffCounts,
  textArray,
  uid,
} from './book-sql.ts';

/**
 * The accounts of the book and who works on them. `bench_acct` (unlogged, dropped at the end)
 * holds each account's derived attributes once, so every other table reads them instead of
 * recomputing them:
 *
 * - about 3% of the accounts are TAM-managed (Premium/Ultimate, ARR ≥ 100k, mostly Enterprise);
 *   each TAM holds a block of 25–60 of them, one in five was handed over from another TAM;
 * - the rest is the long tail: mostly SMB and Mid-Market, mostly below 100k (a few above it
 *   without a TAM: "needs a TAM"), Free to Ultimate, leads and former customers among them;
 * - nearly every account has an owner (a SAL for Enterprise and Public Sector, else an AE).
 */
export async function createAccountAttributes(client: pg.ClientBase, params: BookParams): Promise<number> {
  const { accounts } = params;
  const i = 'i';
  await client.query(`
    CREATE UNLOGGED TABLE bench_acct AS
    WITH base AS (
      SELECT i, ${h(i, 1, 1000)} < 30 AS managed, ${h(i, 2, 100)} AS s, ${h(i, 4, 100)} AS b,
        ${h(i, 7, 100)} AS q, ${h(i, 16, 100)} < 6 AS fresh, ${h(i, 20, 100)} AS c
      FROM generate_series(1, ${accounts}) i
    ), attrs AS (
      SELECT i, managed, fresh AND (managed OR q < 88) AS is_new,
        CASE WHEN managed THEN
          CASE WHEN s < 45 THEN 'enterprise' WHEN s < 55 THEN 'public_sector' WHEN s < 80 THEN 'mid_market' ELSE 'smb' END
        ELSE CASE WHEN s < 6 THEN 'enterprise' WHEN s < 8 THEN 'public_sector' WHEN s < 35 THEN 'mid_market' ELSE 'smb' END
        END AS seg,
        (${textArray(REGIONS)})[1 + (CASE WHEN ${h(i, 3, 100)} < 40 THEN 0 WHEN ${h(i, 3, 100)} < 70 THEN 1 WHEN ${h(i, 3, 100)} < 85 THEN 2 ELSE 3 END)] AS region,
        (CASE WHEN managed THEN
          CASE WHEN b < 40 THEN 100000 + ${h(i, 5, 150_000)} WHEN b < 75 THEN 250000 + ${h(i, 5, 250_000)} ELSE 500000 + ${h(i, 5, 2_500_000)} END
        ELSE CASE WHEN b < 50 THEN ${h(i, 5, 10_000)} WHEN b < 80 THEN 10000 + ${h(i, 5, 40_000)}
          WHEN b < 95 THEN 50000 + ${h(i, 5, 50_000)} ELSE 100000 + ${h(i, 5, 300_000)} END
        END)::numeric(14, 2) AS arr,
        CASE WHEN managed THEN ${pick(['premium', 'ultimate'], i, 6)}
          WHEN ${h(i, 6, 100)} < 55 THEN 'free' WHEN ${h(i, 6, 100)} < 90 THEN 'premium' ELSE 'ultimate' END AS plan,
        CASE WHEN managed OR q < 88 THEN 'customer' WHEN q < 92 THEN 'lead' WHEN q < 95 THEN 'opportunity' ELSE 'former_customer' END AS stage,
        CASE WHEN managed THEN (CASE WHEN c < 62 THEN 'green' WHEN c < 85 THEN 'yellow' WHEN c < 95 THEN 'red' END)
          WHEN q < 88 THEN (CASE WHEN c < 8 THEN 'green' WHEN c < 12 THEN 'yellow' WHEN c < 14 THEN 'red' END) END AS sentiment
      FROM base
    ), dated AS (
      SELECT a.*,
        CASE WHEN is_new THEN DATE '${params.today}' - ${h(i, 17, 150)}::int
          WHEN stage = 'customer' THEN DATE '${params.today}' + ${h(i, 14, 400)}::int - 35 - 365 * (1 + ${h(i, 15, 3)}::int)
          WHEN stage = 'former_customer' THEN DATE '${params.today}' - ${h(i, 14, 300)}::int - 366 END AS contract_start
      FROM attrs a
    )
    SELECT d.*, ${uid(ID.account, i)} AS id,
      CASE WHEN managed THEN count(*) FILTER (WHERE managed) OVER (ORDER BY i) END AS k,
      CASE WHEN is_new THEN contract_start + 365
        WHEN stage = 'customer' THEN DATE '${params.today}' + ${h(i, 14, 400)}::int - 35
        WHEN stage = 'former_customer' THEN contract_start + 365 END AS renewal,
      CASE WHEN is_new THEN (contract_start - ${h(i, 25, 60)}::int - 10)::timestamptz + interval '9 hours'
        WHEN stage IN ('lead', 'opportunity') THEN ${daysAgo(params, `1 + ${h(i, 25, 300)}`, '600')}
        ELSE ${daysAgo(params, `400 + ${h(i, 25, 1200)}`, '600')} END AS created_at,
      CASE WHEN managed THEN 1 + ${h(i, 26, 3)}::int WHEN sentiment IS NOT NULL THEN 1 ELSE 0 END AS sc,
      CASE WHEN ${h(i, 27, 100)} < 97 THEN CASE WHEN seg IN ('enterprise', 'public_sector') THEN 'sal' ELSE 'ae' END END AS owner_role,
      ${h(i, 24, 100)} < CASE WHEN managed THEN 70 WHEN stage = 'customer' THEN 8 ELSE 0 END AS tracked,
      NULL::int AS tam_t, NULL::int AS prev_tam_t, NULL::timestamptz AS handover_at, NULL::timestamptz AS sentiment_set_at,
      NULL::int AS owner_r
    FROM dated d`);
  const { reps } = staffCounts(accounts, 0);
  // Owners: SALs are the even-numbered reps, AEs the odd ones. Sentiment set 3–150 days ago.
  await client.query(`
    UPDATE bench_acct SET
      owner_r = CASE WHEN owner_role IS NOT NULL THEN 2 * ${h('i', 28, reps / 2)}::int + (owner_role = 'ae')::int END,
      sentiment_set_at = CASE WHEN sentiment IS NOT NULL THEN
        greatest(created_at + interval '1 day', ${daysAgo(params, `3 + ${h('i', 21, 150)}`, '420')}) END`);
  const managed = (
    await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_acct WHERE managed')
  ).rows[0]!.n;
  // TAM blocks of 25–60 managed accounts, in account order.
  await client.query(`
    CREATE UNLOGGED TABLE bench_tam AS
    WITH sizes AS (SELECT t, 25 + ${h('t', 33, 36)}::int AS size FROM generate_series(0, ${Math.ceil(managed / 25)}) t),
      starts AS (SELECT t, size, sum(size) OVER (ORDER BY t) - size + 1 AS first_k FROM sizes)
    SELECT t, first_k, least(first_k + size - 1, ${managed}) AS last_k FROM starts WHERE first_k <= ${managed}`);
  const tams = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_tam')).rows[0]!.n;
  await client.query(`
    UPDATE bench_acct b SET tam_t = m.t,
      prev_tam_t = CASE WHEN ${tams} > 1 AND ${h('b.i', 29, 100)} < 20 THEN (m.t + 1 + ${h('b.i', 30, Math.max(1, tams - 1))}::int) % ${tams} END,
      handover_at = CASE WHEN ${tams} > 1 AND ${h('b.i', 29, 100)} < 20 THEN
        greatest(b.created_at + interval '8 days', ${daysAgo(params, `20 + ${h('b.i', 31, 300)}`, '480')}) END
    FROM (SELECT t, generate_series(first_k, last_k) AS k FROM bench_tam) m
    WHERE b.k = m.k`);
  await client.query('CREATE INDEX ON bench_acct (i)');
  await client.query('ANALYZE bench_acct');
  return tams;
}

export async function insertUsers(client: pg.ClientBase, params: BookParams, tams: number): Promise<void> {
  const { managers, reps, sas } = staffCounts(params.accounts, tams);
  const since = `${daysAgo(params, '800')}`;
  const region = (n: string) => `(${textArray(REGIONS)})[1 + ${n} % 4]`;
  const kinds: [prefix: string, label: string, email: string, count: number, roles: string][] = [
    [ID.tam, 'TAM', 'tam', tams, `'{tam}'`],
    [ID.manager, 'TAM Manager', 'tam-manager', managers, `'{tam_manager}'`],
    [
      ID.rep,
      'Account Owner',
      'owner',
      reps,
      `CASE WHEN n % 2 = 0 THEN '{sal}'::text[] ELSE '{ae}'::text[] END`,
    ],
    [ID.sa, 'Solutions Architect', 'sa', sas, `'{sa}'`],
  ];
  for (const [prefix, label, email, count, roles] of kinds) {
    if (count === 0) continue;
    await client.query(`
      INSERT INTO users (id, version, created_at, updated_at, name, email, region, roles, is_active)
      SELECT ${uid(prefix, 'n')}, 1, ${since}, ${since}, '${label} ' || n, '${email}-' || n || '@bench.example',
        ${region('n')}, ${roles}, true
      FROM generate_series(0, ${count - 1}) n`);
  }
}

const emptyArchitecture = `'{"users": null, "referenceArchitecture": null, "highAvailability": false, "geo": false}'::jsonb`;

export async function insertAccounts(client: pg.ClientBase, params: BookParams): Promise<void> {
  const b = 'b.i';
  const licensed = `(CASE WHEN b.managed THEN 300 + (b.arr / 200)::int + ${h(b, 8, 2000)}::int ELSE 5 + (b.arr / 100)::int + ${h(b, 8, 200)}::int END)`;
  const at = (date: string, hours: number) => `(${date})::timestamptz + interval '${hours} hours'`;
  await client.query(`
    INSERT INTO accounts (id, version, created_at, updated_at, name, industry, segment, region, plan, arr,
      licensed_users, active_users, lam, stages_adopted, relationship_stage, parent_account_id, renewal_date,
      contract_start, sentiment, sentiment_set_at, sentiment_reason, at_risk, onboarding_started_at,
      onboarding_completed_at, first_value_at, qualify_up, last_priority_review_at, support_tickets_tracked)
    SELECT b.id, 1 + b.sc, b.created_at, greatest(b.created_at, b.sentiment_set_at),
      'Bench Account ' || b.i, ${pick(INDUSTRIES, b, 9)}, b.seg, b.region, b.plan, b.arr,
      ${licensed}, ${licensed} * (50 + ${h(b, 10, 50)}::int) / 100,
      CASE WHEN b.managed THEN ${licensed} * (100 + ${h(b, 10, 80)}::int) / 100 END,
      (${textArray(STAGES)})[1:${h(b, 11, 7)}], b.stage,
      CASE WHEN NOT b.managed AND b.i > 10 AND ${h(b, 12, 100)} < 3 THEN ${uid(ID.account, `b.i - 1 - ${h(b, 13, 8)}`)} END,
      b.renewal, b.contract_start, b.sentiment, b.sentiment_set_at,
      CASE b.sentiment WHEN 'yellow' THEN 'Adoption stalled in two teams' WHEN 'red' THEN 'Escalated outage; renewal at risk' END,
      coalesce(b.sentiment = 'red' AND ${h(b, 22, 10)} < 7, false),
      CASE WHEN b.is_new AND b.contract_start + 2 <= DATE '${params.today}' THEN ${at('b.contract_start + 2', 10)} END,
      CASE WHEN b.is_new AND b.contract_start + 50 <= DATE '${params.today}' AND ${h(b, 18, 10)} < 8 THEN ${at('b.contract_start + 40', 10)} END,
      CASE WHEN b.is_new AND b.contract_start + 35 <= DATE '${params.today}' AND ${h(b, 19, 10)} < 7 THEN ${at('b.contract_start + 25', 10)} END,
      jsonb_build_object('keyLogo', b.managed AND ${h(b, 34, 10)} = 0, 'caseStudy', b.managed AND ${h(b, 35, 10)} = 0,
        'channelInitiative', false, 'triageMoreAttention', b.managed AND ${h(b, 36, 20)} = 0),
      CASE WHEN b.managed THEN ${daysAgo(params, `1 + ${h(b, 23, 200)}`, '600')} END,
      b.tracked
    FROM bench_acct b`);
}

/** Empty profiles, as POST /accounts creates them. */
export async function insertProfiles(client: pg.ClientBase): Promise<void> {
  await client.query(
    'INSERT INTO business_profiles (account_id, version, updated_at) SELECT id, 1, created_at FROM bench_acct',
  );
  await client.query(`INSERT INTO technical_profiles (account_id, version, updated_at, architecture)
    SELECT id, 1, created_at, ${emptyArchitecture} FROM bench_acct`);
}

/**
 * The account teams over time: the owner (3% took over from another rep), the TAM (one in five
 * after a handover, the previous TAM's assignment ended then) and an SA on managed Enterprise
 * and Public Sector accounts. Ids: account number × 8 + slot.
 */
export async function insertTeam(client: pg.ClientBase, params: BookParams, tams: number): Promise<void> {
  const { reps, sas } = staffCounts(params.accounts, tams);
  const changed = `${h('b.i', 37, 100)} < 3`;
  const ownerChange = `least(${daysAgo(params, '0', '60')},
    greatest(b.created_at + interval '2 days', ${daysAgo(params, `5 + ${h('b.i', 38, 200)}`, '300')}))`;
  const tamStart = `least(b.created_at + interval '7 days', ${daysAgo(params, '0', '60')})`;
  const rows = [
    // slot 0: the current owner; slot 4: the owner before (the same role, another rep).
    `SELECT 0 AS slot, b.i, b.id, ${uid(ID.rep, 'b.owner_r')} AS user_id, b.owner_role AS role,
       CASE WHEN ${changed} THEN ${ownerChange} ELSE b.created_at END AS starts_at, NULL::timestamptz AS ends_at
     FROM bench_acct b WHERE b.owner_r IS NOT NULL`,
    `SELECT 4, b.i, b.id, ${uid(ID.rep, `(b.owner_r + 2) % ${reps}`)}, b.owner_role, b.created_at, ${ownerChange}
     FROM bench_acct b WHERE b.owner_r IS NOT NULL AND ${changed}`,
    // slot 1: the current TAM; slot 2: the TAM before the handover.
    `SELECT 1, b.i, b.id, ${uid(ID.tam, 'b.tam_t')}, 'tam', coalesce(b.handover_at, ${tamStart}), NULL
     FROM bench_acct b WHERE b.tam_t IS NOT NULL`,
    `SELECT 2, b.i, b.id, ${uid(ID.tam, 'b.prev_tam_t')}, 'tam', ${tamStart}, b.handover_at
     FROM bench_acct b WHERE b.prev_tam_t IS NOT NULL`,
    `SELECT 3, b.i, b.id, ${uid(ID.sa, h('b.i', 39, sas))}, 'sa', ${tamStart}, NULL
     FROM bench_acct b WHERE b.tam_t IS NOT NULL AND b.seg IN ('enterprise', 'public_sector')`,
  ];
  await client.query(`
    INSERT INTO team_assignments (id, version, created_at, updated_at, account_id, user_id, role, starts_at, ends_at)
    SELECT ${uid(ID.team, 'r.i * 8 + r.slot')}, CASE WHEN r.ends_at IS NULL THEN 1 ELSE 2 END, r.starts_at,
      coalesce(r.ends_at, r.starts_at), r.id, r.user_id, r.role, r.starts_at, r.ends_at
    FROM (${rows.join('\nUNION ALL\n')}) r`);
}
