import { STORED_TASK_SOURCES, TASK_SOURCES, TASK_STATUSES } from '@liaison/domain';
import { z } from 'zod';
import { ComputedDate, Id, IsoDate, IsoInstant, PageQuery, RecordMeta, ShortText } from './common.ts';

/** One task list (docs/tasks.md): tasks, action items, and the steps and obligations a person owes. */

export const TaskStatus = z.enum(TASK_STATUSES);
export const TaskSource = z.enum(TASK_SOURCES);
export const StoredTaskSource = z.enum(STORED_TASK_SOURCES);

export const TaskOwner = z.object({
  kind: z.enum(['staff', 'contact']),
  userId: Id.nullable(),
  contactId: Id.nullable(),
  name: z.string(),
});

export const Task = RecordMeta.extend({
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  title: z.string(),
  notes: z.string().nullable(),
  owner: TaskOwner.nullable().describe(
    'A staff member, or a customer contact for the customer’s own actions.',
  ),
  dueOn: IsoDate.nullable(),
  snoozedUntil: IsoDate.nullable().describe('Put off until this day: it leaves "overdue" until then.'),
  status: TaskStatus,
  overdue: z.boolean(),
  source: StoredTaskSource,
  activityId: Id.nullable().describe('The activity whose action item it is (source action_item or meeting).'),
  actionItemId: Id.nullable(),
  completedAt: IsoInstant.nullable(),
  completedBy: z.string().nullable(),
  createdBy: z.string().nullable(),
});

/** A row of the list: a stored task, or a workflow step or an obligation read where it lives. */
export const TaskListItem = z.object({
  key: z.string().describe('task:<id>, step:<id> or obligation:<account id>:<kind>: unique on the list.'),
  source: TaskSource,
  title: z.string(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  owner: TaskOwner.nullable(),
  dueOn: ComputedDate.nullable(),
  snoozedUntil: IsoDate.nullable(),
  status: TaskStatus,
  overdue: z.boolean(),
  task: Task.nullable().describe('The task itself when the item is one (to edit it).'),
  workflowStepId: Id.nullable(),
  workflowId: Id.nullable(),
  obligationKind: z.string().nullable(),
  projectIssue: z
    .object({ projectId: Id, number: z.int() })
    .nullable()
    .optional()
    .describe('The issue a customer_response item asks an answer on.'),
});

export const TaskListQuery = PageQuery.extend({
  owner: z
    .union([z.literal('me'), z.literal('unassigned'), Id])
    .optional()
    .describe('A person (me or a user id): their steps and obligations join their tasks.'),
  contactId: Id.optional().describe('Tasks a customer contact owns.'),
  accountId: Id.optional(),
  status: TaskStatus.optional().describe('Default: open.'),
  dueBefore: IsoDate.optional().describe('Due on or before this day.'),
  dueAfter: IsoDate.optional().describe('Due on or after this day.'),
  source: TaskSource.optional(),
});

const Owner = {
  ownerUserId: Id.nullable().optional(),
  ownerContactId: Id.nullable().optional().describe('A contact of the task’s account.'),
};

export const CreateTaskRequest = z.object({
  title: ShortText,
  notes: z.string().max(20_000).nullable().optional(),
  accountId: Id.nullable().optional(),
  ...Owner,
  dueOn: IsoDate.nullable().optional(),
});

export const UpdateTaskRequest = z.object({
  title: ShortText.optional(),
  notes: z.string().max(20_000).nullable().optional(),
  ...Owner,
  dueOn: IsoDate.nullable().optional(),
  snoozedUntil: IsoDate.nullable().optional(),
  status: TaskStatus.optional(),
  version: z.int().positive().optional(),
});

export const ReassignTasksRequest = z.object({
  fromUserId: Id,
  toUserId: Id,
  accountId: Id.optional().describe('Only this account’s tasks.'),
});

export const ReassignTasksResult = z.object({ reassigned: z.int() });

export type TaskStatus = z.infer<typeof TaskStatus>;
export type TaskSource = z.infer<typeof TaskSource>;
export type TaskOwner = z.infer<typeof TaskOwner>;
export type Task = z.infer<typeof Task>;
export type TaskListItem = z.infer<typeof TaskListItem>;
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export type CreateTaskRequest = z.infer<typeof CreateTaskRequest>;
export type UpdateTaskRequest = z.infer<typeof UpdateTaskRequest>;
export type ReassignTasksRequest = z.infer<typeof ReassignTasksRequest>;
export const taskListPage = z.object({ items: z.array(TaskListItem), nextCursor: z.string().nullable() });
