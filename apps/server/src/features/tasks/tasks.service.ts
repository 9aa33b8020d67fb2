import type { CreateTaskRequest, ReassignTasksRequest, Task, UpdateTaskRequest } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import { isTeamMember, lockAccount, requireEditableAccount } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { type ActionItemPatch, changeActionItem } from '../activities/index.ts';
import { type TaskListSources, taskList } from './task-list.ts';
import { checkOwner, completion, insertTask, today, updateTask } from './task-writes.ts';
import { presentTask } from './tasks.presenter.ts';
import { type TaskPatch, type TaskRow, tasksStore } from './tasks.store.ts';

/**
 * Who may change a task: its owner and whoever made it; on an account, also whoever may edit the
 * account (its team, TAM managers, admins); without one, admins (docs/tasks.md, Who may change).
 */
async function mayChange(executor: Executor, context: RequestContext, task: TaskRow): Promise<boolean> {
  if (!policies.makeTasks(context.user)) return false;
  if (task.ownerUserId === context.user.id || task.createdBy === context.user.id) return true;
  if (task.accountId)
    return policies.editAccount(context.user, await isTeamMember(executor, context, task.accountId));
  return policies.manageUsers(context.user);
}

/** The fields of an action item that follow its task when the task changes on the list. */
function itemPatch(patch: TaskPatch): ActionItemPatch {
  const item: ActionItemPatch = {};
  if (patch.title !== undefined) item.text = patch.title;
  if (patch.ownerUserId !== undefined) item.ownerUserId = patch.ownerUserId;
  if (patch.ownerContactId !== undefined) item.ownerContactId = patch.ownerContactId;
  if (patch.dueOn !== undefined) item.dueDate = patch.dueOn;
  if (patch.status !== undefined) item.done = patch.status === 'done';
  return item;
}

/** One task list (docs/tasks.md): tasks made by hand and action items, with their history. */
export function createTasksService(db: Database, sources: TaskListSources) {
  /** Locks the task's account (the one lock order), then the task; checks who and the version. */
  async function lockTask(executor: Executor, context: RequestContext, id: string, version: number) {
    const seen = await tasksStore.findById(executor, id);
    if (!seen) throw notFound('Task', id);
    if (seen.accountId) await lockAccount(executor, seen.accountId);
    const current = await tasksStore.lockById(executor, id);
    if (!current || current.accountId !== seen.accountId) throw notFound('Task', id);
    authorize(
      await mayChange(executor, context, current),
      'Only the task’s owner, whoever made it and those who may edit its account can change it.',
    );
    checkVersion('Task', id, version, current.version);
    return current;
  }

  return {
    list: (
      context: RequestContext,
      query: Parameters<typeof taskList>[3],
      options?: Parameters<typeof taskList>[4],
    ) => taskList(db, sources, context, query, options),

    async get(context: RequestContext, id: string): Promise<Task> {
      const view = await tasksStore.view(db, id);
      if (!view) throw notFound('Task', id);
      return presentTask(view, today(context.now));
    },

    async create(context: RequestContext, input: CreateTaskRequest): Promise<Task> {
      authorize(policies.makeTasks(context.user), 'Viewers read; they do not make tasks.');
      return db.transaction(async (executor) => {
        const accountId = input.accountId ?? null;
        if (accountId) await requireEditableAccount(executor, context, accountId);
        // Unsaid, the owner is whoever makes it; null leaves it for someone to take.
        const ownerUserId =
          input.ownerUserId !== undefined ? input.ownerUserId : input.ownerContactId ? null : context.user.id;
        const owner = { ownerUserId, ownerContactId: input.ownerContactId ?? null };
        await checkOwner(executor, accountId, owner);
        const view = await insertTask(executor, context, {
          accountId,
          title: input.title,
          notes: input.notes ?? null,
          ...owner,
          dueOn: input.dueOn ?? null,
          status: 'open',
          source: 'manual',
          createdBy: context.user.id,
          createdByName: context.user.name,
        });
        return presentTask(view, today(context.now));
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateTaskRequest,
      version: number,
    ): Promise<Task> {
      return db.transaction(async (executor) => {
        const current = await lockTask(executor, context, id, version);
        if (current.actionItemId && input.status === 'cancelled')
          throw new DomainError(
            'INVALID_STATE',
            'This task is an action item of an activity: remove the item from the activity to drop it.',
          );
        if (input.snoozedUntil && input.snoozedUntil <= today(context.now))
          throw new DomainError('VALIDATION_FAILED', 'Snooze to a day after today.', [
            { path: 'body.snoozedUntil', message: 'must be after today' },
          ]);
        const patch: TaskPatch = {};
        for (const field of ['title', 'notes', 'dueOn', 'snoozedUntil', 'status'] as const)
          if (input[field] !== undefined) Object.assign(patch, { [field]: input[field] });
        // One owner at a time: naming a person clears the contact, and the other way round.
        if (input.ownerUserId !== undefined || input.ownerContactId !== undefined) {
          patch.ownerUserId = input.ownerUserId ?? null;
          patch.ownerContactId = input.ownerContactId ?? null;
          await checkOwner(executor, current.accountId, patch);
        }
        Object.assign(patch, completion(context, input.status, current));
        if (current.activityId && current.actionItemId) {
          const item = itemPatch(patch);
          if (Object.keys(item).length > 0)
            await changeActionItem(executor, context, current.activityId, current.actionItemId, item);
        }
        return presentTask(await updateTask(executor, context, id, patch), today(context.now));
      });
    },

    /** Someone leaves or changes job: their open tasks (on one account, or all) go to another. */
    async reassign(context: RequestContext, input: ReassignTasksRequest): Promise<{ reassigned: number }> {
      authorize(policies.manageTeam(context.user), 'Only TAM managers and admins reassign someone’s tasks.');
      return db.transaction(async (executor) => {
        await checkOwner(executor, null, { ownerUserId: input.toUserId }, 'body.toUserId');
        // Accounts first, then the tasks (the one lock order, docs/security.md, Concurrency).
        const seen = await tasksStore.openOfOwner(executor, input.fromUserId, input.accountId, false);
        const accounts = [
          ...new Set(seen.map((task) => task.accountId).filter((id): id is string => !!id)),
        ].sort();
        for (const accountId of accounts) await lockAccount(executor, accountId);
        const locked = await tasksStore.openOfOwner(executor, input.fromUserId, input.accountId, true);
        for (const task of locked) {
          if (task.activityId && task.actionItemId)
            await changeActionItem(executor, context, task.activityId, task.actionItemId, {
              ownerUserId: input.toUserId,
              ownerContactId: null,
            });
          await updateTask(executor, context, task.id, { ownerUserId: input.toUserId, ownerContactId: null });
        }
        return { reassigned: locked.length };
      });
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
