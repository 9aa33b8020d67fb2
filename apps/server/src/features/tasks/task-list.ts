import type { StepListItem, TaskListItem, TaskListQuery, WorkItem } from '@liaison/contracts';
import { attentionDay, compareWork, LAST_DAY } from '@liaison/domain';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { today } from './task-writes.ts';
import { obligationItem, presentTask, stepItem, taskItem } from './tasks.presenter.ts';
import { pageTasks } from './tasks.read-model.ts';

/** Where the list reads what it does not store: journey steps and the playbook's obligations. */
export interface TaskListSources {
  openSteps(context: RequestContext, userId: string, accountId: string | undefined): Promise<StepListItem[]>;
  worklist(
    context: RequestContext,
    userId: string,
  ): Promise<{ owner: { id: string; name: string }; items: WorkItem[] }>;
  /** Customers waiting for an answer and the upgrade's project check (docs/projects.md). */
  projectWork?(
    context: RequestContext,
    userId: string,
    accountId: string | undefined,
  ): Promise<TaskListItem[]>;
}

const ListCursor = z.object({ day: z.iso.date(), key: z.string().max(200) });

const dayOf = (item: TaskListItem, day: string) =>
  attentionDay({ key: item.key, dueOn: item.dueOn, snoozedUntil: item.snoozedUntil }, day) ?? LAST_DAY;

/**
 * The list (docs/tasks.md, One list): stored tasks paged in SQL; for one person's open work, the
 * workflow steps they are responsible for and the obligations on their worklist merged in, in
 * one order, without being copied into tasks.
 */
export async function taskList(
  db: Database,
  sources: TaskListSources,
  context: RequestContext,
  query: TaskListQuery,
  /** `obligations: false`: a caller that shows the worklist beside the list (the homes). */
  options: { obligations?: boolean } = {},
): Promise<{ items: TaskListItem[]; nextCursor: string | null }> {
  const day = today(context.now);
  const after = decodeCursor(query.cursor, ListCursor);
  const ownerUserId =
    query.owner === 'me' ? context.user.id : query.owner === 'unassigned' ? undefined : query.owner;
  const status = query.status ?? 'open';
  const stored = await pageTasks(db, {
    ownerUserId,
    unassigned: query.owner === 'unassigned',
    ownerContactId: query.contactId,
    accountId: query.accountId,
    status,
    dueBefore: query.dueBefore,
    dueAfter: query.dueAfter,
    source: query.source,
    after,
    limit: query.limit + 1,
    today: day,
  });
  const items = stored.map((view) => taskItem(presentTask(view, day)));
  // Steps and obligations are one person's open work: they join a list of that person's open items.
  const joins = ownerUserId && status === 'open' && !query.contactId;
  if (joins && (!query.source || query.source === 'workflow_step'))
    items.push(...(await sources.openSteps(context, ownerUserId, query.accountId)).map(stepItem));
  if (joins && options.obligations !== false && (!query.source || query.source === 'obligation')) {
    const worklist = await sources.worklist(context, ownerUserId);
    items.push(
      ...worklist.items
        .filter((entry) => !query.accountId || entry.accountId === query.accountId)
        .map((entry) => obligationItem(entry, worklist.owner)),
    );
  }
  const projectSources = ['customer_response', 'project_check'];
  if (joins && sources.projectWork && (!query.source || projectSources.includes(query.source)))
    items.push(
      ...(await sources.projectWork(context, ownerUserId, query.accountId)).filter(
        (item) => !query.source || item.source === query.source,
      ),
    );
  const kept = items.filter((item) => {
    if (item.task) return true; // filtered in SQL
    if (query.dueBefore && (!item.dueOn || item.dueOn > query.dueBefore)) return false;
    if (query.dueAfter && (!item.dueOn || item.dueOn < query.dueAfter)) return false;
    if (!after) return true;
    const itemDay = dayOf(item, day);
    return itemDay > after.day || (itemDay === after.day && item.key > after.key);
  });
  const work = (item: TaskListItem) => ({
    key: item.key,
    dueOn: item.dueOn,
    snoozedUntil: item.snoozedUntil,
  });
  kept.sort((left, right) => compareWork(work(left), work(right), day));
  const page = kept.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor:
      kept.length > query.limit && last ? encodeCursor({ day: dayOf(last, day), key: last.key }) : null,
  };
}
