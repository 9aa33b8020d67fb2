import { AGENDA_SECTIONS } from '@liaison/domain';
import { z } from 'zod';
import { ActionItem } from './activities.ts';
import { Id, IsoInstant, ShortText } from './common.ts';

/** The account team meeting (docs/meetings.md): teams, the agenda Liaison writes, meetings held. */

export const AgendaSection = z.enum(AGENDA_SECTIONS);

export const AccountTeam = z.object({
  key: z.string().describe('`<owner user id or none>~<TAM user id or none>`: the SAL/AE and the TAM.'),
  owner: z.object({ userId: Id, name: z.string(), role: z.enum(['sal', 'ae']) }).nullable(),
  tam: z.object({ userId: Id, name: z.string() }).nullable(),
  sas: z.array(z.object({ userId: Id, name: z.string() })),
  accounts: z.array(z.object({ accountId: Id, name: z.string() })),
  cadence: z.object({ intervalDays: z.int(), explanation: z.string() }),
  lastMeeting: z.object({ id: Id, heldAt: IsoInstant }).nullable(),
  nextOn: z.iso.date().describe('The next occurrence: the last meeting plus the cadence, or today.'),
});

export const AgendaItem = z.object({
  key: z.string(),
  section: AgendaSection,
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
});

export const Agenda = z.object({
  team: AccountTeam,
  since: IsoInstant.describe('Changes are counted from here: the last meeting, or one cadence ago.'),
  sections: z.array(z.object({ section: AgendaSection, title: z.string(), items: z.array(AgendaItem) })),
  markdown: z.string().describe('The agenda to print or paste.'),
});

export const MeetingActionItem = ActionItem.safeExtend({
  accountId: Id.nullable().default(null).describe('The account it is about; none: a task of the meeting.'),
});

export const RecordMeetingRequest = z.object({
  heldAt: IsoInstant.optional().describe('Defaults to now.'),
  notes: z
    .array(z.object({ itemKey: z.string().min(1).max(200), text: z.string().trim().min(1).max(20_000) }))
    .max(500)
    .default([]),
  decisions: z.array(z.string().trim().min(1).max(2_000)).max(100).default([]),
  actionItems: z.array(MeetingActionItem).max(200).default([]),
  summary: ShortText.optional().describe('Default: "Account team meeting".'),
});

export const TeamMeeting = z.object({
  id: Id,
  version: z.int().positive(),
  teamKey: z.string(),
  heldAt: IsoInstant,
  agenda: z.array(AgendaItem),
  notes: z.array(z.object({ itemKey: z.string(), text: z.string() })),
  decisions: z.array(z.string()),
  activityIds: z.array(Id).describe('The activity logged on each account discussed.'),
  taskIds: z.array(Id).describe('Every task its action items became.'),
  createdBy: z.string().nullable(),
  markdown: z.string().describe('The meeting as held: agenda, notes, decisions, action items.'),
});

export const AccountTeamsQuery = z.object({ userId: Id.optional().describe('Default: you.') });

export type AccountTeam = z.infer<typeof AccountTeam>;
export type Agenda = z.infer<typeof Agenda>;
export type TeamMeeting = z.infer<typeof TeamMeeting>;
export type RecordMeetingRequest = z.infer<typeof RecordMeetingRequest>;
