import type { Executor } from '../../db/client.ts';
import { hashToken, newPortalLinkToken } from '../../kernel/secrets.ts';
import type { OutgoingMail } from '../mail/index.ts';
import { type PortalTokenPurpose, portalSessionsStore } from './portal-sessions.store.ts';

/** How long a mailed link works (docs/portal.md). */
export const INVITATION_DAYS = 7;
export const SIGN_IN_LINK_MINUTES = 15;

/** What the portal needs of the mail feature: `queue` in the caller's transaction (docs/mail.md). */
export interface PortalMail {
  queue(executor: Executor, message: OutgoingMail): Promise<unknown>;
}

/** Installation facts the portal's messages and pages carry. */
export interface PortalSettings {
  /** LIAISON_VENDOR_NAME: the company whose portal this is. */
  vendorName: string;
  /** LIAISON_SUPPORT_URL: where a customer with a support problem goes; null: no link. */
  supportUrl: string | null;
  /** LIAISON_PUBLIC_URL: where the links in messages point. */
  publicUrl: () => string;
}

const paths: Record<PortalTokenPurpose, string> = {
  invitation: '/portal/invite/',
  sign_in: '/portal/sign-in/',
};

/**
 * Makes a new link of this purpose for a customer user, retiring the ones before it (only the
 * latest invitation or sign-in link works), in the caller's transaction. Only the token's hash is
 * stored; the link itself exists in the message alone.
 */
export async function issueLink(
  executor: Executor,
  settings: PortalSettings,
  customerUserId: string,
  purpose: PortalTokenPurpose,
  now: Date,
): Promise<{ link: string; expiresAt: Date }> {
  await portalSessionsStore.retireTokens(executor, customerUserId, now, purpose);
  const token = newPortalLinkToken();
  const lifetimeMs = purpose === 'invitation' ? INVITATION_DAYS * 86_400_000 : SIGN_IN_LINK_MINUTES * 60_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  await portalSessionsStore.insertToken(executor, {
    tokenHash: hashToken(token),
    customerUserId,
    purpose,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  return { link: `${settings.publicUrl().replace(/\/+$/, '')}${paths[purpose]}${token}`, expiresAt };
}

/** Issues a link and queues the message that carries it, in the caller's transaction. */
export async function mailLink(
  executor: Executor,
  deps: { mail: PortalMail; settings: PortalSettings },
  customerUserId: string,
  purpose: PortalTokenPurpose,
  now: Date,
  message: (link: { link: string; expiresAt: Date }) => OutgoingMail,
): Promise<void> {
  await deps.mail.queue(
    executor,
    message(await issueLink(executor, deps.settings, customerUserId, purpose, now)),
  );
}
