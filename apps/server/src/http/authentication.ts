import type {} from '@fastify/cookie';
import { DomainError } from '@liaison/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../features/auth/index.ts';
import type { RequestContext } from '../kernel/context.ts';

export const SESSION_COOKIE = 'liaison_session';

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
 * integrations) or the session cookie (the web app). Routes ask for `request.context()`.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService, clock: () => Date) {
  app.decorateRequest('principal', null);
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
  });
}
