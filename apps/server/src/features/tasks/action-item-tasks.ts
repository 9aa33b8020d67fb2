import type { Activity } from '@liaison/contracts';
import { type ActionItemDraft, planActionItemTasks } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { completion, insertTask, updateTask } from './task-writes.ts';
import { tasksStore } from './tasks.store.ts';

/**
 * The activities feature's hook (docs/tasks.md, Action items): after an activity is written, in
 * its transaction, each action item has one task — created for a new item, following the item's
 * text, owner, due date and done, cancelled when the item (or the activity) is gone.
 */
export async function syncActionItemTasks(
  executor: Executor,
  context: RequestContext,
  change: { accountId: string; activity: Activity; deleted: boolean },
): Promise<void> {
  const { activity } = change;
  const items: ActionItemDraft[] = change.deleted
    ? []
    : activity.actionItems.map((item) => ({
        id: item.id!,
        text: item.text,
        ownerUserId: item.ownerUserId,
        ownerContactId: item.ownerContactId,
        dueDate: item.dueDate,
        done: item.done,
      }));
  const rows = await tasksStore.lockOfActivity(
    executor,
    activity.id,
    change.deleted ? activity.actionItems.flatMap((item) => (item.id ? [item.id] : [])) : [],
  );
  const plan = planActionItemTasks(
    items,
    rows.map((row) => ({
      taskId: row.id,
      actionItemId: row.actionItemId!,
      title: row.title,
      ownerUserId: row.ownerUserId,
      ownerContactId: row.ownerContactId,
      dueOn: row.dueOn,
      status: row.status as 'open' | 'done' | 'cancelled',
    })),
  );
  for (const item of plan.create) {
    const status = item.done ? 'done' : 'open';
    await insertTask(executor, context, {
      accountId: change.accountId,
      title: item.text,
      notes: null,
      ownerUserId: item.ownerUserId,
      ownerContactId: item.ownerContactId,
      dueOn: item.dueDate,
      status,
      source: 'action_item',
      activityId: activity.id,
      actionItemId: item.id,
      createdBy: context.user.id,
      createdByName: context.user.name,
      ...completion(context, status),
    });
  }
  const byItem = new Map(rows.map((row) => [row.actionItemId, row]));
  for (const item of plan.update) {
    const current = byItem.get(item.id)!;
    const status = item.done ? 'done' : 'open';
    await updateTask(executor, context, current.id, {
      title: item.text,
      ownerUserId: item.ownerUserId,
      ownerContactId: item.ownerContactId,
      dueOn: item.dueDate,
      status,
      ...completion(context, status, current),
    });
  }
  for (const taskId of plan.cancel) await updateTask(executor, context, taskId, { status: 'cancelled' });
}
