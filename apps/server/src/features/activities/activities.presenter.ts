import type { Activity, ActivityKind } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { ActivityRow } from './activities.store.ts';

export function presentActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    kind: row.kind as ActivityKind,
    occurredAt: toIso(row.occurredAt),
    summary: row.summary,
    notes: row.notes,
    attendees: row.attendees as Activity['attendees'],
    // Items written before action items could be owned by a contact have no such field.
    actionItems: (row.actionItems as Activity['actionItems']).map((item) => ({
      ...item,
      ownerContactId: item.ownerContactId ?? null,
    })),
    externalIds: row.externalIds as Record<string, string>,
    createdByUserId: row.createdByUserId,
    purposes: row.purposes as Activity['purposes'],
  };
}
