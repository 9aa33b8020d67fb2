ALTER TABLE "history" ALTER COLUMN "changes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "account_assessments" ADD COLUMN "review_due_date" date;--> statement-breakpoint
ALTER TABLE "account_assessments" ADD COLUMN "review_status" text;--> statement-breakpoint
CREATE INDEX "account_assessments_commercial_rank_idx" ON "account_assessments" USING btree ("commercial_rank") WHERE "account_assessments"."commercial_rank" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "account_assessments_flagged_idx" ON "account_assessments" USING btree ("account_id") WHERE "account_assessments"."needs_tam" OR "account_assessments"."disengagement_candidate" OR "account_assessments"."review_status" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "accounts_commercial_rank_idx" ON "accounts" USING btree ("segment","arr" DESC NULLS LAST,"name" COLLATE "C","id");