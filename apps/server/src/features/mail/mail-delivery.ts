import { createTransport } from 'nodemailer';
import type { Database } from '../../db/client.ts';
import type { JobDefinition } from '../../kernel/job-queue.ts';
import { mailStore } from './mail.store.ts';

/** The queue every message is delivered through: one job per message (and per re-send). */
export const DELIVER_JOB = 'mail-deliver';
/** Finds messages whose job was lost and queues them again. */
export const SWEEP_JOB = 'mail-sweep';

/** Attempts after the first; the waits double from 30 s: 30 s, 1, 2, 4 and 8 minutes. */
export const DELIVERY_RETRY_LIMIT = 5;

export const HELD_NOTE = 'No SMTP server is configured (SMTP_URL): kept in the outbox.';

/** What a delivery attempt needs from the mail service. */
export interface Delivery {
  db: Database;
  smtpUrl: string | undefined;
  mailFrom: string;
  clock: () => Date;
  /** Queues a delivery job for a message (the sweep's re-queue). */
  requeue: (messageId: string) => Promise<unknown>;
}

export type DeliveryOutcome =
  | { status: 'sent' | 'held'; messageId: string }
  | { skipped: 'missing' | 'sent' | 'held' | 'failed' | 'invalid'; messageId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `smtp(s)://host:port` without credentials: what admins may read of SMTP_URL. */
export function smtpServerLabel(smtpUrl: string | undefined): string | null {
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  return `${url.protocol}//${url.hostname}:${port}`;
}

/** The domain of MAIL_FROM's address, for the Message-IDs we give our messages. */
function senderDomain(mailFrom: string): string {
  const address = /<([^<>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.slice(address.lastIndexOf('@') + 1) || 'localhost';
}

/** An SMTP error as an admin reads it: the server's answer when there is one. */
function describeError(error: unknown): string {
  const smtp = error as { message?: unknown; response?: unknown; code?: unknown } | null;
  const text =
    typeof smtp?.response === 'string' && smtp.response
      ? smtp.response
      : typeof smtp?.message === 'string'
        ? smtp.message
        : String(error);
  return text.slice(0, 1_000);
}

export function createDelivery(delivery: Delivery) {
  const { db, smtpUrl, mailFrom, clock } = delivery;
  // Timeouts bound how long a delivery holds its row lock on a server that does not answer.
  const transport = smtpUrl
    ? createTransport({
        url: smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 60_000,
      })
    : null;
  const domain = senderDomain(mailFrom);

  /**
   * One attempt at one message. The row is locked for the attempt, so a job that runs twice (a
   * server lost mid-send, a sweep's duplicate) waits and then finds it sent. A failure is
   * recorded, committed, then thrown: the queue retries with backoff until the last attempt,
   * which marks the message `failed` (the dead-letter list).
   */
  async function deliver(messageId: string, attempt: number): Promise<DeliveryOutcome> {
    if (!UUID.test(messageId)) return { skipped: 'invalid', messageId };
    const last = attempt > DELIVERY_RETRY_LIMIT;
    const outcome = await db.transaction(async (tx) => {
      const row = await mailStore.lock(tx, messageId);
      if (!row) return { skipped: 'missing' as const, messageId };
      if (row.status !== 'queued') return { skipped: row.status as 'sent' | 'held' | 'failed', messageId };
      const at = clock().toISOString();
      if (!transport) {
        await mailStore.markHeld(tx, row.id, at, HELD_NOTE);
        return { status: 'held' as const, messageId };
      }
      try {
        const info = await transport.sendMail({
          from: mailFrom,
          to: row.toAddress,
          subject: row.subject,
          text: row.bodyText,
          ...(row.bodyHtml ? { html: row.bodyHtml } : {}),
          // One Message-ID per message, the same on every attempt: a receiver that got a copy
          // from an attempt we saw fail can tell the next one is the same message.
          messageId: `<${row.id}@${domain}>`,
          headers: { 'X-Liaison-Kind': row.kind },
        });
        await mailStore.markSent(tx, row.id, at, {
          messageId: info.messageId ?? null,
          response: info.response ?? null,
        });
        return { status: 'sent' as const, messageId };
      } catch (error) {
        const reason = describeError(error);
        await mailStore.recordFailure(tx, row.id, at, reason, last ? 'failed' : 'queued');
        return { failed: reason };
      }
    });
    if ('failed' in outcome) throw new Error(`mail ${messageId}, attempt ${attempt}: ${outcome.failed}`);
    return outcome;
  }

  /** Queues again what is queued but was never tried ten minutes after it was due. */
  async function sweep(): Promise<number> {
    const dueBefore = new Date(clock().getTime() - 10 * 60_000).toISOString();
    const ids = await mailStore.strandedIds(db, dueBefore, 500);
    for (const id of ids) await delivery.requeue(id);
    return ids.length;
  }

  function jobs(): JobDefinition<never>[] {
    const deliverJob: JobDefinition<{ messageId?: unknown }> = {
      name: DELIVER_JOB,
      description:
        'Sends one e-mail from the outbox over SMTP (held in the outbox when no SMTP server is set).',
      retryLimit: DELIVERY_RETRY_LIMIT,
      retryDelaySeconds: 30,
      backoff: true,
      // Past the transport's timeouts: an attempt that runs longer was lost with its server.
      expireInSeconds: 300,
      concurrency: 2,
      run: (data, job) => deliver(typeof data.messageId === 'string' ? data.messageId : '', job.attempt),
    };
    const sweepJob: JobDefinition = {
      name: SWEEP_JOB,
      description: 'Queues again the e-mails whose delivery job was lost.',
      schedule: '*/10 * * * *',
      policy: 'stately',
      retryLimit: 2,
      retryDelaySeconds: 60,
      backoff: true,
      expireInSeconds: 600,
      run: async () => ({ requeued: await sweep() }),
    };
    return [deliverJob, sweepJob] as JobDefinition<never>[];
  }

  return { deliver, sweep, jobs, smtpConfigured: transport !== null };
}
