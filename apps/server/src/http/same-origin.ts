import { DomainError } from '@liaison/domain';
import type { FastifyRequest } from 'fastify';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const defaultPorts: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host[:port]` with the scheme's default port left out, as a URL's `host` writes it. */
function hostWithoutDefaultPort(host: string, protocol: string): string {
  const port = defaultPorts[protocol];
  return port && host.endsWith(`:${port}`) ? host.slice(0, -port.length - 1) : host;
}

/** Whether the Origin header names the server this request reached (its Host). */
function originIsThisHost(origin: string, host: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (a sandboxed or privacy-stripped origin) or garbage
  }
  return url.host.toLowerCase() === hostWithoutDefaultPort(host.toLowerCase(), url.protocol);
}

/**
 * Refuses a write a browser sends on behalf of another page (docs/security.md, CSRF).
 *
 * A cookie is ambient: a page on another port or subdomain of the same site (SameSite=Lax counts
 * it as "same site") can make the browser send the victim's session with a form or a `fetch` in
 * no-cors mode: a text/plain CSV import, an empty-bodied approval. Browsers say where a request
 * comes from: `Sec-Fetch-Site` (every current browser), else `Origin` (older ones, on every
 * write). A request with neither did not come from a browser (the CLI's sign-in, curl): no page
 * can have forged it, so it passes. Bearer tokens are never ambient and are not checked.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  if (safeMethods.has(request.method)) return;
  if (request.principal?.authenticatedBy === 'api_token') return;
  const fetchSite = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  let sameOrigin: boolean;
  if (typeof fetchSite === 'string') sameOrigin = fetchSite === 'same-origin';
  else if (typeof origin === 'string') sameOrigin = originIsThisHost(origin, request.host);
  else sameOrigin = true;
  if (!sameOrigin) {
    throw new DomainError(
      'CROSS_SITE_REQUEST',
      'This request came from another site: a signed-in browser only accepts changes made from Liaison itself. Scripts and integrations use an API token ("Authorization: Bearer <token>").',
    );
  }
}
