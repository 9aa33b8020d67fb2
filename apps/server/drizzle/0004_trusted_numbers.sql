ALTER TABLE "account_assessments" ADD COLUMN "priority_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "requires_triage" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "success_plan_objectives" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "success_plans" ADD COLUMN "status_changed_at" timestamp with time zone;--> statement-breakpoint
-- When each objective's and plan's status last changed, from the history (else their creation).
UPDATE "success_plan_objectives" o SET "status_changed_at" = coalesce(
  (SELECT max(h.occurred_at) FROM history h
    WHERE h.entity_type = 'objective' AND h.entity_id = o.id AND h.changes @> '[{"field": "status"}]'),
  o.created_at);--> statement-breakpoint
UPDATE "success_plans" p SET "status_changed_at" = coalesce(
  (SELECT max(h.occurred_at) FROM history h
    WHERE h.entity_type = 'success_plan' AND h.entity_id = p.account_id AND h.changes @> '[{"field": "status"}]'),
  p.created_at);
