import { randomUUID } from 'node:crypto';
import type { ActionItem, Activity, CreateActivityRequest, UpdateActivityRequest } from '@liaison/contracts';
import { DomainError, type ErrorDetail, notFound } from '@liaison/domain';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { type AccountChangedHook, noAccountHook, requireAccount } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { createOwnedRecordService, type WriteOptions } from '../../kernel/owned-records.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { presentActivity } from './activities.presenter.ts';
import { activitiesStore, type NewActivity } from './activities.store.ts';

/**
 * Called in the transaction of every write of an activity with action items (before or after):
 * the tasks feature keeps one task per item (docs/tasks.md). Wired by the composition root.
 */
export type ActionItemsHook = (
  executor: Executor,
  context: RequestContext,
  change: { accountId: string; activity: Activity; deleted: boolean },
) => Promise<void>;

const ActivityCursor = z.object({ occurredAt: z.string(), id: z.uuid() });

/**
 * Attendees and action-item owners must already be known: staff users, and contacts of this
 * account (docs/glossary.md, Activity; docs/tasks.md, Action items).
 */
async function checkAttendees(executor: Executor, accountId: string, input: Partial<CreateActivityRequest>) {
  const details: ErrorDetail[] = [];
  const items = input.actionItems ?? [];
  const userIds = input.attendees?.userIds ?? [];
  const contactIds = input.attendees?.contactIds ?? [];
  const ownerIds = items.map((item) => item.ownerUserId).filter((id): id is string => !!id);
  const ownerContactIds = items.map((item) => item.ownerContactId).filter((id): id is string => !!id);
  const seenItems = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (!item.id) continue;
    if (seenItems.has(item.id))
      details.push({ path: `body.actionItems.${index}.id`, message: 'is repeated' });
    seenItems.add(item.id);
  }
  const staffIds = [...new Set([...userIds, ...ownerIds])];
  if (staffIds.length > 0) {
    const found = await referencesStore.existingUserIds(executor, staffIds);
    for (const [index, id] of userIds.entries()) {
      if (!found.has(id)) details.push({ path: `body.attendees.userIds.${index}`, message: 'is not a user' });
    }
    for (const [index, item] of items.entries()) {
      if (item.ownerUserId && !found.has(item.ownerUserId)) {
        details.push({ path: `body.actionItems.${index}.ownerUserId`, message: 'is not a user' });
      }
    }
  }
  const allContactIds = [...new Set([...contactIds, ...ownerContactIds])];
  if (allContactIds.length > 0) {
    const found = await referencesStore.contactIdsOfAccount(executor, accountId, allContactIds);
    for (const [index, id] of contactIds.entries()) {
      if (!found.has(id)) {
        details.push({
          path: `body.attendees.contactIds.${index}`,
          message: 'is not a contact of this account',
        });
      }
    }
    for (const [index, item] of items.entries()) {
      if (item.ownerContactId && !found.has(item.ownerContactId)) {
        details.push({
          path: `body.actionItems.${index}.ownerContactId`,
          message: 'is not a contact of this account',
        });
      }
    }
  }
  if (details.length > 0) {
    throw new DomainError(
      'INVALID_REFERENCE',
      details.map((d) => `${d.path}: ${d.message}`).join('; '),
      details,
    );
  }
}

/** Every action item carries an id from its first write on: its task is matched by it. */
function withItemIds<T extends { actionItems?: ActionItem[] | undefined }>(input: T): T {
  if (!input.actionItems) return input;
  return {
    ...input,
    actionItems: input.actionItems.map((item) => ({ ...item, id: item.id ?? randomUUID() })),
  };
}

/**
 * The timeline: an account's activities behave as every record an account owns (one
 * transaction that locks the account, checks who may edit and the version, writes, records the
 * history and reassesses — an activity is the playbook's cadence input); on top of that the
 * timeline pages newest first and attendees must be known people.
 */
export function createActivitiesService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook; onActionItems?: ActionItemsHook } = {},
) {
  const owned = createOwnedRecordService(db, {
    entityType: 'activity',
    label: 'Activity',
    store: activitiesStore,
    present: presentActivity,
    onAccountChanged: options.onAccountChanged ?? noAccountHook,
    prepareInsert: ({ context }, input: NewActivity) => ({ ...input, createdByUserId: context.user.id }),
    checkCreate: ({ executor, account }, input) => checkAttendees(executor, account.id, input),
    checkUpdate: ({ executor }, current, changes: UpdateActivityRequest) =>
      checkAttendees(executor, current.accountId, changes),
    // The action items' tasks follow the activity in the same transaction (docs/tasks.md).
    afterWrite: async ({ executor, context, account }, before, after) => {
      if (options.onActionItems && (before?.actionItems.length || after?.actionItems.length))
        await options.onActionItems(executor, context, {
          accountId: account.id,
          activity: after ?? before!,
          deleted: after === null,
        });
    },
  });
  return {
    create: (
      context: RequestContext,
      accountId: string,
      input: CreateActivityRequest,
      options: WriteOptions = {},
    ) => owned.create(context, accountId, withItemIds(input), options),
    update: (
      context: RequestContext,
      id: string,
      input: UpdateActivityRequest & { version?: number | undefined },
      version: number,
    ) => owned.update(context, id, withItemIds(input), version),
    delete: owned.delete,

    async page(
      _context: RequestContext,
      accountId: string,
      query: { kind?: Activity['kind']; from?: string; to?: string; limit: number; cursor?: string },
    ): Promise<{ items: Activity[]; nextCursor: string | null }> {
      await requireAccount(db, accountId);
      const after = decodeCursor(query.cursor, ActivityCursor);
      const rows = await activitiesStore.pageByAccount(db, accountId, {
        ...query,
        after,
        limit: query.limit + 1,
      });
      const items = rows.slice(0, query.limit).map(presentActivity);
      const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
      return { items, nextCursor: last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null };
    },

    async get(_context: RequestContext, id: string): Promise<Activity> {
      const row = await activitiesStore.findById(db, id);
      if (!row) throw notFound('Activity', id);
      return presentActivity(row);
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
