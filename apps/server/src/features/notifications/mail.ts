import type { Executor } from '../../db/client.ts';

/**
 * What notifications need of e-mail (the mail feature provides it; composition wires it). A
 * message is queued inside the caller's transaction, so it exists exactly when the notification
 * or the digest's mark does; the same `dedupeKey` twice queues it once (null the second time).
 */
export interface OutgoingMail {
  to: string;
  toUserId?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  kind: string;
  dedupeKey?: string | null;
  /** Not before this instant: the end of the person's quiet hours. */
  sendAfter?: Date | null;
}

export interface MailQueue {
  queue(executor: Executor, message: OutgoingMail): Promise<string | null>;
}

/**
 * Until an installation's mail is wired: nothing is sent, and the digest's notifications stay
 * pending (a null answer marks nothing digested). The centre works without it.
 */
export const noMail: MailQueue = { queue: async () => null };
