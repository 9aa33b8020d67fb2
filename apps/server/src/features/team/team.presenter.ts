import type { TeamAssignment, TeamRole } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { TeamAssignmentRow } from './team.store.ts';

export function presentTeamAssignment(row: TeamAssignmentRow): TeamAssignment {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    userId: row.userId,
    userName: row.userName,
    role: row.role as TeamRole,
    startsAt: toIso(row.startsAt),
    endsAt: toIso(row.endsAt),
  };
}

/** Whether an assignment covers an instant: started at or before it, not yet ended. */
export function isActiveAt(assignment: { startsAt: string; endsAt: string | null }, at: Date): boolean {
  const time = at.getTime();
  return (
    new Date(assignment.startsAt).getTime() <= time &&
    (assignment.endsAt === null || new Date(assignment.endsAt).getTime() > time)
  );
}
