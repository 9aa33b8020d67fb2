import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { day, instant, recordColumns } from './schema-columns.ts';
import { accounts, activities, contacts } from './schema-record.ts';

// What people owe and meet about: tasks and account team meetings (docs/tasks.md, docs/meetings.md).
/**
 * One task list (docs/tasks.md): tasks made by hand, the action items of logged activities (one
 * task per item, matched by the item's id) and a meeting's action items. Workflow steps and
 * obligations are listed beside them from their own tables, never copied here.
 */
export const tasks = pgTable(
  'tasks',
  {
    ...recordColumns,
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    notes: text('notes'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerContactId: uuid('owner_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    dueOn: day('due_on'),
    snoozedUntil: day('snoozed_until'),
    status: text('status').notNull(),
    source: text('source').notNull(),
    // An activity's deletion cancels its tasks first (kept in the history); the link then clears.
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    actionItemId: uuid('action_item_id'),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by'),
    completedByName: text('completed_by_name'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
  },
  (table) => [
    check('tasks_one_owner', sql`${table.ownerUserId} IS NULL OR ${table.ownerContactId} IS NULL`),
    // My week: a person's open tasks by due date.
    index('tasks_owner_open_idx').on(table.ownerUserId, table.dueOn).where(sql`${table.status} = 'open'`),
    index('tasks_account_idx').on(table.accountId, table.status),
    index('tasks_contact_idx').on(table.ownerContactId).where(sql`${table.ownerContactId} IS NOT NULL`),
    uniqueIndex('tasks_action_item_key')
      .on(table.activityId, table.actionItemId)
      .where(sql`${table.actionItemId} IS NOT NULL`),
  ],
);

/**
 * An account team meeting as held (docs/meetings.md): the agenda Liaison wrote for it, the notes
 * per agenda item, the decisions, and what it created — an activity on each account discussed
 * (its action items are tasks) and the tasks of action items on no account.
 */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    ...recordColumns,
    teamKey: text('team_key').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    tamUserId: uuid('tam_user_id').references(() => users.id, { onDelete: 'set null' }),
    heldAt: instant('held_at').notNull(),
    agenda: jsonb('agenda').notNull(),
    notes: jsonb('notes').notNull(),
    decisions: jsonb('decisions').notNull(),
    activityIds: jsonb('activity_ids').notNull(),
    taskIds: jsonb('task_ids').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
  },
  // A team's meetings, latest first: the last one starts the next agenda's "since".
  (table) => [index('team_meetings_team_idx').on(table.teamKey, table.heldAt)],
);
