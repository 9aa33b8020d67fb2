import type { MailMessage, MailOutboxQuery, MailStatusReport } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import type { JobDefinition, JobQueue } from '../../kernel/job-queue.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { presentMailMessage, presentMailSummary } from './mail.presenter.ts';
import { mailStore } from './mail.store.ts';
import { createDelivery, DELIVER_JOB, smtpServerLabel } from './mail-delivery.ts';

/** A message another feature wants sent (notifications, digests, the portal's invitations). */
export interface OutgoingMail {
  to: string;
  toUserId?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  /** What it is, as the outbox filters it: `notification`, `digest`, `invitation`, … */
  kind: string;
  /** The same key twice is one message: the second is not queued. */
  dedupeKey?: string | null;
  /** Quiet hours: not sent before this instant. */
  sendAfter?: Date | null;
}

export interface MailDeps {
  queue: JobQueue;
  /** Unset: messages are held in the outbox (docs/mail.md). */
  smtpUrl?: string | undefined;
  mailFrom: string;
  clock: () => Date;
  /** The web app's origin, for the links a message carries (LIAISON_PUBLIC_URL). */
  publicUrl?: string | undefined;
}

const ADDRESS = /^[^\s<>@"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/;
const KIND = /^[a-z][a-z0-9_-]{0,39}$/;
const OutboxCursor = z.object({ createdAt: z.string(), id: z.uuid() });

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function invalid(path: string, message: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);
}

/** A message as a caller built it, checked: a bad one is the caller's bug, refused before it is stored. */
function checked(message: OutgoingMail): OutgoingMail {
  if (!ADDRESS.test(message.to) || message.to.length > 254) throw invalid('to', 'is not an e-mail address');
  if (!KIND.test(message.kind)) throw invalid('kind', 'must be lower-case letters, digits, - or _');
  if (!message.subject.trim() || /[\r\n]/.test(message.subject))
    throw invalid('subject', 'must be one non-empty line');
  if (message.sendAfter && Number.isNaN(message.sendAfter.getTime()))
    throw invalid('sendAfter', 'is not an instant');
  return message;
}

/**
 * E-mail (docs/mail.md): every message is a row of the outbox, written in the caller's
 * transaction together with the job that delivers it, so a message exists exactly when what
 * caused it does and is never dropped: sent, held (no SMTP server), or failed for an admin to see.
 */
export function createMailService(db: Database, deps: MailDeps) {
  const publicUrl = (deps.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  const startDelivery = (messageId: string, executor?: Executor, sendAfter?: Date | null) =>
    deps.queue.send(
      DELIVER_JOB,
      { messageId },
      { ...(executor ? { executor } : {}), ...(sendAfter ? { startAfter: sendAfter } : {}) },
    );
  const delivery = createDelivery({
    db,
    smtpUrl: deps.smtpUrl,
    mailFrom: deps.mailFrom,
    clock: deps.clock,
    requeue: (messageId) => startDelivery(messageId),
  });
  const admin = (context: RequestContext) =>
    authorize(policies.manageMail(context.user), 'Only admins can read the outbox and send e-mail.');

  async function queue(executor: Executor, message: OutgoingMail): Promise<string | null> {
    const mail = checked(message);
    const id = await mailStore.insert(executor, {
      toAddress: mail.to,
      toUserId: mail.toUserId ?? null,
      subject: mail.subject,
      bodyText: mail.text,
      bodyHtml: mail.html ?? null,
      kind: mail.kind,
      dedupeKey: mail.dedupeKey ?? null,
      createdAt: deps.clock().toISOString(),
      sendAfter: mail.sendAfter ? mail.sendAfter.toISOString() : null,
    });
    if (id === null) return null;
    await startDelivery(id, executor, mail.sendAfter);
    return id;
  }

  async function find(id: string): Promise<MailMessage> {
    const row = await mailStore.find(db, id);
    if (!row) throw notFound('Message', id);
    return presentMailMessage(row);
  }

  return {
    /** Queues a message inside the caller's transaction (executor); returns its id, or null when its dedupe key was seen. */
    queue,
    /** The job definitions (delivery, and the sweep that re-queues a lost delivery) the server runs. */
    jobs: (): JobDefinition<never>[] => delivery.jobs(),
    /** One delivery attempt, as the job runs it (tests call it directly). */
    deliver: delivery.deliver,
    /** Whether SMTP_URL is set: without it every message is held in the outbox. */
    smtpConfigured: delivery.smtpConfigured,

    /** Admins: the outbox, newest first, by status, kind or recipient. */
    async list(context: RequestContext, query: MailOutboxQuery) {
      admin(context);
      const after = decodeCursor(query.cursor, OutboxCursor);
      const rows = await mailStore.page(db, {
        status: query.status,
        kind: query.kind,
        to: query.to,
        after,
        limit: query.limit + 1,
      });
      const last = rows.length > query.limit ? rows[query.limit - 1] : undefined;
      return {
        items: rows.slice(0, query.limit).map(presentMailSummary),
        nextCursor: last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
      };
    },

    /** Admins: one message with its text and html. */
    async get(context: RequestContext, id: string): Promise<MailMessage> {
      admin(context);
      return find(id);
    },

    /** Admins: a held or failed message queued again (after SMTP_URL is set, or the server recovered). */
    async resend(context: RequestContext, id: string): Promise<MailMessage> {
      admin(context);
      await db.transaction(async (tx) => {
        const row = await mailStore.lock(tx, id);
        if (!row) throw notFound('Message', id);
        if (!(await mailStore.requeue(tx, id)))
          throw new DomainError(
            'INVALID_STATE',
            `Only a held or failed message can be sent again; this one is ${row.status}.`,
          );
        await startDelivery(id, tx);
      });
      return find(id);
    },

    /** Admins: whether SMTP is configured, the sender, and the outbox by status. */
    async status(context: RequestContext): Promise<MailStatusReport> {
      admin(context);
      return {
        smtpConfigured: delivery.smtpConfigured,
        smtpServer: smtpServerLabel(deps.smtpUrl),
        from: deps.mailFrom,
        publicUrl,
        counts: await mailStore.countsByStatus(db),
      };
    },

    /** Admins: a test message to the caller's own address, through the outbox like any other. */
    async sendTest(context: RequestContext): Promise<MailMessage> {
      admin(context);
      const at = context.now.toISOString();
      const id = await db.transaction((tx) =>
        queue(tx, {
          to: context.user.email,
          toUserId: context.user.id,
          subject: 'Liaison test message',
          text: [
            `Hello ${context.user.name},`,
            '',
            `This is a test message from Liaison, sent at ${at} from the outbox.`,
            'If you read it, e-mail from Liaison reaches you.',
            '',
            `The outbox: ${publicUrl}/admin/outbox`,
          ].join('\n'),
          html: [
            `<p>Hello ${escapeHtml(context.user.name)},</p>`,
            `<p>This is a <strong>test message</strong> from Liaison, sent at ${at} from the outbox.</p>`,
            `<p><a href="${escapeHtml(publicUrl)}/admin/outbox">The outbox</a></p>`,
          ].join('\n'),
          kind: 'test',
        }),
      );
      return find(id!);
    },
  };
}

export type MailService = ReturnType<typeof createMailService>;

/** The mail settings the server starts with (config.ts: SMTP_URL, MAIL_FROM, LIAISON_PUBLIC_URL). */
export interface MailOptions {
  smtpUrl?: string | undefined;
  from: string;
  publicUrl: string;
}
