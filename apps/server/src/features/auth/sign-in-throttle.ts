import { RetryLaterError } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import { signInThrottleStore } from './sign-in-throttle.store.ts';

/** How many sign-in attempts a window allows, per e-mail and per client address. */
export interface SignInLimits {
  perEmail: number;
  perClient: number;
  windowMinutes: number;
}

// docs/security.md, Throttling: ten guesses at one account, fifty failures from one client, per
// quarter of an hour. A person who mistypes gets there rarely; a guesser gets 960 a day per account.
export const defaultSignInLimits: SignInLimits = { perEmail: 10, perClient: 50, windowMinutes: 15 };

/**
 * Refuses sign-ins beyond the limits before any password is checked. An attempt is counted
 * before its password is checked, so attempts sent in parallel are numbered one by one and only
 * the first ones of the window are checked at all. Unknown, known and deactivated e-mails are
 * counted and refused alike: the answer says nothing about the account.
 */
export function createSignInThrottle(
  db: Database,
  limits: SignInLimits = defaultSignInLimits,
  /**
   * Counts kept apart from staff sign-ins: the customer portal's (`portal`, `portal-link`) use
   * their own, so a customer guessing cannot lock a staff address out, nor the other way round.
   */
  scope = '',
) {
  const windowMs = limits.windowMinutes * 60_000;
  const prefix = scope ? `${scope}:` : '';
  const keysOf = (email: string, client: string) => ({
    email: `${prefix}email:${email.trim().toLowerCase()}`,
    client: `${prefix}client:${client}`,
  });
  return {
    async admit(email: string, client: string, now: Date): Promise<void> {
      const keys = keysOf(email, client);
      const counts = await signInThrottleStore.count(db, [keys.email, keys.client], now, windowMs);
      const over = counts.filter(
        (count) => count.attempts > (count.key === keys.email ? limits.perEmail : limits.perClient),
      );
      if (over.length === 0) return;
      // The window closes at its start plus its length (bounded, should the clock move back).
      const waitMs = Math.max(
        ...over.map((count) =>
          Math.min(windowMs, count.windowStartedAt.getTime() + windowMs - now.getTime()),
        ),
      );
      const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
      throw new RetryLaterError(
        `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        waitMs / 1000,
      );
    },

    /** A successful sign-in clears its e-mail's count and does not count against its client. */
    async succeeded(email: string, client: string, now: Date): Promise<void> {
      const keys = keysOf(email, client);
      await signInThrottleStore.clear(db, keys.email);
      await signInThrottleStore.giveBack(db, keys.client);
      await signInThrottleStore.deleteClosed(db, now, windowMs);
    },
  };
}
