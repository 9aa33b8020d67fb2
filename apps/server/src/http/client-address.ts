import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';

/**
 * The caller's address as throttling counts it: an IPv6 caller by its /64 (one household or
 * machine holds a whole /64). Behind a proxy, `LIAISON_TRUST_PROXY` makes `request.ip` the
 * client's rather than the proxy's (docs/security.md, Throttling).
 */
export const clientAddress = (request: FastifyRequest): string => normalizeIP(request.ip, 64);
