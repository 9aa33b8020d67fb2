import { CreateUserRequest, IdParams, UpdateUserRequest, User, UserListQuery } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

export const usersRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['users'];
  app.get(
    '/users',
    { schema: { tags, querystring: UserListQuery, response: { 200: z.object({ items: z.array(User) }) } } },
    async (request) => ({
      items: await services.users.list(request.context(), request.query),
    }),
  );
  app.post(
    '/users',
    { schema: { tags, body: CreateUserRequest, response: { 201: User } } },
    async (request, reply) =>
      reply.status(201).send(await services.users.create(request.context(), request.body)),
  );
  app.get('/users/:id', { schema: { tags, params: IdParams, response: { 200: User } } }, async (request) =>
    services.users.get(request.context(), request.params.id),
  );
  app.patch(
    '/users/:id',
    { schema: { tags, params: IdParams, body: UpdateUserRequest, response: { 200: User } } },
    async (request) =>
      services.users.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
        request.principal?.credential ?? null,
      ),
  );
};
