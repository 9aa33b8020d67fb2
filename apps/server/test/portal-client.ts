import type { CustomerUser } from '@liaison/contracts';
import { factories, ok } from './factories.ts';
import { httpClient, type TestResponse } from './http-client.ts';
import type { TestApp } from './test-app.ts';

// A customer's browser against the portal (docs/portal.md): it keeps the cookies the server sets
// (the portal session, the pre-session CSRF cookie) and sends the CSRF token with every write,
// as the web app's portal pages do.

export type PortalClient = ReturnType<typeof portalClient>;

export function portalClient(app: TestApp) {
  const http = httpClient(app.http);
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: TestResponse) => {
    const set = response.headers['set-cookie'];
    for (const line of [set ?? []].flat() as string[]) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const gone = !value || attributes.some((attribute) => /expires=.*1970/i.test(attribute));
      if (gone) cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    return response;
  };
  const csrf = async () => {
    const response = remember(await http.get('/api/v1/portal/csrf', { cookie: cookieHeader() }));
    return (response.body as { csrfToken: string }).csrfToken;
  };
  async function send<T = any>(
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    // The token first: asking for it may set the pre-session cookie the write must carry.
    const token = method === 'GET' ? null : await csrf();
    const base: Record<string, string> = {
      cookie: cookieHeader(),
      ...(token ? { 'x-liaison-csrf': token } : {}),
    };
    return remember(await http.send<T>(method, url, body, { ...base, ...headers })) as TestResponse<T>;
  }
  return {
    cookies,
    csrf,
    send,
    get: <T = any>(url: string, headers?: Record<string, string>) => send<T>('GET', url, undefined, headers),
    post: <T = any>(url: string, body: unknown = {}, headers?: Record<string, string>) =>
      send<T>('POST', url, body, headers),
    /** The `liaison_portal` cookie as a request header (`name=value`), or null when signed out. */
    sessionCookie: () =>
      cookies.has('liaison_portal') ? `liaison_portal=${cookies.get('liaison_portal')}` : null,
    /** A password sign-in; the body is `PortalMe`, or an error body. */
    signIn: (email: string, password: string) => send('POST', '/api/v1/portal/sign-in', { email, password }),
  };
}

/** The link in the newest message of this kind to this address, read from the admins' outbox. */
export async function linkFromOutbox(app: TestApp, to: string, kind: 'portal-invitation' | 'portal-sign-in') {
  const admin = httpClient(app.http, app.adminToken);
  const page = await ok('outbox', admin.get(`/api/v1/mail/outbox?kind=${kind}&to=${encodeURIComponent(to)}`));
  const newest = page.items[0];
  if (!newest) throw new Error(`No ${kind} message to ${to} in the outbox`);
  const message = await ok('message', admin.get(`/api/v1/mail/outbox/${newest.id}`));
  return linkIn(message.text as string);
}

/** The portal link in a message's text. */
export function linkIn(text: string): { url: string; token: string } {
  const match = /https?:\/\/\S+\/portal\/(?:invite|sign-in)\/([\w-]+)/.exec(text);
  if (!match) throw new Error(`No portal link in: ${text}`);
  return { url: match[0], token: match[1]! };
}

export const CUSTOMER_PASSWORD = 'customer password 1';

/**
 * A customer user of `account`, invited by an admin and signed in (their invitation accepted with
 * `CUSTOMER_PASSWORD`): a contact made for them, the link read from the outbox.
 */
export async function buildCustomer(app: TestApp, account: { id: string }, name = 'Casey Customer') {
  const f = factories(app);
  const admin = httpClient(app.http, app.adminToken);
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Math.random().toString(36).slice(2, 8)}@customer.example`;
  const contact = await f.buildContact(account, { name, email });
  const user = await ok<CustomerUser>(
    'invite',
    admin.post(`/api/v1/accounts/${account.id}/customer-users`, { contactId: contact.id }),
  );
  const { token } = await linkFromOutbox(app, email, 'portal-invitation');
  const client = portalClient(app);
  await ok('accept', client.post('/api/v1/portal/invitation/accept', { token, password: CUSTOMER_PASSWORD }));
  return { client, user, contact, email };
}
