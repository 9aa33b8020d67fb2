import { z } from 'zod';
import { ExternalIds, Id, IsoInstant, RecordMeta, ShortText } from './common.ts';
import { TicketSeverity } from './enums.ts';

export const SupportTicketFields = z.object({
  subject: ShortText,
  severity: TicketSeverity,
  openedAt: IsoInstant,
  closedAt: IsoInstant.nullable(),
  externalIds: ExternalIds,
});
export const SupportTicket = RecordMeta.extend(SupportTicketFields.shape).extend({ accountId: Id });
export const CreateSupportTicketRequest = SupportTicketFields.partial().extend({
  subject: ShortText,
  openedAt: IsoInstant,
});
export const UpdateSupportTicketRequest = SupportTicketFields.partial().extend({
  version: z.int().positive().optional(),
});

/** Tickets opened in a window (both ends inclusive, either optional). */
export const SupportTicketListQuery = z.object({
  openedFrom: IsoInstant.optional().describe('Only tickets opened at or after this instant.'),
  openedTo: IsoInstant.optional().describe('Only tickets opened at or before this instant.'),
});

export type SupportTicket = z.infer<typeof SupportTicket>;
export type SupportTicketFields = z.infer<typeof SupportTicketFields>;
export type CreateSupportTicketRequest = z.infer<typeof CreateSupportTicketRequest>;
export type UpdateSupportTicketRequest = z.infer<typeof UpdateSupportTicketRequest>;
export type SupportTicketListQuery = z.infer<typeof SupportTicketListQuery>;
