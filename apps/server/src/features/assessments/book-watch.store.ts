import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';

/** Obligations and sentiments that turned within this many days are news; older ones are not. */
const CATCH_UP_DAYS = 3;

const eventBody = sql`jsonb_build_object(
  'id', x.id, 'type', x.type,
  'occurredAt', to_char(${sql.raw('x.occurred_at')} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'account', jsonb_build_object('id', x.account_id, 'name', x.account_name),
  'actor', NULL, 'title', x.title, 'summary', x.summary,
  'link', '/accounts/' || x.account_id,
  'recipientIds', jsonb_build_array(x.tam_user_id),
  'data', x.data)`;

/**
 * The scans that notice time passing (docs/messages.md): set-based inserts into the event log,
 * each event keyed so that a second scan — another server, a retry, the next hour — adds nothing.
 */
export const bookWatchStore = {
  /** Obligations of TAM-managed accounts that went overdue in the last few days. */
  async recordOverdueObligations(
    executor: Executor,
    today: string,
    now: string,
    labels: Record<string, string>,
  ) {
    const result = await executor.execute(sql`
      INSERT INTO events (id, type, occurred_at, account_id, dedupe_key, body)
      SELECT x.id, x.type, x.occurred_at, x.account_id, x.dedupe_key, ${eventBody}
      FROM (
        SELECT gen_random_uuid() AS id, 'obligation.overdue' AS type, ${now}::timestamptz AS occurred_at,
          a.id AS account_id, a.name AS account_name, aa.tam_user_id,
          'overdue:' || a.id || ':' || (o->>'kind') || ':' || (o->>'dueDate') AS dedupe_key,
          'Overdue: ' || coalesce(${JSON.stringify(labels)}::jsonb->>(o->>'kind'), o->>'kind') || ' for ' || a.name AS title,
          'It was due ' || (o->>'dueDate') || '. ' || coalesce(o->'explanation'->'path'->>-1, '') AS summary,
          jsonb_build_object('kind', o->>'kind', 'dueDate', o->>'dueDate') AS data
        FROM account_assessments aa
        JOIN accounts a ON a.id = aa.account_id
        CROSS JOIN LATERAL jsonb_array_elements(aa.document->'obligations') o
        WHERE aa.tam_user_id IS NOT NULL AND aa.overdue_count > 0
          AND o->>'status' = 'overdue' AND NOT coalesce((o->>'fulfilled')::boolean, false)
          AND (o->>'dueDate')::date >= ${today}::date - ${CATCH_UP_DAYS + 1}::int
      ) x
      ON CONFLICT (dedupe_key) DO NOTHING`);
    return result.rowCount ?? 0;
  },

  /** TAM sentiments that passed the playbook's stale limit in the last few days. */
  async recordStaleSentiments(executor: Executor, today: string, now: string, staleDays: number) {
    const result = await executor.execute(sql`
      INSERT INTO events (id, type, occurred_at, account_id, dedupe_key, body)
      SELECT x.id, x.type, x.occurred_at, x.account_id, x.dedupe_key, ${eventBody}
      FROM (
        SELECT gen_random_uuid() AS id, 'sentiment.stale' AS type, ${now}::timestamptz AS occurred_at,
          a.id AS account_id, a.name AS account_name, aa.tam_user_id,
          'sentiment:' || a.id || ':' || (a.sentiment_set_at AT TIME ZONE 'UTC')::date AS dedupe_key,
          'Sentiment is stale: ' || a.name AS title,
          'The TAM sentiment (' || a.sentiment || ') was set on ' || (a.sentiment_set_at AT TIME ZONE 'UTC')::date ||
            ', more than ' || ${staleDays} || ' days ago: check in and set it again.' AS summary,
          jsonb_build_object('sentiment', a.sentiment, 'setAt', a.sentiment_set_at) AS data
        FROM accounts a
        JOIN account_assessments aa ON aa.account_id = a.id
        WHERE aa.tam_user_id IS NOT NULL AND a.sentiment IS NOT NULL
          AND (a.sentiment_set_at AT TIME ZONE 'UTC')::date + ${staleDays}::int < ${today}::date
          AND (a.sentiment_set_at AT TIME ZONE 'UTC')::date + ${staleDays}::int >= ${today}::date - ${CATCH_UP_DAYS}::int
      ) x
      ON CONFLICT (dedupe_key) DO NOTHING`);
    return result.rowCount ?? 0;
  },
};
