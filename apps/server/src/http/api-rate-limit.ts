import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@liaison/domain';
import type { FastifyInstance } from 'fastify';

export interface ApiRateLimit {
  /** Requests one API token may make per window. */
  max: number;
  windowSeconds: number;
}

// docs/security.md, Throttling: the limit the README documents for API tokens.
export const defaultApiRateLimit: ApiRateLimit = { max: 600, windowSeconds: 60 };

/**
 * Rate limit per API token, with `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`
 * on every token request and `Retry-After` on a 429. Counted in each server's memory
 * (docs/decisions/0008-api-rate-limit-per-server.md). Sessions (the web app) are not limited
 * here; sign-in has its own throttle, shared by every server.
 *
 * Register before the routes: the limit hooks into each route as it is declared, and runs after
 * the authentication hook (route hooks follow the application's), so it knows the token.
 */
export async function registerApiRateLimit(app: FastifyInstance, limit: ApiRateLimit) {
  await app.register(rateLimit, {
    global: true,
    max: limit.max,
    timeWindow: limit.windowSeconds * 1000,
    enableDraftSpec: true,
    allowList: (request) => request.principal?.authenticatedBy !== 'api_token',
    keyGenerator: (request) => `token:${request.principal?.credential.id ?? ''}`,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'RATE_LIMITED',
        `This API token made more than ${context.max} requests in ${limit.windowSeconds} seconds. Retry after ${context.after}.`,
      ),
  });
}
