import { z } from 'zod';
import { Id, IsoInstant, PageQuery } from './common.ts';

/** E-mail (docs/mail.md): the outbox every message goes through, for admins. */

export const MAIL_STATUSES = ['queued', 'sent', 'held', 'failed'] as const;
export const MailStatus = z
  .enum(MAIL_STATUSES)
  .describe(
    '`queued`: waiting for (another) attempt; `sent`: the SMTP server accepted it; `held`: no SMTP server is configured, kept in the outbox; `failed`: every attempt failed (the dead-letter list).',
  );

export const MailMessageSummary = z.object({
  id: Id,
  to: z.string(),
  toUserId: Id.nullable(),
  subject: z.string(),
  kind: z.string().describe('What it is: `notification`, `digest`, `invitation`, `test`, …'),
  status: MailStatus,
  attempts: z.int().min(0).describe('Delivery attempts so far, across re-sends.'),
  lastError: z
    .string()
    .nullable()
    .describe('Why the last attempt did not send: the SMTP error, or that no SMTP server is configured.'),
  createdAt: IsoInstant,
  sendAfter: IsoInstant.nullable().describe('Not sent before this instant (quiet hours).'),
  lastAttemptAt: IsoInstant.nullable(),
  sentAt: IsoInstant.nullable(),
});

export const MailMessage = MailMessageSummary.extend({
  text: z.string(),
  html: z.string().nullable().describe('Untrusted markup: render it only in a sandboxed frame.'),
  smtpMessageId: z.string().nullable().describe('The Message-ID the SMTP server accepted it under.'),
  smtpResponse: z.string().nullable().describe("The SMTP server's final answer."),
});

export const MailOutboxQuery = PageQuery.extend({
  status: MailStatus.optional(),
  kind: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,39}$/)
    .optional(),
  to: z.string().trim().min(1).max(254).optional().describe('The recipient address, exactly (any case).'),
});

export const mailOutboxPage = z.object({
  items: z.array(MailMessageSummary),
  nextCursor: z.string().nullable(),
});

export const MailStatusReport = z.object({
  smtpConfigured: z.boolean().describe('False: messages are held in the outbox (set SMTP_URL).'),
  smtpServer: z
    .string()
    .nullable()
    .describe('The SMTP server as `smtp(s)://host:port`, without its credentials.'),
  from: z.string().describe('MAIL_FROM: the sender of every message.'),
  publicUrl: z.string().describe('LIAISON_PUBLIC_URL: where links in messages point.'),
  counts: z.object({ queued: z.int(), sent: z.int(), held: z.int(), failed: z.int() }),
});

export type MailStatus = z.infer<typeof MailStatus>;
export type MailMessageSummary = z.infer<typeof MailMessageSummary>;
export type MailMessage = z.infer<typeof MailMessage>;
export type MailOutboxQuery = z.infer<typeof MailOutboxQuery>;
export type MailStatusReport = z.infer<typeof MailStatusReport>;
