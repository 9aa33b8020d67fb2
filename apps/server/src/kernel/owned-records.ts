import type { Database, Executor } from '../db/client.ts';
import {
  type AccountChangedHook,
  type AccountRow,
  type LockableRecordStore,
  lockOwnedRecord,
  noAccountHook,
  requireAccount,
  requireEditableAccount,
} from './account-access.ts';
import type { RequestContext } from './context.ts';
import { type EntityType, recordChanges } from './history.store.ts';
import { checkVersion, withoutVersion } from './versioning.ts';

/** The store every record an account owns (contact, opportunity, ticket, …) provides. */
export interface OwnedRecordStore<Row extends { accountId: string }, Insert, Patch>
  extends LockableRecordStore<Row> {
  insert(executor: Executor, accountId: string, values: Insert, now: Date): Promise<Row>;
  listByAccount(executor: Executor, accountId: string): Promise<Row[]>;
  update(executor: Executor, id: string, values: Patch, now: Date): Promise<Row>;
  delete(executor: Executor, id: string): Promise<void>;
}

interface Transaction {
  executor: Executor;
  context: RequestContext;
  account: AccountRow;
  /** Why the caller makes this write when a rule asks (a journey gate passed with a reason). */
  reason?: string | undefined;
}

/** What a write carries besides its fields. */
export interface WriteOptions {
  reason?: string | undefined;
  /** Write in the caller's transaction (one write of several records: a team meeting's activities). */
  executor?: Executor | undefined;
}

export interface OwnedRecordKind<Row extends { accountId: string }, Presented, Insert, Patch> {
  entityType: EntityType;
  /** How messages name it: "Contact 42 does not exist". */
  label: string;
  store: OwnedRecordStore<Row, Insert, Patch>;
  present: (row: Row) => Presented;
  /** Omit for records the playbook does not read (contacts). */
  onAccountChanged?: AccountChangedHook;
  /** What the store inserts, when it needs more than the request (who created the record). */
  prepareInsert?: (transaction: Transaction, input: Insert) => Insert;
  /** Checks that need the database, run after the account is locked and the caller authorised. */
  checkCreate?: (transaction: Transaction, input: Insert) => Promise<void> | void;
  checkUpdate?: (transaction: Transaction, current: Row, changes: Patch) => Promise<void> | void;
  /** Side effects of a write on the account itself (closing won, tracking tickets). */
  afterWrite?: (transaction: Transaction, before: Presented | null, after: Presented | null) => Promise<void>;
}

type Snapshot = Record<string, unknown>;

/**
 * List / create / update / delete for a record an account owns, the way every such record
 * behaves: one transaction that locks the account, checks who may edit it and the version,
 * writes, records the change in the history, and reassesses the account.
 */
export function createOwnedRecordService<
  Row extends { id: string; accountId: string; version: number },
  Presented extends Snapshot & { id: string },
  Insert,
  Patch,
>(db: Database, kind: OwnedRecordKind<Row, Presented, Insert, Patch>) {
  const onAccountChanged = kind.onAccountChanged ?? noAccountHook;

  async function finish(
    transaction: Transaction,
    id: string,
    before: Presented | null,
    after: Presented | null,
  ) {
    const { executor, context, account } = transaction;
    await recordChanges(executor, context, [
      { accountId: account.id, entityType: kind.entityType, entityId: id, before, after },
    ]);
    await kind.afterWrite?.(transaction, before, after);
    await onAccountChanged(executor, [account.id], context.now);
  }

  async function lockOwned(executor: Executor, context: RequestContext, id: string, version: number) {
    const { account, current } = await lockOwnedRecord(executor, kind.label, id, kind.store, (accountId) =>
      requireEditableAccount(executor, context, accountId),
    );
    checkVersion(kind.label, id, version, current.version);
    return { current, transaction: { executor, context, account } };
  }

  return {
    async list(_context: RequestContext, accountId: string): Promise<Presented[]> {
      await requireAccount(db, accountId);
      return (await kind.store.listByAccount(db, accountId)).map(kind.present);
    },

    async create(
      context: RequestContext,
      accountId: string,
      input: Insert,
      options: WriteOptions = {},
    ): Promise<Presented> {
      const run = <T>(work: (executor: Executor) => Promise<T>) =>
        options.executor ? work(options.executor) : db.transaction(work);
      return run(async (executor) => {
        const account = await requireEditableAccount(executor, context, accountId);
        const transaction = { executor, context, account, reason: options.reason };
        await kind.checkCreate?.(transaction, input);
        const values = kind.prepareInsert?.(transaction, input) ?? input;
        const created = kind.present(await kind.store.insert(executor, accountId, values, context.now));
        await finish(transaction, created.id, null, created);
        return created;
      });
    },

    /** `input` may carry the `version` it was read at; the fields alone are written. */
    async update(
      context: RequestContext,
      id: string,
      input: Patch & { version?: number | undefined },
      version: number,
      options: WriteOptions = {},
    ): Promise<Presented> {
      const changes = withoutVersion(input) as Patch;
      return db.transaction(async (executor) => {
        const locked = await lockOwned(executor, context, id, version);
        const { current } = locked;
        const transaction = { ...locked.transaction, reason: options.reason };
        await kind.checkUpdate?.(transaction, current, changes);
        const updated = kind.present(await kind.store.update(executor, id, changes, context.now));
        await finish(transaction, id, kind.present(current), updated);
        return updated;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (executor) => {
        const { current, transaction } = await lockOwned(executor, context, id, version);
        await kind.store.delete(executor, id);
        await finish(transaction, id, kind.present(current), null);
      });
    },
  };
}
