import { z } from 'zod';
import { Id, IsoInstant, QueryBoolean, RecordMeta } from './common.ts';
import { TeamRole } from './enums.ts';

/** One person in one role on an account team for a period; `endsAt` null = still on the team. */
export const TeamAssignment = RecordMeta.extend({
  accountId: Id,
  userId: Id,
  userName: z.string(),
  role: TeamRole,
  startsAt: IsoInstant,
  endsAt: IsoInstant.nullable(),
});

export const CreateTeamAssignmentRequest = z.object({
  userId: Id,
  role: TeamRole,
  startsAt: IsoInstant.optional().describe('Defaults to now.'),
  endsAt: IsoInstant.nullable().optional(),
  replaces: z
    .array(Id)
    .max(50)
    .optional()
    .describe(
      'A handover: ids of assignments on this account that this one takes over from. Each must be running at startsAt and is ended at startsAt, in the same write.',
    ),
});

export const UpdateTeamAssignmentRequest = z.object({
  startsAt: IsoInstant.optional(),
  endsAt: IsoInstant.nullable().optional(),
  version: z.int().positive().optional(),
});

export const TeamQuery = z.object({
  at: IsoInstant.optional().describe('Who was on the team at this instant (default: now).'),
  all: QueryBoolean.optional().describe('Every assignment, past and present.'),
});

export type TeamAssignment = z.infer<typeof TeamAssignment>;
export type CreateTeamAssignmentRequest = z.infer<typeof CreateTeamAssignmentRequest>;
export type UpdateTeamAssignmentRequest = z.infer<typeof UpdateTeamAssignmentRequest>;
