import type { TaskListItem } from '@liaison/contracts';
import { dayOf } from './format.ts';

/** Task sources as the lists name them: an action item keeps its name, a hand-made one is a task. */
export const taskSourceLabels: Record<string, string> = {
  manual: 'Task',
  action_item: 'Action item',
  meeting: 'Meeting',
  workflow_step: 'Journey step',
  obligation: 'Obligation',
  customer_response: 'Customer waiting',
  project_check: 'Project check',
};

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface SnoozeChoice {
  label: string;
  day: string;
}

/**
 * The quick snoozes offered for a task, as UTC days (the server's day): tomorrow, the next
 * Monday (a week on when today is Monday, since a snooze must end after today) and a week on.
 */
export function snoozeChoices(today: Date | string = new Date()): SnoozeChoice[] {
  const day = dayOf(today);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const toMonday = (8 - weekday) % 7 || 7;
  return [
    { label: 'Tomorrow', day: addDays(day, 1) },
    { label: 'Next Monday', day: addDays(day, toMonday) },
    { label: 'In a week', day: addDays(day, 7) },
  ];
}

/** The first day a picked snooze may end on (the server refuses today or earlier). */
export const firstSnoozeDay = (today: Date | string = new Date()) => addDays(dayOf(today), 1);

/** Stored tasks only: steps and obligations have their own cards on My week. */
export const storedTasks = (items: TaskListItem[]) =>
  items.filter(
    (item): item is TaskListItem & { task: NonNullable<TaskListItem['task']> } => item.task !== null,
  );

/** Who owns a task, said only when it is not the reader (their own list needs no name). */
export function ownerText(item: Pick<TaskListItem, 'owner'>, meId?: string): string | null {
  if (!item.owner) return 'Unassigned';
  if (item.owner.kind === 'staff' && item.owner.userId === meId) return null;
  return item.owner.name;
}

/** Done tasks, the most recently done first (the list serves them by due day). */
export function recentlyDone<T extends { task: { completedAt: string | null } }>(items: T[]): T[] {
  return [...items].sort((left, right) =>
    (right.task.completedAt ?? '').localeCompare(left.task.completedAt ?? ''),
  );
}
