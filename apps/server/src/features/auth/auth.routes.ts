import {
  ApiToken,
  CreateApiTokenRequest,
  CreatedApiToken,
  IdParams,
  LoginRequest,
  Me,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { SESSION_COOKIE } from '../../http/authentication.ts';
import { clientAddress } from '../../http/client-address.ts';
import { userAbilities } from '../../policies/abilities.ts';
import { presentUser } from '../users/index.ts';

export const authRoutes: FastifyPluginAsyncZod<{
  services: Services;
  secureCookies: boolean;
}> = async (app, { services, secureCookies }) => {
  const tags = ['auth'];

  app.post(
    '/auth/login',
    {
      schema: {
        tags,
        body: LoginRequest,
        description:
          'Public. Throttled: 10 attempts per e-mail and 50 failed attempts per client address per 15 minutes, then 429 with Retry-After (docs/security.md).',
        response: { 200: Me },
      },
      config: { public: true },
    },
    async (request, reply) => {
      const { sessionId, user, expiresAt } = await services.auth.login(
        request.body.email,
        request.body.password,
        clientAddress(request),
        request.now,
      );
      reply.setCookie(SESSION_COOKIE, sessionId, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        expires: expiresAt,
      });
      const me = presentUser(user);
      return { user: me, authenticatedBy: 'session' as const, can: userAbilities(me) };
    },
  );

  // Public: a caller whose session has expired must still be able to clear the cookie.
  app.post(
    '/auth/logout',
    { schema: { tags, response: { 204: z.null() } }, config: { public: true } },
    async (request, reply) => {
      const session = request.cookies[SESSION_COOKIE];
      if (session) await services.auth.logout(session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get('/auth/me', { schema: { tags, response: { 200: Me } } }, async (request) => {
    const context = request.context();
    const user = await services.users.get(context, context.user.id);
    return { user, authenticatedBy: request.principal!.authenticatedBy, can: userAbilities(context.user) };
  });

  app.get(
    '/auth/tokens',
    { schema: { tags, response: { 200: z.object({ items: z.array(ApiToken) }) } } },
    async (request) => ({
      items: await services.auth.listTokens(request.context().user.id),
    }),
  );

  app.post(
    '/auth/tokens',
    { schema: { tags, body: CreateApiTokenRequest, response: { 201: CreatedApiToken } } },
    async (request, reply) => {
      const context = request.context();
      const token = await services.auth.createToken(
        context.user.id,
        request.body.name,
        request.body.expiresAt,
        context.now,
      );
      return reply.status(201).send(token);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      const context = request.context();
      await services.auth.revokeToken(context.user.id, request.params.id, context.now);
      return reply.status(204).send(null);
    },
  );
};
