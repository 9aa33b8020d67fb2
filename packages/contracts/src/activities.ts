import { z } from 'zod';
import { ExternalIds, Id, IsoDate, IsoInstant, PageQuery, RecordMeta, ShortText } from './common.ts';
import { ActivityKind, ActivityPurpose } from './enums.ts';

/**
 * A follow-up agreed in an activity; each is a task on the owner's list (docs/tasks.md). Send the
 * `id` it was read with to keep its task when editing the activity; an item without one is new.
 */
export const ActionItem = z
  .object({
    id: Id.optional().describe('Given by the server; always present in a response.'),
    text: z.string().trim().min(1).max(2_000),
    ownerUserId: Id.nullable().default(null),
    ownerContactId: Id.nullable().default(null).describe('A contact of the account: the customer’s action.'),
    dueDate: IsoDate.nullable().default(null),
    done: z.boolean().default(false),
  })
  .refine((item) => !(item.ownerUserId && item.ownerContactId), {
    message: 'has one owner: a staff member or a contact, not both',
    path: ['ownerContactId'],
  });

export const Attendees = z.object({
  userIds: z.array(Id).max(100).default([]),
  contactIds: z.array(Id).max(100).default([]),
});

export const ActivityFields = z.object({
  kind: ActivityKind,
  occurredAt: IsoInstant,
  summary: ShortText,
  notes: z.string().max(50_000).nullable(),
  attendees: Attendees,
  actionItems: z.array(ActionItem).max(100),
  externalIds: ExternalIds,
  purposes: z
    .array(ActivityPurpose)
    .max(2)
    .describe('Renewal-playbook markers: the internal renewal review, the customer renewal conversation.'),
});

export const Activity = RecordMeta.extend(ActivityFields.shape).extend({
  accountId: Id,
  createdByUserId: Id.nullable(),
});

export const CreateActivityRequest = ActivityFields.partial().extend({
  kind: ActivityKind,
  summary: ShortText,
  occurredAt: IsoInstant.optional().describe('Defaults to now.'),
});
export const UpdateActivityRequest = ActivityFields.partial().extend({
  version: z.int().positive().optional(),
});

export const ActivityListQuery = PageQuery.extend({
  kind: ActivityKind.optional(),
  from: IsoInstant.optional(),
  to: IsoInstant.optional(),
});

export type Activity = z.infer<typeof Activity>;
export type ActionItem = z.infer<typeof ActionItem>;
export type CreateActivityRequest = z.infer<typeof CreateActivityRequest>;
export type UpdateActivityRequest = z.infer<typeof UpdateActivityRequest>;
export type ActivityFields = z.infer<typeof ActivityFields>;
