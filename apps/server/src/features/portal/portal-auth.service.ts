import type { PortalMe } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import type { CustomerContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { hashPassword, hashToken, newSessionId, verifyPassword } from '../../kernel/secrets.ts';
import { createSignInThrottle, defaultSignInLimits, type SignInLimits } from '../auth/index.ts';
import { customerUserSnapshot, initialsOf } from './customer-users.presenter.ts';
import { customerUsersStore } from './customer-users.store.ts';
import { portalReadModel } from './portal.read-model.ts';
import { mailLink, type PortalMail, type PortalSettings } from './portal-links.ts';
import { signInLinkMail } from './portal-mail.ts';
import { type PortalTokenPurpose, portalSessionsStore } from './portal-sessions.store.ts';

/** A new portal session: the cookie's secret (only its hash is stored) and when it ends. */
export interface PortalSignIn {
  sessionSecret: string;
  expiresAt: Date;
  customerUserId: string;
}

const wrongCredentials = () => new DomainError('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
const deadLink = () =>
  new DomainError(
    'INVALID_CREDENTIALS',
    'This link is not valid: it was already used, has expired, or a newer one replaced it. Ask for a new one.',
  );

// Spent on unknown addresses too, so the time taken does not tell which addresses exist.
const decoyHash = hashPassword('decoy password for timing');

/** The one answer to a sign-in link request, whatever the address (docs/portal.md). */
export const SIGN_IN_LINK_SENT =
  'If this address belongs to a customer user of the portal, a sign-in link is on its way. It works for 15 minutes.';

/**
 * The customer's side of the portal (docs/portal.md): password and magic-link sign-in, accepting
 * an invitation, sessions of their own (`portal_sessions`, never staff ones) and who is signed in.
 */
export function createPortalAuthService(
  db: Database,
  deps: { mail: PortalMail; settings: PortalSettings; sessionHours: number; signInLimits?: SignInLimits },
) {
  const limits = deps.signInLimits ?? defaultSignInLimits;
  // Counted in PostgreSQL like staff sign-ins, under keys of their own (sign-in-throttle.ts).
  const passwordThrottle = createSignInThrottle(db, limits, 'portal');
  const linkThrottle = createSignInThrottle(db, limits, 'portal-link');

  async function startSession(executor: Executor, customerUserId: string, now: Date): Promise<PortalSignIn> {
    const sessionSecret = newSessionId();
    const expiresAt = new Date(now.getTime() + deps.sessionHours * 3_600_000);
    await portalSessionsStore.insertSession(executor, {
      tokenHash: hashToken(sessionSecret),
      customerUserId,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    await customerUsersStore.touchSignIn(executor, customerUserId, now);
    return { sessionSecret, expiresAt, customerUserId };
  }

  /** Locks the link's customer user, then spends the link (the order a delete's cascade takes). */
  async function spendLink(executor: Executor, token: string, purpose: PortalTokenPurpose, now: Date) {
    const tokenHash = hashToken(token);
    const ownerId = await portalSessionsStore.findTokenOwner(executor, tokenHash);
    const owner = ownerId ? await customerUsersStore.lockById(executor, ownerId) : undefined;
    if (!owner || !(await portalSessionsStore.spendToken(executor, tokenHash, purpose, now)))
      throw deadLink();
    return owner;
  }

  return {
    /** Password sign-in, throttled per e-mail and per client like staff sign-in. */
    async signIn(email: string, password: string, client: string, now: Date): Promise<PortalSignIn> {
      await passwordThrottle.admit(email, client, now);
      const user = await customerUsersStore.findByEmail(db, email);
      let valid = false;
      if (user?.passwordHash) valid = await verifyPassword(password, user.passwordHash);
      else await verifyPassword(password, await decoyHash);
      if (!user || !valid || user.status !== 'active') throw wrongCredentials();
      const signedIn = await startSession(db, user.id, now);
      await passwordThrottle.succeeded(email, client, now);
      return signedIn;
    },

    /**
     * Mails a sign-in link to an active customer user; answers the same for any address. Throttled
     * like a sign-in, so nobody can fill a customer's inbox.
     */
    async requestSignInLink(email: string, client: string, now: Date): Promise<void> {
      await linkThrottle.admit(email, client, now);
      const user = await customerUsersStore.findByEmail(db, email);
      if (user?.status !== 'active') return;
      const { name } = (await customerUsersStore.findById(db, user.id))!;
      await db.transaction((tx) =>
        mailLink(tx, deps, user.id, 'sign_in', now, (link) =>
          signInLinkMail({ ...link, to: user.email, name, vendorName: deps.settings.vendorName }),
        ),
      );
    },

    async signInWithLink(token: string, now: Date): Promise<PortalSignIn> {
      return db.transaction(async (tx) => {
        const owner = await spendLink(tx, token, 'sign_in', now);
        if (owner.status !== 'active') throw deadLink();
        return startSession(tx, owner.id, now);
      });
    },

    /** Sets the password of an invited customer user, activates them and signs them in. */
    async acceptInvitation(
      token: string,
      password: string,
      now: Date,
      requestId: string,
    ): Promise<PortalSignIn> {
      // Hashed before the transaction: no lock is held while scrypt runs.
      const passwordHash = await hashPassword(password);
      return db.transaction(async (tx) => {
        const owner = await spendLink(tx, token, 'invitation', now);
        if (owner.status !== 'invited') throw deadLink();
        const before = await customerUsersStore.findById(tx, owner.id);
        await customerUsersStore.update(
          tx,
          owner.id,
          { status: 'active', passwordHash, activatedAt: now.toISOString() },
          now,
        );
        const after = (await customerUsersStore.findById(tx, owner.id))!;
        await recordChanges(
          tx,
          { actor: { type: 'contact', id: after.contactId, name: after.name }, now, requestId },
          [
            {
              accountId: owner.accountId,
              entityType: 'customer_user',
              entityId: owner.id,
              before: before ? customerUserSnapshot(before) : null,
              after: customerUserSnapshot(after),
            },
          ],
        );
        return startSession(tx, owner.id, now);
      });
    },

    async signOut(sessionSecret: string): Promise<void> {
      await portalSessionsStore.deleteSession(db, hashToken(sessionSecret));
    },

    /** The customer signed in with this session secret, or null (unknown, expired, deactivated). */
    async customerFromSession(
      sessionSecret: string,
      now: Date,
      requestId: string,
    ): Promise<CustomerContext | null> {
      const found = await portalSessionsStore.findBySession(db, hashToken(sessionSecret), now);
      if (found?.status !== 'active') return null;
      return {
        customerUserId: found.customerUserId,
        contactId: found.contactId,
        accountId: found.accountId,
        name: found.name,
        email: found.email,
        actor: { type: 'contact', id: found.contactId, name: found.name },
        now,
        requestId,
      };
    },

    /** `GET /portal/me`: the customer, their account's name, the vendor and the TAM; nothing else. */
    async me(customer: CustomerContext): Promise<PortalMe> {
      const face = await portalReadModel.accountFace(db, customer.accountId, customer.now);
      if (!face) throw new DomainError('UNAUTHENTICATED', 'Sign in to the customer portal.');
      return {
        customerUser: {
          id: customer.customerUserId,
          name: customer.name,
          email: customer.email,
          contactId: customer.contactId,
        },
        account: { id: customer.accountId, name: face.accountName },
        vendor: { name: deps.settings.vendorName, supportUrl: deps.settings.supportUrl },
        tam: face.tamName ? { name: face.tamName, initials: initialsOf(face.tamName) } : null,
      };
    },
  };
}

export type PortalAuthService = ReturnType<typeof createPortalAuthService>;
