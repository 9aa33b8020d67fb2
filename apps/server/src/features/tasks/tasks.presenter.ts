import type { StepListItem, Task, TaskListItem, TaskOwner, WorkItem } from '@liaison/contracts';
import { isOverdue, OBLIGATION_LABELS, type ObligationKind } from '@liaison/domain';
import type { TaskView } from './tasks.store.ts';

function ownerOf(view: TaskView): TaskOwner | null {
  if (view.ownerUserId)
    return { kind: 'staff', userId: view.ownerUserId, contactId: null, name: view.ownerName ?? '' };
  if (view.ownerContactId)
    return { kind: 'contact', userId: null, contactId: view.ownerContactId, name: view.ownerName ?? '' };
  return null;
}

export function presentTask(view: TaskView, today: string): Task {
  return {
    id: view.id,
    version: view.version,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    accountId: view.accountId,
    accountName: view.accountName,
    title: view.title,
    notes: view.notes,
    owner: ownerOf(view),
    dueOn: view.dueOn,
    snoozedUntil: view.snoozedUntil,
    status: view.status as Task['status'],
    overdue:
      view.status === 'open' &&
      isOverdue({ key: view.id, dueOn: view.dueOn, snoozedUntil: view.snoozedUntil }, today),
    source: view.source as Task['source'],
    activityId: view.activityId,
    actionItemId: view.actionItemId,
    completedAt: view.completedAt,
    completedBy: view.completedByName,
    createdBy: view.createdByName,
  };
}

/** What the history keeps of a task: the task as the API shows it, without the day-relative flag. */
export function taskSnapshot(view: TaskView, today: string) {
  const { overdue: _overdue, ...snapshot } = presentTask(view, today);
  return snapshot;
}

export function taskItem(task: Task): TaskListItem {
  return {
    key: `task:${task.id}`,
    source: task.source,
    title: task.title,
    accountId: task.accountId,
    accountName: task.accountName,
    owner: task.owner,
    dueOn: task.dueOn,
    snoozedUntil: task.snoozedUntil,
    status: task.status,
    overdue: task.overdue,
    task,
    workflowStepId: null,
    workflowId: null,
    obligationKind: null,
  };
}

export function stepItem(step: StepListItem): TaskListItem {
  return {
    key: `step:${step.id}`,
    source: 'workflow_step',
    title: step.activity,
    accountId: step.accountId,
    accountName: step.accountName,
    owner: step.responsible
      ? { kind: 'staff', userId: step.responsible.userId, contactId: null, name: step.responsible.name }
      : null,
    dueOn: step.dueOn,
    snoozedUntil: null,
    status: 'open',
    overdue: step.overdue,
    task: null,
    workflowStepId: step.id,
    workflowId: step.workflowId,
    obligationKind: null,
  };
}

export function obligationItem(entry: WorkItem, owner: { id: string; name: string }): TaskListItem {
  const title = OBLIGATION_LABELS[entry.kind as ObligationKind] ?? entry.kind.replaceAll('_', ' ');
  return {
    key: `obligation:${entry.accountId}:${entry.kind}`,
    source: 'obligation',
    title,
    accountId: entry.accountId,
    accountName: entry.accountName,
    owner: { kind: 'staff', userId: owner.id, contactId: null, name: owner.name },
    dueOn: entry.dueDate,
    snoozedUntil: null,
    status: 'open',
    overdue: entry.status === 'overdue',
    task: null,
    workflowStepId: null,
    workflowId: null,
    obligationKind: entry.kind,
  };
}
