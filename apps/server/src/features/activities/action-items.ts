import type { ActionItem } from '@liaison/contracts';
import type { Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { presentActivity } from './activities.presenter.ts';
import { activitiesStore } from './activities.store.ts';

export type ActionItemPatch = Partial<
  Pick<ActionItem, 'text' | 'ownerUserId' | 'ownerContactId' | 'dueDate' | 'done'>
>;

/**
 * A task of an action item changed on the task list (ticked off, given another owner or day):
 * the activity's item follows in the caller's transaction, with its own history row, so the
 * account's timeline says the same as the list (docs/tasks.md, Action items). The caller has
 * locked the account already (the one lock order, docs/security.md). An item or activity that is
 * gone changes nothing.
 */
export async function changeActionItem(
  executor: Executor,
  context: RequestContext,
  activityId: string,
  itemId: string,
  patch: ActionItemPatch,
): Promise<void> {
  const row = await activitiesStore.lockById(executor, activityId);
  if (!row) return;
  const before = presentActivity(row);
  if (!before.actionItems.some((item) => item.id === itemId)) return;
  const actionItems = before.actionItems.map((item) => (item.id === itemId ? { ...item, ...patch } : item));
  const after = presentActivity(
    await activitiesStore.update(executor, activityId, { actionItems }, context.now),
  );
  await recordChanges(executor, context, [
    { accountId: row.accountId, entityType: 'activity', entityId: activityId, before, after },
  ]);
}
