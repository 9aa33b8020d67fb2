import { randomBytes } from 'node:crypto';
import { DomainError } from '@liaison/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PortalAuthService } from '../features/portal/index.ts';
import type { CustomerContext } from '../kernel/context.ts';
import { portalCsrfToken, sameSecret } from '../kernel/secrets.ts';
import { checkSameOrigin } from './same-origin.ts';

// The customer portal's edge (docs/portal.md, docs/security.md "Customer portal"): every route
// under /api/v1/portal is a portal route, signed in with the portal's own cookie and nothing
// else. Staff credentials mean nothing here, and the portal cookie means nothing to staff routes
// (authentication.ts never reads it): the two kinds of session cannot stand in for each other.

/** The portal session's cookie: `HttpOnly`, `SameSite=Strict`, separate from `liaison_session`. */
export const PORTAL_COOKIE = 'liaison_portal';
/** The pre-session CSRF cookie (double submit) of the sign-in pages. */
export const PORTAL_CSRF_COOKIE = 'liaison_portal_csrf';
/** Where every portal write carries its CSRF token. */
export const PORTAL_CSRF_HEADER = 'x-liaison-csrf';
export const PORTAL_PREFIX = '/api/v1/portal';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in customer user of a portal route, or null. */
    customerContext: CustomerContext | null;
    /** The portal session's secret (the cookie's value) when one is signed in. */
    portalSession: string | null;
    /**
     * The customer user a portal route acts for (customerUserId, contactId, accountId, actor, now,
     * requestId); 401 when nobody is signed in to the portal. Scope every read and write by
     * `accountId`: a customer user sees their own account only.
     */
    customer(): CustomerContext;
  }
}

const signInToThePortal = () =>
  new DomainError('UNAUTHENTICATED', 'Sign in to the customer portal (/portal/sign-in).');

/** Whether a route is the portal's: by its path, so a new route under /api/v1/portal cannot forget. */
export function isPortalRoute(url: string): boolean {
  return url === PORTAL_PREFIX || url.startsWith(`${PORTAL_PREFIX}/`);
}

export function registerPortalRequest(app: FastifyInstance) {
  app.decorateRequest('customerContext', null);
  app.decorateRequest('portalSession', null);
  app.decorateRequest('customer', function (this: FastifyRequest): CustomerContext {
    if (!this.customerContext) throw signInToThePortal();
    return this.customerContext;
  });
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token this request's writes must carry: the session's, or before sign-in the CSRF cookie's. */
function expectedCsrfToken(request: FastifyRequest): string | null {
  if (request.portalSession) return portalCsrfToken(request.portalSession);
  const cookie = request.cookies[PORTAL_CSRF_COOKIE];
  return cookie && cookie.length >= 32 ? cookie : null;
}

function checkCsrfToken(request: FastifyRequest): void {
  if (safeMethods.has(request.method)) return;
  const given = request.headers[PORTAL_CSRF_HEADER];
  const expected = expectedCsrfToken(request);
  if (typeof given !== 'string' || !expected || !sameSecret(given, expected)) {
    throw new DomainError(
      'CROSS_SITE_REQUEST',
      `A portal change must carry the portal's CSRF token as ${PORTAL_CSRF_HEADER} (GET ${PORTAL_PREFIX}/csrf).`,
    );
  }
}

/**
 * The authentication of a portal route, in the order that tells a caller the least: another site's
 * write is refused (same-origin, as for staff), then a private route without a portal session is
 * 401, then a write without the right CSRF token is 403 `CROSS_SITE_REQUEST`.
 */
export async function authenticateCustomer(
  request: FastifyRequest,
  portal: PortalAuthService,
  isPublic: boolean,
): Promise<void> {
  checkSameOrigin(request);
  const secret = request.cookies[PORTAL_COOKIE];
  if (secret) {
    request.customerContext = await portal.customerFromSession(secret, request.now, request.id);
    if (request.customerContext) request.portalSession = secret;
  }
  if (!request.customerContext && !isPublic) throw signInToThePortal();
  checkCsrfToken(request);
}

/**
 * The CSRF token for the page: the session's when signed in, else the pre-session double-submit
 * token (set as an HttpOnly cookie, answered in the body: only a same-origin page can read it).
 */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, secureCookies: boolean): string {
  const expected = expectedCsrfToken(request);
  if (expected) return expected;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(PORTAL_CSRF_COOKIE, token, {
    path: PORTAL_PREFIX,
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
  });
  return token;
}

/** Sets the portal session's cookie after a sign-in. */
export function setPortalSession(
  reply: FastifyReply,
  session: { sessionSecret: string; expiresAt: Date },
  secureCookies: boolean,
): void {
  reply.setCookie(PORTAL_COOKIE, session.sessionSecret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies,
    expires: session.expiresAt,
  });
}

export function clearPortalSession(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, { path: '/' });
}
