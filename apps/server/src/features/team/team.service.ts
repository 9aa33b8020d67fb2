import type {
  CreateTeamAssignmentRequest,
  TeamAssignment,
  UpdateTeamAssignmentRequest,
} from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import {
  type AccountChangedHook,
  lockAccount,
  lockOwnedRecord,
  noAccountHook,
  requireAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { usersDirectory } from '../users/index.ts';
import { presentTeamAssignment } from './team.presenter.ts';
import { teamStore } from './team.store.ts';

function checkPeriod(startsAt: string, endsAt: string | null) {
  if (endsAt !== null && new Date(endsAt) <= new Date(startsAt)) {
    throw new DomainError('VALIDATION_FAILED', 'endsAt must be after startsAt', [
      { path: 'body.endsAt', message: 'must be after startsAt' },
    ]);
  }
}

/**
 * One person holds one role on an account once at a time: a second, overlapping assignment
 * would count them twice in capacity and make "who was the TAM then?" answer the same name twice.
 */
async function refuseOverlap(
  executor: Executor,
  period: {
    accountId: string;
    userId: string;
    role: TeamAssignment['role'];
    startsAt: string;
    endsAt: string | null;
  },
  exceptId?: string,
) {
  const overlap = await teamStore.findOverlap(executor, period, exceptId);
  if (!overlap) return;
  const existing = presentTeamAssignment(overlap);
  const until = existing.endsAt ? `until ${existing.endsAt}` : 'with no end';
  throw new DomainError(
    'ALREADY_EXISTS',
    `${existing.userName} already holds this role on the account from ${existing.startsAt} ${until} (assignment ${existing.id}); change that assignment instead`,
    [
      {
        path: 'body.startsAt',
        message: `overlaps ${existing.userName}'s assignment from ${existing.startsAt} ${until}`,
      },
    ],
  );
}

async function load(executor: Executor, id: string): Promise<TeamAssignment> {
  const row = await teamStore.findById(executor, id);
  if (!row) throw notFound('Team assignment', id);
  return presentTeamAssignment(row);
}

/**
 * A handover's other half: ends each replaced assignment at `startsAt`, so the old and the new
 * holder never overlap and never leave a gap, and a failure leaves both as they were.
 */
async function endReplaced(
  executor: Executor,
  context: RequestContext,
  accountId: string,
  ids: readonly string[],
  startsAt: string,
): Promise<{ before: TeamAssignment; after: TeamAssignment }[]> {
  const start = Date.parse(startsAt);
  const ended: { before: TeamAssignment; after: TeamAssignment }[] = [];
  for (const [index, id] of ids.entries()) {
    const row = await teamStore.findById(executor, id, true);
    const path = `body.replaces.${index}`;
    if (!row || row.accountId !== accountId) {
      throw new DomainError('INVALID_REFERENCE', `${path}: ${id} is not an assignment of this account`, [
        { path, message: 'must be an assignment of this account' },
      ]);
    }
    const before = presentTeamAssignment(row);
    // Another handover took it first (ended it where its successor starts): taking it over too
    // would leave two holders of one seat. The account is locked, so this cannot race.
    const successor = await teamStore.findSuccessor(executor, row);
    if (successor) {
      const taker = presentTeamAssignment(successor);
      throw new DomainError(
        'VERSION_CONFLICT',
        `${path}: ${before.userName}'s assignment was already handed over to ${taker.userName} from ${taker.startsAt} (assignment ${taker.id}); reload the team`,
        [{ path, message: 'was already handed over' }],
      );
    }
    const running =
      Date.parse(before.startsAt) < start && (before.endsAt === null || Date.parse(before.endsAt) > start);
    if (!running) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `${path}: ${before.userName}'s assignment is not running at ${startsAt}`,
        [{ path, message: 'must be running at startsAt' }],
      );
    }
    await teamStore.update(executor, id, { endsAt: startsAt }, context.now);
    ended.push({ before, after: await load(executor, id) });
  }
  return ended;
}

/**
 * The account, then the assignment (kernel/account-access.ts, `lockOwnedRecord`): every team
 * change holds the account's lock, so an overlap check never races another team change.
 */
async function lockAssignment(executor: Executor, id: string) {
  const { current } = await lockOwnedRecord(
    executor,
    'Team assignment',
    id,
    {
      findById: (e, assignmentId) => teamStore.findById(e, assignmentId),
      lockById: (e, assignmentId) => teamStore.findById(e, assignmentId, true),
    },
    (accountId) => lockAccount(executor, accountId),
  );
  return current;
}

