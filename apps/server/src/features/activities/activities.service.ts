import type { Activity, CreateActivityRequest, UpdateActivityRequest } from '@liaison/contracts';
import { DomainError, type ErrorDetail, notFound } from '@liaison/domain';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { type AccountChangedHook, noAccountHook, requireAccount } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { presentActivity } from './activities.presenter.ts';
import { activitiesStore, type NewActivity } from './activities.store.ts';

const ActivityCursor = z.object({ occurredAt: z.string(), id: z.uuid() });

/**
 * Attendees must already be known: staff users, and contacts of this account (docs/glossary.md,
 * Activity).
 */
async function checkAttendees(executor: Executor, accountId: string, input: Partial<CreateActivityRequest>) {
  const details: ErrorDetail[] = [];
  const userIds = input.attendees?.userIds ?? [];
  const contactIds = input.attendees?.contactIds ?? [];
  const ownerIds = (input.actionItems ?? [])
    .map((item) => item.ownerUserId)
    .filter((id): id is string => !!id);
  const staffIds = [...new Set([...userIds, ...ownerIds])];
  if (staffIds.length > 0) {
    const found = await referencesStore.existingUserIds(executor, staffIds);
    for (const [index, id] of userIds.entries()) {
      if (!found.has(id)) details.push({ path: `body.attendees.userIds.${index}`, message: 'is not a user' });
    }
    for (const [index, item] of (input.actionItems ?? []).entries()) {
      if (item.ownerUserId && !found.has(item.ownerUserId)) {
        details.push({ path: `body.actionItems.${index}.ownerUserId`, message: 'is not a user' });
      }
    }
  }
  if (contactIds.length > 0) {
    const found = await referencesStore.contactIdsOfAccount(executor, accountId, contactIds);
    for (const [index, id] of contactIds.entries()) {
      if (!found.has(id)) {
        details.push({
          path: `body.attendees.contactIds.${index}`,
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

/**
 * The timeline: an account's activities behave as every record an account owns (one
 * transaction that locks the account, checks who may edit and the version, writes, records the
 * history and reassesses — an activity is the playbook's cadence input); on top of that the
 * timeline pages newest first and attendees must be known people.
 */
export function createActivitiesService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
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
  });
  return {
    create: owned.create,
    update: owned.update,
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
