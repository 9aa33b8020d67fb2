import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every response: the web app (a Vite build) and the API docs
 * (swagger-ui) load their scripts, styles, fonts and images from this server only and talk to
 * this server only. Styles allow inline (Mantine and swagger-ui write style attributes and
 * `<style>` elements at run time); scripts do not. No page of Liaison may be framed.
 */
export function contentSecurityPolicy(secure: boolean): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    // Over plain HTTP (a laptop, a LAN server) upgrading would break every asset.
    ...(secure ? { upgradeInsecureRequests: [] } : {}),
  };
}

/**
 * Security headers on every response (docs/security.md, Headers): the CSP above, no framing
 * (X-Frame-Options DENY for browsers without `frame-ancestors`), nosniff, a referrer policy
 * that keeps the Origin header on the app's own writes (the CSRF check reads it), and HSTS only
 * when the server is reached over HTTPS (`LIAISON_SECURE_COOKIES=true`).
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }) {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.secure) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    hsts: options.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    // The docs page and the app load nothing from elsewhere; other origins may not embed ours.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
