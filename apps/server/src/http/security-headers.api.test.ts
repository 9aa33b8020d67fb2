import { describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { createTestApp } from '../../test/test-app.ts';

// docs/security.md, Headers: the web app, the API and the docs page each carry them.

const app = await createTestApp();
const secure = await createTestApp({ secureCookies: true });
const anonymous = httpClient(app.http);
const admin = httpClient(app.http, app.adminToken);
const html = { accept: 'text/html' };

/** The CSP as a map of directive → sources. */
function policy(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const pages = [
  ['the web app', () => anonymous.get('/', html)],
  ['a page of the web app', () => anonymous.get('/accounts/123', html)],
  ['an API answer', () => admin.get('/api/v1/auth/me')],
  ['an API refusal', () => anonymous.get('/api/v1/accounts')],
  ['an unknown API path', () => anonymous.get('/api/v1/no-such-thing')],
  ['the API docs', () => anonymous.get('/api/docs/')],
  ['the API docs script', () => anonymous.get('/api/docs/static/swagger-initializer.js')],
] as const;

describe('security headers', () => {
  it.each(pages)('%s: no framing, no sniffing, a referrer policy, a strict script policy', async (_, get) => {
    const response = await get();
    expect(response.status).not.toBe(500);
    const headers = response.headers;
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
    // Plain HTTP: HSTS would pin a laptop's localhost to HTTPS.
    expect(headers['strict-transport-security']).toBeUndefined();
    const csp = policy(headers['content-security-policy']);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it.each([
    ['the web app', '/'],
    ['the API docs', '/api/docs/'],
  ])('%s loads every script from its own server, so the script policy lets it run', async (_, path) => {
    const response = await anonymous.get(path, html);
    expect(response.status).toBe(200);
    const scripts = [...String(response.body).matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc="(\/|\.\/)[^"]*"/);
      expect(content!.trim()).toBe('');
    }
    expect(String(response.body)).not.toMatch(/\son[a-z]+=/i); // no inline event handlers either
  });

  it('the docs page answers with the same policy: swagger-ui needs no inline script', async () => {
    const docs = await anonymous.get('/api/docs/', html);
    const web = await anonymous.get('/', html);
    expect(docs.headers['content-security-policy']).toBe(web.headers['content-security-policy']);
  });
});

describe('behind HTTPS (LIAISON_SECURE_COOKIES=true)', () => {
  const client = httpClient(secure.http);

  it.each(['/', '/api/v1/health', '/api/docs/'])(
    '%s adds HSTS and upgrades insecure requests',
    async (path) => {
      const response = await client.get(path, html);
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(policy(response.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
      expect(response.headers['x-frame-options']).toBe('DENY');
    },
  );
});
