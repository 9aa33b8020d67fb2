// One task list (docs/tasks.md): what a person owes, wherever it comes from. Tasks created by hand
// and the action items of logged activities are rows of their own; workflow steps and
// obligations are read where they live and shown on the same list, never copied.

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Where a task comes from. `workflow_step`, `obligation` and the projects' items are not stored
 * as tasks: `customer_response` is a customer's post waiting for an answer, `project_check` seed
 * 001's "confirm the collaboration project" after an upgrade (docs/projects.md).
 */
export const TASK_SOURCES = [
  'manual',
  'action_item',
  'meeting',
  'workflow_step',
  'obligation',
  'customer_response',
  'project_check',
] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

/** The sources stored as task rows (the others are read from their own records). */
export const STORED_TASK_SOURCES = [
  'manual',
  'action_item',
  'meeting',
] as const satisfies readonly TaskSource[];

export interface DatedWork {
  dueOn: string | null;
  /** A snoozed item comes back on this day; until then it sorts as if due then. */
  snoozedUntil?: string | null;
  /** A stable tie-breaker (the item's id). */
  key: string;
}

/** The day an item asks for attention: the end of its snooze while snoozed, else its due date. */
export function attentionDay(item: DatedWork, today: string): string | null {
  return isSnoozed(item, today) ? item.snoozedUntil! : item.dueOn;
}

/** Overdue: due before today and not snoozed past today. Days are ISO dates (YYYY-MM-DD). */
export function isOverdue(item: DatedWork, today: string): boolean {
  if (!item.dueOn || item.dueOn >= today) return false;
  return !(item.snoozedUntil && item.snoozedUntil > today);
}

/** Snoozed: put off to a day after today. */
export function isSnoozed(item: DatedWork, today: string): boolean {
  return !!item.snoozedUntil && item.snoozedUntil > today;
}

/** The sort key of the list (undated last): the server's SQL orders stored tasks the same way. */
export const LAST_DAY = '9999-12-31';

/**
 * My week's order: by the day an item asks for attention, so overdue items come first (oldest
 * first), then today's and later ones, undated last; a snoozed item sorts on the day it comes back.
 */
export function compareWork(left: DatedWork, right: DatedWork, today: string): number {
  const leftDay = attentionDay(left, today) ?? LAST_DAY;
  const rightDay = attentionDay(right, today) ?? LAST_DAY;
  if (leftDay !== rightDay) return leftDay < rightDay ? -1 : 1;
  return left.key < right.key ? -1 : left.key > right.key ? 1 : 0;
}

export interface ActionItemDraft {
  id: string;
  text: string;
  ownerUserId: string | null;
  ownerContactId: string | null;
  dueDate: string | null;
  done: boolean;
}

export interface ActionItemTaskPlan {
  /** Items with no task yet. */
  create: ActionItemDraft[];
  /** Items whose task must follow a change of text, owner, due date or done. */
  update: ActionItemDraft[];
  /** Task ids whose item left the activity: cancelled, kept in the history. */
  cancel: string[];
}

export interface ActionItemTaskState {
  taskId: string;
  actionItemId: string;
  title: string;
  ownerUserId: string | null;
  ownerContactId: string | null;
  dueOn: string | null;
  status: TaskStatus;
}

/**
 * What keeps an activity's action items and their tasks in step after the activity is written:
 * one task per item, matched by the item's id (docs/tasks.md, Action items).
 */
export function planActionItemTasks(
  items: readonly ActionItemDraft[],
  tasks: readonly ActionItemTaskState[],
): ActionItemTaskPlan {
  const byItem = new Map(tasks.map((task) => [task.actionItemId, task]));
  const plan: ActionItemTaskPlan = { create: [], update: [], cancel: [] };
  for (const item of items) {
    const task = byItem.get(item.id);
    if (!task) {
      plan.create.push(item);
      continue;
    }
    byItem.delete(item.id);
    const status: TaskStatus = item.done ? 'done' : 'open';
    if (
      task.title !== item.text ||
      task.ownerUserId !== item.ownerUserId ||
      task.ownerContactId !== item.ownerContactId ||
      task.dueOn !== item.dueDate ||
      task.status !== status
    ) {
      plan.update.push(item);
    }
  }
  for (const task of byItem.values()) if (task.status !== 'cancelled') plan.cancel.push(task.taskId);
  return plan;
}
