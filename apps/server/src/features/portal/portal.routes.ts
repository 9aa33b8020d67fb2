import {
  PortalAcceptInvitationRequest,
  PortalCsrf,
  PortalMagicLinkRequest,
  PortalMagicLinkSent,
  PortalMagicLinkSignIn,
  PortalMe,
  PortalSignInRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { clientAddress } from '../../http/client-address.ts';
import {
  clearPortalSession,
  csrfTokenFor,
  PORTAL_COOKIE,
  setPortalSession,
} from '../../http/portal-authentication.ts';
import { SIGN_IN_LINK_SENT } from './portal-auth.service.ts';

const CSRF_NOTE = 'Sends the CSRF token of GET /portal/csrf as X-Liaison-CSRF.';

/**
 * The customer portal's own API (docs/portal.md), under /api/v1/portal: every route here is
 * authenticated by the portal's session only (http/portal-authentication.ts); a route that is not
 * public gets its customer from `request.customer()`.
 */
export const portalRoutes: FastifyPluginAsyncZod<{ services: Services; secureCookies: boolean }> = async (
  app,
  { services, secureCookies },
) => {
  const tags = ['portal'];
  const portal = services.portalAuth;

  app.get(
    '/portal/csrf',
    {
      schema: {
        tags,
        description:
          "Public. The CSRF token every portal write carries as X-Liaison-CSRF: the session's own when signed in, else a sign-in token (also set as a cookie).",
        response: { 200: PortalCsrf },
      },
      config: { public: true },
    },
    async (request, reply) => ({ csrfToken: csrfTokenFor(request, reply, secureCookies) }),
  );

  /** Signs the customer in: the session cookie, and who they are. */
  const signedIn = async (
    reply: Parameters<typeof setPortalSession>[0],
    session: Awaited<ReturnType<typeof portal.signIn>>,
    now: Date,
    requestId: string,
  ) => {
    setPortalSession(reply, session, secureCookies);
    const customer = await portal.customerFromSession(session.sessionSecret, now, requestId);
    return portal.me(customer!);
  };

  app.post(
    '/portal/sign-in',
    {
      schema: {
        tags,
        body: PortalSignInRequest,
        description: `Public. Password sign-in of a customer user; throttled like staff sign-in (docs/security.md). ${CSRF_NOTE}`,
        response: { 200: PortalMe },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const session = await portal.signIn(
        request.body.email,
        request.body.password,
        clientAddress(request),
        request.now,
      );
      return signedIn(reply, session, request.now, request.id);
    },
  );

  app.post(
    '/portal/magic-link',
    {
      schema: {
        tags,
        body: PortalMagicLinkRequest,
        description: `Public. E-mails a single-use sign-in link (15 minutes) to an active customer user. The answer is the same for any address. ${CSRF_NOTE}`,
        response: { 202: PortalMagicLinkSent },
      },
      config: { public: true },
    },
    async (request, reply) => {
      await portal.requestSignInLink(request.body.email, clientAddress(request), request.now);
      return reply.status(202).send({ message: SIGN_IN_LINK_SENT });
    },
  );

  app.post(
    '/portal/magic-link/sign-in',
    {
      schema: {
        tags,
        body: PortalMagicLinkSignIn,
        description: `Public. Signs in with the token of a sign-in link; the link is spent. ${CSRF_NOTE}`,
        response: { 200: PortalMe },
      },
      config: { public: true },
    },
    async (request, reply) =>
      signedIn(reply, await portal.signInWithLink(request.body.token, request.now), request.now, request.id),
  );

  app.post(
    '/portal/invitation/accept',
    {
      schema: {
        tags,
        body: PortalAcceptInvitationRequest,
        description: `Public. Sets the invited customer user's password with the invitation's token (single use), activates them and signs them in. ${CSRF_NOTE}`,
        response: { 200: PortalMe },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const session = await portal.acceptInvitation(
        request.body.token,
        request.body.password,
        request.now,
        request.id,
      );
      return signedIn(reply, session, request.now, request.id);
    },
  );

  app.post(
    '/portal/sign-out',
    {
      schema: {
        tags,
        description: `Public. Ends the portal session. ${CSRF_NOTE}`,
        response: { 204: z.null() },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const secret = request.cookies[PORTAL_COOKIE];
      if (secret) await portal.signOut(secret);
      clearPortalSession(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/portal/me',
    {
      schema: {
        tags,
        description:
          "The signed-in customer user, their account's name, the vendor and the account's TAM; nothing staff-only.",
        response: { 200: PortalMe },
      },
    },
    async (request) => portal.me(request.customer()),
  );
};
