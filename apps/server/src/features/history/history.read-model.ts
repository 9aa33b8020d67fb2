import type {
  Account,
  AccountDiff,
  AccountSummary,
  BusinessProfile,
  Contact,
  EntityDiff,
  HistoryEntry,
  TeamAssignment,
} from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import { and, desc, eq, gte, lt, lte, or, sql } from 'drizzle-orm';
import { type Executor, toIso } from '../../db/client.ts';
import { history } from '../../db/schema.ts';
import { diffSnapshots, type EntityType } from '../../kernel/history.store.ts';
import { emptyProfiles } from '../profiles/index.ts';
import { isActiveAt } from '../team/index.ts';

type Snapshot = Record<string, unknown>;
interface EntityState {
  entityType: EntityType;
  entityId: string;
  snapshot: Snapshot;
}

export interface HistoryPageFilter {
  entityType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  before?: { at: string; id: number } | undefined;
  limit: number;
}

function presentEntry(row: typeof history.$inferSelect): HistoryEntry {
  return {
    id: String(row.id),
    at: toIso(row.occurredAt),
    actor: { type: row.actorType as HistoryEntry['actor']['type'], id: row.actorId, name: row.actorName },
    entityType: row.entityType,
    entityId: row.entityId,
    operation: row.operation as HistoryEntry['operation'],
    changes: (row.changes ??
      (row.operation === 'create'
        ? diffSnapshots(null, row.snapshot as Snapshot | null)
        : [])) as HistoryEntry['changes'],
  };
}

/** Every entity of an account as it stood at `at`: the latest snapshot of each, deletions dropped. */
export async function statesAt(executor: Executor, accountId: string, at: string): Promise<EntityState[]> {
  const result = await executor.execute<{
    entity_type: EntityType;
    entity_id: string;
    snapshot: Snapshot | null;
  }>(sql`
    SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, snapshot
    FROM history
    WHERE account_id = ${accountId} AND occurred_at <= ${at}
    ORDER BY entity_type, entity_id, occurred_at DESC, id DESC`);
  return result.rows
    .filter((row) => row.snapshot !== null)
    .map((row) => ({
      entityType: row.entity_type,
      entityId: row.entity_id,
      snapshot: row.snapshot as Snapshot,
    }));
}

function labelOf(state: EntityState): string {
  const snapshot = state.snapshot;
  switch (state.entityType) {
    case 'account':
      return String(snapshot.name);
    case 'business_profile':
      return 'Business profile';
    case 'technical_profile':
      return 'Technical profile';
    case 'team_assignment':
      return `${String(snapshot.role).toUpperCase()}: ${String(snapshot.userName)}`;
    case 'activity':
      return `${String(snapshot.kind)}: ${String(snapshot.summary)}`;
    case 'success_plan':
      return 'Success plan';
    case 'objective':
      return `Objective: ${String(snapshot.title)}`;
    case 'support_ticket':
      return `Ticket: ${String(snapshot.subject)}`;
    case 'initiative':
      return `${String(snapshot.kind)}: ${String(snapshot.description)}`;
    case 'emea_parameter':
      return `EMEA parameter: ${String(snapshot.parameter)}`;
    case 'priority_proposal':
      return 'Priority proposal';
    case 'priority_exception':
      return `${String(snapshot.kind).toUpperCase()} exception: ${String(snapshot.reason)}`;
    case 'workflow_instance':
      return `Workflow: ${String(snapshot.kind).replaceAll('_', ' ')}`;
    case 'workflow_step':
      return `Workflow step ${String(snapshot.stepId)}`;
    case 'workflow_comment':
      return `Comment on step ${String(snapshot.stepId)}`;
    case 'artefact':
      return `${String(snapshot.kind).replaceAll('_', ' ')}: ${String(snapshot.title)}`;
    case 'sign_off':
      return `Sign-off as ${String(snapshot.role).replaceAll('_', ' ')} by ${String(snapshot.signerName)}`;
    case 'task':
      return `Task: ${String(snapshot.title)}`;
    case 'team_meeting':
      return 'Account team meeting';
    case 'project':
      return `Project: ${String(snapshot.name)}`;
    case 'project_issue':
      return `Issue #${String(snapshot.number)}: ${String(snapshot.title)}`;
    case 'project_comment':
      return `${snapshot.internal ? 'Internal note' : 'Comment'} by ${String(snapshot.author)}`;
    case 'project_attachment':
      return `Attachment: ${String(snapshot.fileName)}`;
    default:
      return String(snapshot.name ?? state.entityId);
  }
}

