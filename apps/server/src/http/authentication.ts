import type {} from '@fastify/cookie';
import { DomainError } from '@liaison/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../features/auth/index.ts';
import type { PortalAuthService } from '../features/portal/index.ts';
import type { RequestContext } from '../kernel/context.ts';
import { authenticateCustomer, isPortalRoute, registerPortalRequest } from './portal-authentication.ts';
import { checkSameOrigin } from './same-origin.ts';

export const SESSION_COOKIE = 'liaison_session';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Declares a route open to anonymous callers; every other route needs a signed-in caller. */
    public?: boolean;
  }
}

/** The docs pages come from @fastify/swagger-ui, whose routes take no config: public by prefix. */
export const DOCS_PREFIX = '/api/docs';

/** Private unless declared public: the one definition the server enforces and the tests sweep. */
export function isPublicRoute(url: string, config: { public?: boolean } | undefined): boolean {
  return config?.public === true || url.startsWith(DOCS_PREFIX);
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The authenticated caller and the instant this request is judged at; 401 when anonymous. */
    context(): RequestContext;
    now: Date;
  }
}

/**
 * Resolves the caller once per request, from `Authorization: Bearer <token>` (CLI,
 * integrations) or the session cookie (the web app). Routes ask for `request.context()`; the
 * customer portal's routes (/api/v1/portal) ask for `request.customer()` instead.
 */
export function registerAuthentication(
  app: FastifyInstance,
  auth: AuthService,
  portal: PortalAuthService,
  clock: () => Date,
) {
  app.decorateRequest('principal', null);
  registerPortalRequest(app);
  app.decorateRequest('now', null as unknown as Date);
  app.decorateRequest('context', function (this: FastifyRequest): RequestContext {
    if (!this.principal) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Sign in, or send an API token as "Authorization: Bearer <token>".',
      );
    }
    return { user: this.principal.user, actor: this.principal.actor, now: this.now, requestId: this.id };
  });

  app.addHook('onRequest', async (request) => {
    request.now = clock();
    // The customer portal's routes know only the portal's own session (portal-authentication.ts).
    const url = request.routeOptions.url ?? '';
    if (!request.is404 && isPortalRoute(url))
      return authenticateCustomer(request, portal, isPublicRoute(url, request.routeOptions.config));
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const principal = match ? await auth.principalFromToken(match[1]!, request.now) : null;
      if (!principal)
        throw new DomainError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.');
      request.principal = principal;
      return;
    }
    const session = request.cookies[SESSION_COOKIE];
    if (session) request.principal = await auth.principalFromSession(session, request.now);
    // Private by default, before the body is even validated: an anonymous caller learns nothing
    // of a private route's schema. Unknown paths keep their 404.
    if (request.is404) return;
    if (!request.principal && !isPublicRoute(request.routeOptions.url ?? '', request.routeOptions.config)) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'Sign in, or send an API token as "Authorization: Bearer <token>".',
      );
    }
    // A write signed by the cookie (or a sign-in) must come from Liaison's own pages.
    checkSameOrigin(request);
  });
}
