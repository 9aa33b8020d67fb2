import {
  type CreateSupportTicketRequest,
  SupportTicket,
  type UpdateSupportTicketRequest,
} from '@liaison/contracts';
import { z } from 'zod';
import { call } from '../../api.ts';

/** Writes to support tickets: the shared client has no methods for them yet (listing is `extra`). */
export const ticketsApi = {
  create: (accountId: string, body: z.input<typeof CreateSupportTicketRequest>) =>
    call(SupportTicket, 'POST', `/accounts/${accountId}/support-tickets`, { body }),
  update: (ticketId: string, body: z.input<typeof UpdateSupportTicketRequest>) =>
    call(SupportTicket, 'PATCH', `/support-tickets/${ticketId}`, { body }),
  delete: (ticketId: string, version: number) =>
    call(z.unknown(), 'DELETE', `/support-tickets/${ticketId}`, { query: { version } }),
};