export const historyReadModel = {
  async hasHistory(executor: Executor, accountId: string): Promise<boolean> {
    const result = await executor.execute(sql`SELECT 1 FROM history WHERE account_id = ${accountId} LIMIT 1`);
    return result.rows.length > 0;
  },

  async page(executor: Executor, accountId: string, filter: HistoryPageFilter): Promise<HistoryEntry[]> {
    const before = filter.before;
    const rows = await executor
      .select()
      .from(history)
      .where(
        and(
          eq(history.accountId, accountId),
          filter.entityType ? eq(history.entityType, filter.entityType) : undefined,
          filter.from ? gte(history.occurredAt, filter.from) : undefined,
          filter.to ? lte(history.occurredAt, filter.to) : undefined,
          before
            ? or(
                lt(history.occurredAt, before.at),
                and(eq(history.occurredAt, before.at), lt(history.id, before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(history.occurredAt), desc(history.id))
      .limit(filter.limit);
    return rows.map(presentEntry);
  },

  /** The account with its profiles, contacts and team exactly as they were at `at`. */
  async accountAsOf(executor: Executor, accountId: string, at: Date): Promise<Omit<Account, 'can'>> {
    const states = await statesAt(executor, accountId, at.toISOString());
    const byType = (type: EntityType) =>
      states.filter((state) => state.entityType === type).map((s) => s.snapshot);
    const [account] = byType('account');
    if (!account) {
      throw new DomainError('NOT_FOUND', `Account ${accountId} did not exist at ${at.toISOString()}`);
    }
    const team = (byType('team_assignment') as unknown as TeamAssignment[]).filter((assignment) =>
      isActiveAt(assignment, at),
    );
    const summary = account as unknown as AccountSummary;
    // An imported account's profiles exist in the history from their first edit only.
    const empty = emptyProfiles(summary.createdAt);
    return {
      ...summary,
      businessProfile: (byType('business_profile')[0] as unknown as BusinessProfile) ?? empty.business,
      technicalProfile:
        (byType('technical_profile')[0] as unknown as Account['technicalProfile']) ?? empty.technical,
      contacts: (byType('contact') as unknown as Contact[]).sort((left, right) =>
        left.name.localeCompare(right.name),
      ),
      team: team.sort(
        (left, right) => left.role.localeCompare(right.role) || left.startsAt.localeCompare(right.startsAt),
      ),
      asOf: at.toISOString(),
    };
  },

  /** What changed in an account's record between two instants, entity by entity. */
  async diff(executor: Executor, accountId: string, from: Date, to: Date): Promise<AccountDiff> {
    const [before, after] = await Promise.all([
      statesAt(executor, accountId, from.toISOString()),
      statesAt(executor, accountId, to.toISOString()),
    ]);
    if (before.length === 0 && after.length === 0) {
      throw new DomainError('NOT_FOUND', `Account ${accountId} has no history between these instants`);
    }
    const key = (state: EntityState) => `${state.entityType}:${state.entityId}`;
    const beforeByKey = new Map(before.map((state) => [key(state), state]));
    const afterByKey = new Map(after.map((state) => [key(state), state]));
    const entities: EntityDiff[] = [];
    for (const k of new Set([...beforeByKey.keys(), ...afterByKey.keys()])) {
      const previous = beforeByKey.get(k);
      const next = afterByKey.get(k);
      const changes = diffSnapshots(previous?.snapshot ?? null, next?.snapshot ?? null);
      if (changes.length === 0) continue;
      const state = (next ?? previous)!;
      entities.push({
        entityType: state.entityType,
        entityId: state.entityId,
        label: labelOf(state),
        change: !previous ? 'added' : !next ? 'removed' : 'changed',
        changes,
      });
    }
    const order: EntityType[] = [
      'account',
      'business_profile',
      'technical_profile',
      'team_assignment',
      'contact',
      'opportunity',
      'activity',
      'success_plan',
      'objective',
      'support_ticket',
      'initiative',
      'emea_parameter',
      'priority_proposal',
      'priority_exception',
      'workflow_instance',
      'workflow_step',
      'workflow_comment',
      'artefact',
      'sign_off',
      'task',
      'project',
      'project_issue',
      'project_comment',
      'project_attachment',
    ];
    entities.sort(
      (left, right) =>
        order.indexOf(left.entityType as EntityType) - order.indexOf(right.entityType as EntityType) ||
        left.label.localeCompare(right.label),
    );
    return { from: from.toISOString(), to: to.toISOString(), entities };
  },
};
