import type { SupportTicket, TicketSeverity } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { SupportTicketRow } from './support-tickets.store.ts';

export function presentSupportTicket(row: SupportTicketRow): SupportTicket {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    subject: row.subject,
    severity: row.severity as TicketSeverity,
    openedAt: toIso(row.openedAt),
    closedAt: toIso(row.closedAt),
    externalIds: row.externalIds as Record<string, string>,
  };
}
