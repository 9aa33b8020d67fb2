import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: object,
) => Promise<Buffer>;

// N=2^15 takes ~50 ms here: slow enough to blunt guessing, fast enough for a login form.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** `scrypt$N$r$p$salt$hash`, all base64url: self-describing so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join(
    '$',
  );
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(key, expected);
}

/** Session ids, API tokens and calendar feed tokens are random; only their SHA-256 is stored. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const newApiToken = () => `lia_${randomBytes(32).toString('base64url')}`;
export const newSessionId = () => randomBytes(32).toString('base64url');
/** A calendar feed's secret: it stands in its URL, so only URL-safe characters (docs/calendar.md). */
export const newFeedToken = () => `lcf_${randomBytes(32).toString('base64url')}`;

/**
 * A webhook endpoint's signing secret: 32 random bytes. Unlike a token it is stored as is, since
 * the server signs with it; it is answered only when made (docs/webhooks.md, docs/security.md).
 */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The secret of a link mailed to a customer user (an invitation, a sign-in link): URL-safe. */
export const newPortalLinkToken = () => randomBytes(32).toString('base64url');

/**
 * A portal session's CSRF token (docs/security.md, Customer portal): an HMAC keyed by the session's
 * own secret, so only a page that was answered it (the portal's own, same-origin) can send it, and
 * nothing needs storing. It changes with every session.
 */
export const portalCsrfToken = (sessionSecret: string) =>
  createHmac('sha256', sessionSecret).update('liaison-portal-csrf').digest('base64url');

/** Compares two secrets in constant time (different lengths are simply unequal). */
export function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}
