CREATE TABLE "team_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"team_key" text NOT NULL,
	"owner_user_id" uuid,
	"tam_user_id" uuid,
	"held_at" timestamp with time zone NOT NULL,
	"agenda" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"decisions" jsonb NOT NULL,
	"activity_ids" jsonb NOT NULL,
	"task_ids" jsonb NOT NULL,
	"created_by" uuid,
	"created_by_name" text
);
--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_meetings" ADD CONSTRAINT "team_meetings_tam_user_id_users_id_fk" FOREIGN KEY ("tam_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_meetings_team_idx" ON "team_meetings" USING btree ("team_key","held_at");