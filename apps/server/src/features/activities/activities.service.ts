import type { Activity, CreateActivityRequest, UpdateActivityRequest } from '@liaison/contracts';
import { DomainError, type ErrorDetail, notFound } from '@liaison/domain';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestContext } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { contacts, users } from '../../db/schema.ts';
import { decodeCursor, encodeCursor } from '../../http/cursor.ts';
import { checkVersion } from '../../http/versioning.ts';
import {
  type AccountChangedHook,
  noAccountHook,
  requireEditableAccount,
} from '../accounts/account-access.ts';
import { accountsStore } from '../accounts/accounts.store.ts';
import { recordChanges } from '../history/history.recorder.ts';
import { presentActivity } from './activities.presenter.ts';
import { activitiesStore } from './activities.store.ts';

const ActivityCursor = z.object({ occurredAt: z.string(), id: z.uuid() });

/** Attendees must already be known: staff users, and contacts of this account (handbook R20). */
async function checkAttendees(executor: Executor, accountId: string, input: Partial<CreateActivityRequest>) {
  const details: ErrorDetail[] = [];
  const userIds = input.attendees?.userIds ?? [];
  const contactIds = input.attendees?.contactIds ?? [];
  const ownerIds = (input.actionItems ?? [])
    .map((item) => item.ownerUserId)
    .filter((id): id is string => !!id);
  const staffIds = [...new Set([...userIds, ...ownerIds])];
  if (staffIds.length > 0) {
    const found = new Set(
      (await executor.select({ id: users.id }).from(users).where(inArray(users.id, staffIds))).map(
        (row) => row.id,
      ),
    );
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
    const found = new Set(
      (
        await executor
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, contactIds)))
      ).map((row) => row.id),
    );
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

export function createActivitiesService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    async page(
      _context: RequestContext,
      accountId: string,
      query: { kind?: Activity['kind']; from?: string; to?: string; limit: number; cursor?: string },
    ): Promise<{ items: Activity[]; nextCursor: string | null }> {
      if (!(await accountsStore.findById(db, accountId))) throw notFound('Account', accountId);
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

    async create(
      context: RequestContext,
      accountId: string,
      input: CreateActivityRequest,
    ): Promise<Activity> {
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        await checkAttendees(tx, accountId, input);
        const row = await activitiesStore.insert(
          tx,
          accountId,
          {
            kind: input.kind,
            summary: input.summary,
            occurredAt: input.occurredAt ?? context.now.toISOString(),
            notes: input.notes ?? null,
            attendees: input.attendees ?? { userIds: [], contactIds: [] },
            actionItems: input.actionItems ?? [],
            externalIds: input.externalIds ?? {},
            purposes: input.purposes ?? [],
            createdByUserId: context.user.id,
          },
          context.now,
        );
        const activity = presentActivity(row);
        await recordChanges(tx, context, [
          { accountId, entityType: 'activity', entityId: activity.id, before: null, after: activity },
        ]);
        await onAccountChanged(tx, [accountId], context.now);
        return activity;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateActivityRequest,
      version: number,
    ): Promise<Activity> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const current = await activitiesStore.lockById(tx, id);
        if (!current) throw notFound('Activity', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Activity', id, version, current.version);
        await checkAttendees(tx, current.accountId, changes);
        const after = presentActivity(await activitiesStore.update(tx, id, changes, context.now));
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'activity',
            entityId: id,
            before: presentActivity(current),
            after,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await activitiesStore.lockById(tx, id);
        if (!current) throw notFound('Activity', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Activity', id, version, current.version);
        await activitiesStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'activity',
            entityId: id,
            before: presentActivity(current),
            after: null,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
      });
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
