CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"account_id" uuid,
	"title" text NOT NULL,
	"notes" text,
	"owner_user_id" uuid,
	"owner_contact_id" uuid,
	"due_on" date,
	"snoozed_until" date,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"activity_id" uuid,
	"action_item_id" uuid,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"completed_by_name" text,
	"created_by" uuid,
	"created_by_name" text,
	CONSTRAINT "tasks_one_owner" CHECK ("tasks"."owner_user_id" IS NULL OR "tasks"."owner_contact_id" IS NULL)
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_contact_id_contacts_id_fk" FOREIGN KEY ("owner_contact_id") REFERENCES "public"."contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_owner_open_idx" ON "tasks" USING btree ("owner_user_id","due_on") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_account_idx" ON "tasks" USING btree ("account_id","status");--> statement-breakpoint
CREATE INDEX "tasks_contact_idx" ON "tasks" USING btree ("owner_contact_id") WHERE "tasks"."owner_contact_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_action_item_key" ON "tasks" USING btree ("activity_id","action_item_id") WHERE "tasks"."action_item_id" IS NOT NULL;--> statement-breakpoint
-- Action items get ids (stable: an md5 of the activity and the item's place, shaped as a version-4
-- UUID as the API's ids are), and each becomes
-- a task (docs/tasks.md, Action items). The same statements as tasksStore.deriveActionItemTasks.
UPDATE "activities" a SET "action_items" = (
  SELECT jsonb_agg(CASE WHEN x.e ? 'id' THEN x.e
    ELSE x.e || jsonb_build_object('id', (substr(md5(a.id::text || ':' || x.o), 1, 12) || '4' || substr(md5(a.id::text || ':' || x.o), 14, 3) || '8' || substr(md5(a.id::text || ':' || x.o), 18))::uuid, 'ownerContactId', x.e->'ownerContactId') END
    ORDER BY x.o)
  FROM jsonb_array_elements(a.action_items) WITH ORDINALITY AS x(e, o))
WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(a.action_items) e WHERE NOT e ? 'id');--> statement-breakpoint
INSERT INTO "tasks" ("id", "version", "created_at", "updated_at", "account_id", "title", "owner_user_id",
  "owner_contact_id", "due_on", "status", "source", "activity_id", "action_item_id", "completed_at",
  "created_by", "created_by_name")
SELECT (substr(md5('task:' || a.id::text || ':' || (e->>'id')), 1, 12) || '4' || substr(md5('task:' || a.id::text || ':' || (e->>'id')), 14, 3) || '8' || substr(md5('task:' || a.id::text || ':' || (e->>'id')), 18))::uuid, 1, a.created_at, a.updated_at, a.account_id,
  left(e->>'text', 2000), u.id, c.id, (e->>'dueDate')::date,
  CASE WHEN (e->>'done')::boolean THEN 'done' ELSE 'open' END, 'action_item', a.id, (e->>'id')::uuid,
  CASE WHEN (e->>'done')::boolean THEN a.updated_at END, a.created_by_user_id, creator.name
FROM "activities" a
CROSS JOIN jsonb_array_elements(a.action_items) e
LEFT JOIN "users" u ON u.id::text = e->>'ownerUserId'
LEFT JOIN "contacts" c ON c.id::text = e->>'ownerContactId' AND c.account_id = a.account_id AND u.id IS NULL
LEFT JOIN "users" creator ON creator.id = a.created_by_user_id
WHERE NOT EXISTS (SELECT 1 FROM "tasks" t WHERE t.activity_id = a.id AND t.action_item_id = (e->>'id')::uuid);
