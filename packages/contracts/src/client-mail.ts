import type { z } from 'zod';
import { id, type RequestOptions, type Transport } from './client-transport.ts';
import { MailMessage, type MailOutboxQuery, MailStatusReport, mailOutboxPage } from './mail.ts';

export type MailOutboxParams = Partial<z.input<typeof MailOutboxQuery>>;

/** E-mail for admins (docs/mail.md): the outbox, its messages, re-sending, a test message. */
export function mailApi({ call }: Transport) {
  return {
    status: (request: RequestOptions = {}) => call(MailStatusReport, 'GET', '/mail/status', request),
    outbox: (query: MailOutboxParams = {}, request: RequestOptions = {}) =>
      call(mailOutboxPage, 'GET', '/mail/outbox', { query, ...request }),
    message: (messageId: string, request: RequestOptions = {}) =>
      call(MailMessage, 'GET', `/mail/outbox/${id(messageId)}`, request),
    /** Queues a held or failed message again (after SMTP_URL is set, or the server recovered). */
    resend: (messageId: string, request: RequestOptions = {}) =>
      call(MailMessage, 'POST', `/mail/outbox/${id(messageId)}/resend`, request),
    /** A test message to the caller's own address. */
    sendTest: (request: RequestOptions = {}) => call(MailMessage, 'POST', '/mail/test', request),
  };
}
