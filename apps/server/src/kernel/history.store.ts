import type { FieldChange, HistoryOperation } from '@liaison/contracts';
import { sql } from 'drizzle-orm';
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

export interface ChangeContext {
  actor: HistoryActor;
  now: Date;
  requestId: string | null;
}

/** The history rows of some changes: one per change; an update that changes nothing has none. */
export function historyRows(
  context: ChangeContext,
  records: ChangeRecord[],
): (typeof history.$inferInsert)[] {
  return records.flatMap((record) => {
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
}

/**
 * Writes one history row per change, inside the caller's transaction, so a change and its
 * record commit or vanish together. An update that changes nothing is not recorded.
 */
export async function recordChanges(
  executor: Executor,
  context: ChangeContext,
  records: ChangeRecord[],
): Promise<void> {
  const rows = historyRows(context, records);
  if (rows.length === 0) return;
  await executor.insert(history).values(rows);
  // A person's change may turn the account's health, whose event the database writes (a trigger
  // on the assessment, docs/notifications.md): it reads who acted from the transaction.
  // Once per transaction: a write records several changes, all by the same person.
  if (!PERSON_ACTORS.has(context.actor.type) || !context.actor.id || named.has(executor)) return;
  named.add(executor);
  await executor.execute(
    sql`SELECT set_config('liaison.actor', ${JSON.stringify({ id: context.actor.id, name: context.actor.name })}, true)`,
  );
}

/** The transactions that already carry their person (each write has its own transaction object). */
const named = new WeakSet<Executor>();

/** Actors who are people: a staff user (signed in or by token) or a customer's contact. */
const PERSON_ACTORS: ReadonlySet<HistoryActor['type']> = new Set(['user', 'api_token', 'contact']);
