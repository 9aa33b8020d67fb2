import type { MailMessage, MailMessageSummary } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { MailRow, MailSummaryRow } from './mail.store.ts';

export function presentMailSummary(row: MailSummaryRow): MailMessageSummary {
  return {
    id: row.id,
    to: row.toAddress,
    toUserId: row.toUserId,
    subject: row.subject,
    kind: row.kind,
    status: row.status as MailMessageSummary['status'],
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: toIso(row.createdAt),
    sendAfter: toIso(row.sendAfter),
    lastAttemptAt: toIso(row.lastAttemptAt),
    sentAt: toIso(row.sentAt),
  };
}

export function presentMailMessage(row: MailRow): MailMessage {
  return {
    ...presentMailSummary(row),
    text: row.bodyText,
    html: row.bodyHtml,
    smtpMessageId: row.smtpMessageId,
    smtpResponse: row.smtpResponse,
  };
}
