-- A health turn names who caused it, when a person did: the write's transaction says so
-- (`liaison.actor`, set where the change is recorded; docs/notifications.md), so the person who
-- turned an account red is not told of it as news. The day's refresh and imports name nobody.
CREATE OR REPLACE FUNCTION liaison_health_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_id uuid := gen_random_uuid();
  actor jsonb := nullif(current_setting('liaison.actor', true), '')::jsonb;
BEGIN
  INSERT INTO events (id, type, occurred_at, account_id, body)
  SELECT event_id, 'health.' || NEW.health_colour, NEW.assessed_at, NEW.account_id,
    jsonb_build_object(
      'id', event_id,
      'type', 'health.' || NEW.health_colour,
      'occurredAt', to_char(NEW.assessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'account', jsonb_build_object('id', a.id, 'name', a.name),
      'actor', actor,
      'title', 'Health turned ' || NEW.health_colour || ': ' || a.name,
      'summary', 'Health went from ' || coalesce(OLD.health_colour, 'unknown') || ' to ' || NEW.health_colour ||
        coalesce(' (score ' || NEW.health_score::text || ')', '') || '.',
      'link', '/accounts/' || a.id,
      'recipientIds', '[]'::jsonb,
      'data', jsonb_build_object('from', OLD.health_colour, 'to', NEW.health_colour, 'score', NEW.health_score))
  FROM accounts a WHERE a.id = NEW.account_id;
  RETURN NULL;
END $$;
