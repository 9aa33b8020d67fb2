import type { history } from '../db/schema.ts';
import type { HistoryActor } from '../kernel/context.ts';
import { type ChangeRecord, diffSnapshots, type EntityType, historyRows } from '../kernel/history.store.ts';

type Snapshot = Record<string, unknown>;
export type HistoryRow = typeof history.$inferInsert;

/** One state of an entity: its fields after a change made by `actor` at `at`. */
export interface Version<F> {
  at: Date;
  actor: HistoryActor;
  fields: F;
}

export interface RowMeta {
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface PendingChange {
  at: Date;
  actor: HistoryActor;
  record: ChangeRecord;
  sequence: number;
}

/**
 * The demo's changes, each at its own backdated instant. They are turned into history rows by the
 * recorder itself (`recordChanges`, so operation, field diff and snapshot are exactly what the API
 * would write) against an executor that collects the rows instead of sending one INSERT per
 * change; the seed then inserts them in bulk, oldest first, so ids follow time.
 */
export class HistoryLog {
  private readonly pending: PendingChange[] = [];

  add(at: Date, actor: HistoryActor, record: ChangeRecord): void {
    this.pending.push({ at, actor, record, sequence: this.pending.length });
  }

  /** The changes of one entity type recorded so far (the opportunities' stage moves, for the journeys). */
  changesOf(entityType: EntityType): { at: Date; record: ChangeRecord }[] {
    return this.pending
      .filter((change) => change.record.entityType === entityType)
      .map(({ at, record }) => ({ at, record }));
  }

  get size(): number {
    return this.pending.length;
  }

  rows(): HistoryRow[] {
    const ordered = [...this.pending].sort(
      (left, right) => left.at.getTime() - right.at.getTime() || left.sequence - right.sequence,
    );
    return ordered.flatMap((change) =>
      historyRows({ actor: change.actor, now: change.at, requestId: null }, [change.record]),
    );
  }
}

/**
 * Plays an entity's versions forward: each becomes a row with the right version, createdAt and
 * updatedAt, and a history record whose before/after are the presenter's snapshots. A version
 * that changes nothing is dropped (as the API would not record it); instants are kept strictly
 * increasing. Returns the final row (what the table holds), or null when `deletion` removes it.
 */
export function materialise<F, R>(
  log: HistoryLog,
  entity: { entityType: EntityType; entityId: string; accountId: string | null },
  versions: readonly Version<F>[],
  toRow: (fields: F, meta: RowMeta) => R,
  present: (row: R) => Snapshot,
  deletion?: { at: Date; actor: HistoryActor },
): R | null {
  let row: R | null = null;
  let snapshot: Snapshot | null = null;
  let version = 0;
  let createdAt = '';
  let last = Number.NEGATIVE_INFINITY;
  for (const next of versions) {
    const time = Math.max(next.at.getTime(), last + 60_000);
    const at = new Date(time).toISOString();
    const candidate = toRow(next.fields, {
      version: version + 1,
      createdAt: version === 0 ? at : createdAt,
      updatedAt: at,
    });
    const after = present(candidate);
    if (snapshot && diffSnapshots(snapshot, after).length === 0) continue;
    if (version === 0) createdAt = at;
    log.add(new Date(time), next.actor, { ...entity, before: snapshot, after });
    row = candidate;
    snapshot = after;
    version++;
    last = time;
  }
  if (deletion && snapshot) {
    const at = new Date(Math.max(deletion.at.getTime(), last + 60_000));
    log.add(at, deletion.actor, { ...entity, before: snapshot, after: null });
    return null;
  }
  return row;
}

/**
 * A row builder for `materialise` that also stamps `statusChangedAt`: the instant of the version
 * whose status differs from the one before (the first version's: the creation), as the API's
 * store does. A version that changes the status is never dropped, so the stamp is always the
 * instant of a recorded change.
 */
export function stampingStatusChange<F extends { status: string }, R>(
  toRow: (fields: F, meta: RowMeta, statusChangedAt: string) => R,
): (fields: F, meta: RowMeta) => R {
  let status: string | null = null;
  let changedAt = '';
  return (fields, meta) => {
    if (fields.status !== status) {
      status = fields.status;
      changedAt = meta.updatedAt;
    }
    return toRow(fields, meta, changedAt);
  };
}
