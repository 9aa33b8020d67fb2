import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@liaison/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { clientAddress } from './client-address.ts';

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

/**
 * Calendar feeds are fetched without a sign-in (the URL's token is the credential), so they are
 * counted per client address instead: a calendar app polls a few times an hour, while someone
 * trying tokens, or hammering the feed, soon gets 429 (docs/calendar.md, Security).
 */
export const defaultFeedRateLimit: ApiRateLimit = { max: 60, windowSeconds: 60 };

/** The route-level `config.rateLimit` of the feed route, over the global one above. */
export function feedRateLimit(limit: ApiRateLimit) {
  return {
    max: limit.max,
    timeWindow: limit.windowSeconds * 1000,
    allowList: () => false,
    keyGenerator: (request: FastifyRequest) => `feed:${clientAddress(request)}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { max: number; after: string }) =>
      new DomainError(
        'RATE_LIMITED',
        `More than ${context.max} calendar feed requests from this address in ${limit.windowSeconds} seconds. Retry after ${context.after}.`,
      ),
  };
}
