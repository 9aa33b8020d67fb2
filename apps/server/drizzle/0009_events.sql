CREATE TABLE "events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"account_id" uuid,
	"dedupe_key" text,
	"body" jsonb NOT NULL,
	"dispatched_at" timestamp with time zone,
	CONSTRAINT "events_id_unique" UNIQUE("id"),
	CONSTRAINT "events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE INDEX "events_pending_idx" ON "events" USING btree ("seq") WHERE "events"."dispatched_at" IS NULL;