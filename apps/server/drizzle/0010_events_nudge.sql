-- Every committed event wakes the dispatchers at once (NOTIFY is delivered on commit only);
-- a missed nudge is caught by the dispatcher's schedule (docs/messages.md).
CREATE FUNCTION liaison_events_nudge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('liaison_events', '');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_nudge AFTER INSERT ON events FOR EACH STATEMENT EXECUTE FUNCTION liaison_events_nudge();
--> statement-breakpoint
-- Health turning yellow or red is an event whichever path reassessed the account (a write, an
-- import, the day's refresh): the assessment row is where every path meets. A first assessment
-- is not a turn; a change of colour to yellow or red is.
CREATE FUNCTION liaison_health_event() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  event_id uuid := gen_random_uuid();
BEGIN
  INSERT INTO events (id, type, occurred_at, account_id, body)
  SELECT event_id, 'health.' || NEW.health_colour, NEW.assessed_at, NEW.account_id,
    jsonb_build_object(
      'id', event_id,
      'type', 'health.' || NEW.health_colour,
      'occurredAt', to_char(NEW.assessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'account', jsonb_build_object('id', a.id, 'name', a.name),
      'actor', NULL,
      'title', 'Health turned ' || NEW.health_colour || ': ' || a.name,
      'summary', 'Health went from ' || coalesce(OLD.health_colour, 'unknown') || ' to ' || NEW.health_colour ||
        coalesce(' (score ' || NEW.health_score::text || ')', '') || '.',
      'link', '/accounts/' || a.id,
      'recipientIds', '[]'::jsonb,
      'data', jsonb_build_object('from', OLD.health_colour, 'to', NEW.health_colour, 'score', NEW.health_score))
  FROM accounts a WHERE a.id = NEW.account_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER account_health_event AFTER UPDATE OF health_colour ON account_assessments FOR EACH ROW
  WHEN (NEW.health_colour IN ('yellow', 'red') AND OLD.health_colour IS DISTINCT FROM NEW.health_colour)
  EXECUTE FUNCTION liaison_health_event();