/**
 * A team change inside a write that holds the account's lock and checked its own policy (the
 * journey's handoff acceptance, handover and disengagement: docs/journey.md): checks the user,
 * ends what it replaces, refuses overlaps, records the history. The caller reassesses.
 */
export async function assignInTransaction(
  tx: Executor,
  context: RequestContext,
  accountId: string,
  input: CreateTeamAssignmentRequest,
): Promise<TeamAssignment> {
  const startsAt = input.startsAt ?? context.now.toISOString();
  const endsAt = input.endsAt ?? null;
  checkPeriod(startsAt, endsAt);
  const user = await usersDirectory.findById(tx, input.userId);
  if (!user?.isActive) {
    throw new DomainError(
      'INVALID_REFERENCE',
      `body.userId: user ${input.userId} does not exist or is inactive`,
      [{ path: 'body.userId', message: 'must be an active user' }],
    );
  }
  const handedOver = await endReplaced(tx, context, accountId, input.replaces ?? [], startsAt);
  await refuseOverlap(tx, { accountId, userId: input.userId, role: input.role, startsAt, endsAt });
  const id = await teamStore.insert(
    tx,
    { accountId, userId: input.userId, role: input.role, startsAt, endsAt },
    context.now,
  );
  const assignment = await load(tx, id);
  await recordChanges(tx, context, [
    ...handedOver.map(({ before, after }) => ({
      accountId,
      entityType: 'team_assignment' as const,
      entityId: before.id,
      before,
      after,
    })),
    { accountId, entityType: 'team_assignment', entityId: id, before: null, after: assignment },
  ]);
  return assignment;
}

/** Ends a running assignment at `endsAt` inside the caller's write (a disengagement's last step). */
export async function endAssignmentInTransaction(
  tx: Executor,
  context: RequestContext,
  assignmentId: string,
  endsAt: string,
): Promise<TeamAssignment> {
  const row = await teamStore.findById(tx, assignmentId, true);
  if (!row) throw notFound('Team assignment', assignmentId);
  const before = presentTeamAssignment(row);
  checkPeriod(before.startsAt, endsAt);
  await teamStore.update(tx, assignmentId, { endsAt }, context.now);
  const after = await load(tx, assignmentId);
  await recordChanges(tx, context, [
    { accountId: row.accountId, entityType: 'team_assignment', entityId: assignmentId, before, after },
  ]);
  return after;
}

export function createTeamService(db: Database, options: { onAccountChanged?: AccountChangedHook } = {}) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  const requireManager = (context: RequestContext) =>
    authorize(
      policies.changeAccountTeam(context.user),
      'Only TAM managers and admins can change account teams.',
    );

  return {
    async list(_context: RequestContext, accountId: string, at: Date | undefined): Promise<TeamAssignment[]> {
      await requireAccount(db, accountId);
      return (await teamStore.listByAccount(db, accountId, at)).map(presentTeamAssignment);
    },

    async assign(
      context: RequestContext,
      accountId: string,
      input: CreateTeamAssignmentRequest,
    ): Promise<TeamAssignment> {
      requireManager(context);
      return db.transaction(async (tx) => {
        await lockAccount(tx, accountId);
        const assignment = await assignInTransaction(tx, context, accountId, input);
        await onAccountChanged(tx, [accountId], context.now);
        return assignment;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateTeamAssignmentRequest,
      version: number,
    ): Promise<TeamAssignment> {
      requireManager(context);
      return db.transaction(async (tx) => {
        const row = await lockAssignment(tx, id);
        checkVersion('Team assignment', id, version, row.version);
        const before = presentTeamAssignment(row);
        const startsAt = input.startsAt ?? before.startsAt;
        const endsAt = input.endsAt === undefined ? before.endsAt : input.endsAt;
        checkPeriod(startsAt, endsAt);
        await refuseOverlap(
          tx,
          { accountId: row.accountId, userId: row.userId, role: before.role, startsAt, endsAt },
          id,
        );
        await teamStore.update(tx, id, { startsAt, endsAt }, context.now);
        const after = await load(tx, id);
        await recordChanges(tx, context, [
          { accountId: row.accountId, entityType: 'team_assignment', entityId: id, before, after },
        ]);
        await onAccountChanged(tx, [row.accountId], context.now);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      requireManager(context);
      await db.transaction(async (tx) => {
        const row = await lockAssignment(tx, id);
        checkVersion('Team assignment', id, version, row.version);
        await teamStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: row.accountId,
            entityType: 'team_assignment',
            entityId: id,
            before: presentTeamAssignment(row),
            after: null,
          },
        ]);
        await onAccountChanged(tx, [row.accountId], context.now);
      });
    },
  };
}

export type TeamService = ReturnType<typeof createTeamService>;
