import { DomainError, type ErrorDetail } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordEvent } from '../../kernel/events.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { taskSnapshot } from './tasks.presenter.ts';
import { type TaskInsert, type TaskPatch, type TaskRow, type TaskView, tasksStore } from './tasks.store.ts';

export const today = (now: Date) => now.toISOString().slice(0, 10);

/** The owner a write names must exist: a user, or a contact of the task's account. */
export async function checkOwner(
  executor: Executor,
  accountId: string | null,
  owner: { ownerUserId?: string | null | undefined; ownerContactId?: string | null | undefined },
  path = 'body',
): Promise<void> {
  const details: ErrorDetail[] = [];
  if (owner.ownerUserId && owner.ownerContactId)
    details.push({
      path: `${path}.ownerContactId`,
      message: 'a task has one owner: a staff member or a contact',
    });
  if (owner.ownerUserId) {
    const found = await referencesStore.existingUserIds(executor, [owner.ownerUserId]);
    if (!found.has(owner.ownerUserId))
      details.push({ path: `${path}.ownerUserId`, message: 'is not a user' });
  }
  if (owner.ownerContactId) {
    const found = accountId
      ? await referencesStore.contactIdsOfAccount(executor, accountId, [owner.ownerContactId])
      : new Set<string>();
    if (!found.has(owner.ownerContactId))
      details.push({
        path: `${path}.ownerContactId`,
        message: accountId
          ? 'is not a contact of this account'
          : 'a contact owns only a task on their account',
      });
  }
  if (details.length > 0)
    throw new DomainError(
      'INVALID_REFERENCE',
      details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
    );
}

/** Done and reopened tasks carry who completed them and when. */
export function completion(
  context: RequestContext,
  status: string | undefined,
  current?: TaskRow,
): TaskPatch {
  if (status === undefined || status === current?.status) return {};
  if (status === 'done')
    return {
      completedAt: context.now.toISOString(),
      completedBy: context.user.id,
      completedByName: context.user.name,
    };
  return { completedAt: null, completedBy: null, completedByName: null };
}

/** Inserts a task and records it in the history, in the caller's transaction. */
export async function insertTask(executor: Executor, context: RequestContext, values: TaskInsert) {
  const row = await tasksStore.insert(executor, values, context.now);
  const view = (await tasksStore.view(executor, row.id))!;
  await recordChanges(executor, context, [
    {
      accountId: row.accountId,
      entityType: 'task',
      entityId: row.id,
      before: null,
      after: taskSnapshot(view, today(context.now)),
    },
  ]);
  await announceAssignment(executor, context, view, null);
  return view;
}

/** Updates a locked task and records the change in the history, in the caller's transaction. */
export async function updateTask(executor: Executor, context: RequestContext, id: string, patch: TaskPatch) {
  const day = today(context.now);
  const before = (await tasksStore.view(executor, id))!;
  await tasksStore.update(executor, id, patch, context.now);
  const after = (await tasksStore.view(executor, id))!;
  await recordChanges(executor, context, [
    {
      accountId: after.accountId,
      entityType: 'task',
      entityId: id,
      before: taskSnapshot(before, day),
      after: taskSnapshot(after, day),
    },
  ]);
  await announceAssignment(executor, context, after, before.ownerUserId);
  return after;
}

/**
 * A task given to someone other than the person giving it is news to them (docs/messages.md):
 * an event in the write's transaction. Taking a task oneself, or keeping its owner, is not.
 */
async function announceAssignment(
  executor: Executor,
  context: RequestContext,
  task: TaskView,
  previousOwner: string | null,
): Promise<void> {
  const owner = task.ownerUserId;
  if (!owner || owner === previousOwner || owner === context.user.id || task.status !== 'open') return;
  const account = task.accountId && task.accountName ? { id: task.accountId, name: task.accountName } : null;
  await recordEvent(executor, {
    type: 'task.assigned',
    now: context.now,
    account,
    actor: { id: context.user.id, name: context.user.name },
    title: `${context.user.name} gave you a task: ${task.title}`,
    summary: [account ? `On ${account.name}.` : null, task.dueOn ? `Due ${task.dueOn}.` : 'No due date.']
      .filter(Boolean)
      .join(' '),
    link: account ? `/accounts/${account.id}?tab=tasks` : '/week',
    recipientIds: [owner],
    data: { taskId: task.id, dueOn: task.dueOn },
  });
}
