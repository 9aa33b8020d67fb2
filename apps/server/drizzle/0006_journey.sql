CREATE TABLE "artefact_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"artefact_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"content" "bytea",
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "artefacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"account_id" uuid NOT NULL,
	"step_row_id" uuid,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_offs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"step_row_id" uuid,
	"artefact_id" uuid,
	"artefact_version" integer,
	"role" text NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	"signer_name" text NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "workflow_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"step_row_id" uuid NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"playbook_version" integer NOT NULL,
	"template" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" text NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"events" text[] DEFAULT '{}'::text[] NOT NULL,
	"furthest_stage" text,
	"gate_overrides" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"account_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"position" integer NOT NULL,
	"state" text NOT NULL,
	"opened_at" timestamp with time zone,
	"open_reason" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"due_on" date,
	"responsible_user_id" uuid,
	"responsible_name" text,
	"responsible_explanation" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"activity_id" uuid,
	"skip_reason" text
);
--> statement-breakpoint
ALTER TABLE "artefact_versions" ADD CONSTRAINT "artefact_versions_artefact_id_artefacts_id_fk" FOREIGN KEY ("artefact_id") REFERENCES "public"."artefacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artefacts" ADD CONSTRAINT "artefacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artefacts" ADD CONSTRAINT "artefacts_step_row_id_workflow_steps_id_fk" FOREIGN KEY ("step_row_id") REFERENCES "public"."workflow_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_step_row_id_workflow_steps_id_fk" FOREIGN KEY ("step_row_id") REFERENCES "public"."workflow_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_offs" ADD CONSTRAINT "sign_offs_artefact_id_artefacts_id_fk" FOREIGN KEY ("artefact_id") REFERENCES "public"."artefacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_comments" ADD CONSTRAINT "workflow_comments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_comments" ADD CONSTRAINT "workflow_comments_step_row_id_workflow_steps_id_fk" FOREIGN KEY ("step_row_id") REFERENCES "public"."workflow_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_instances" ADD CONSTRAINT "workflow_instances_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_steps" ADD CONSTRAINT "workflow_steps_instance_id_workflow_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."workflow_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "artefact_versions_number_key" ON "artefact_versions" USING btree ("artefact_id","number");--> statement-breakpoint
CREATE INDEX "artefacts_account_idx" ON "artefacts" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "artefacts_step_idx" ON "artefacts" USING btree ("step_row_id");--> statement-breakpoint
CREATE INDEX "sign_offs_account_idx" ON "sign_offs" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_offs_step_role_key" ON "sign_offs" USING btree ("step_row_id","role") WHERE "sign_offs"."step_row_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sign_offs_artefact_role_key" ON "sign_offs" USING btree ("artefact_id","artefact_version","role") WHERE "sign_offs"."artefact_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "workflow_comments_step_idx" ON "workflow_comments" USING btree ("step_row_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_instances_account_idx" ON "workflow_instances" USING btree ("account_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_instances_active_key" ON "workflow_instances" USING btree ("account_id","kind") WHERE "workflow_instances"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_steps_instance_step_key" ON "workflow_steps" USING btree ("instance_id","step_id");--> statement-breakpoint
CREATE INDEX "workflow_steps_responsible_idx" ON "workflow_steps" USING btree ("responsible_user_id","due_on") WHERE "workflow_steps"."state" IN ('not_started', 'in_progress') AND "workflow_steps"."opened_at" IS NOT NULL;