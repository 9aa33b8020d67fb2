import type { TeamAssignment } from '@liaison/contracts';
import { dayOf } from '../../format.ts';

/**
 * Periods of account-team assignments as the People tab shows and edits them. Dates in the form
 * are UTC days; the API stores instants, so a day means its start (00:00 UTC), which keeps a
 * handover's "old ends" and "new starts" on the same instant with no gap and no overlap.
 */

export type AssignmentStatus = 'upcoming' | 'current' | 'ended';

export const dayToInstant = (day: string) => `${day}T00:00:00.000Z`;

export const todayUtc = () => dayOf(new Date());

export function assignmentStatus(
  assignment: Pick<TeamAssignment, 'startsAt' | 'endsAt'>,
  now: Date = new Date(),
): AssignmentStatus {
  if (Date.parse(assignment.startsAt) > now.getTime()) return 'upcoming';
  if (assignment.endsAt !== null && Date.parse(assignment.endsAt) <= now.getTime()) return 'ended';
  return 'current';
}

const statusRank: Record<AssignmentStatus, number> = { current: 0, upcoming: 1, ended: 2 };

/** Current members first, then who is about to join, then the past; newest start first within each. */
export function sortAssignments(assignments: readonly TeamAssignment[], now: Date = new Date()) {
  return [...assignments].sort(
    (left, right) =>
      statusRank[assignmentStatus(left, now)] - statusRank[assignmentStatus(right, now)] ||
      right.startsAt.localeCompare(left.startsAt),
  );
}

/**
 * Who a new assignment in `role` starting at `startsAt` would take over from: the same role,
 * started before, not ended by then. The API never ends anyone by itself (assignments may
 * overlap), so the form offers to end these in the same step.
 */
export function handoverCandidates(
  assignments: readonly TeamAssignment[],
  role: string,
  startsAt: string,
): TeamAssignment[] {
  const start = Date.parse(startsAt);
  if (Number.isNaN(start)) return [];
  return assignments.filter(
    (assignment) =>
      assignment.role === role &&
      Date.parse(assignment.startsAt) < start &&
      (assignment.endsAt === null || Date.parse(assignment.endsAt) > start),
  );
}
