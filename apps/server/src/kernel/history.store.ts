import type { FieldChange, HistoryOperation } from '@liaison/contracts';
import type { Executor } from '../db/client.ts';
import { history } from '../db/schema.ts';
import type { HistoryActor } from './context.ts';

/** The kinds of entity whose changes are kept; each snapshot is the entity as the API shows it. */
export type EntityType =
  | 'account'
  | 'business_profile'
  | 'technical_profile'
  | 'contact'
  | 'team_assignment'
  | 'opportunity'
  | 'activity'
  | 'success_plan'
  | 'objective'
  | 'support_ticket'
  | 'initiative'
  | 'emea_parameter'
  | 'priority_proposal'
  | 'priority_exception'
  | 'workflow_instance'
  | 'workflow_step'
  | 'workflow_comment'
  | 'artefact'
  | 'sign_off'
  | 'task'
  | 'team_meeting'
  | 'user'
  | 'session'
  | 'api_token'
  | 'webhook_endpoint'
  | 'project'
  | 'project_issue'
  | 'project_comment'
  | 'project_attachment'
  | 'customer_user';

// Bookkeeping fields change on every write; they say nothing about the customer.
// `statusChangedAt` follows a status change the history already records.
const ignoredFields = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'accountId',
  'asOf',
  'statusChangedAt',
]);

type Snapshot = Record<string, unknown>;

const sameValue = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

/** Field-level before/after of two snapshots (either may be null for a create or a delete). */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (ignoredFields.has(field)) continue;
    const previous = before?.[field] ?? null;
    const next = after?.[field] ?? null;
    if (!sameValue(previous, next)) changes.push({ field, before: previous, after: next });
  }
  return changes;
}

export interface ChangeRecord {
  accountId: string | null;
  entityType: EntityType;
  entityId: string;
  before: Snapshot | null;
  after: Snapshot | null;
}

/**
 * Writes one history row per change, inside the caller's transaction, so a change and its
 * record commit or vanish together. An update that changes nothing is not recorded.
 */
export async function recordChanges(
  executor: Executor,
  context: { actor: HistoryActor; now: Date; requestId: string | null },
  records: ChangeRecord[],
): Promise<void> {
  const rows = records.flatMap((record) => {
    const operation: HistoryOperation =
      record.before === null ? 'create' : record.after === null ? 'delete' : 'update';
    const changes = diffSnapshots(record.before, record.after);
    if (operation === 'update' && changes.length === 0) return [];
    return [
      {
        accountId: record.accountId,
        entityType: record.entityType,
        entityId: record.entityId,
        operation,
        actorType: context.actor.type,
        actorId: context.actor.id,
        actorName: context.actor.name,
        occurredAt: context.now.toISOString(),
        changes,
        snapshot: record.after,
        requestId: context.requestId,
      },
    ];
  });
  if (rows.length > 0) await executor.insert(history).values(rows);
}
