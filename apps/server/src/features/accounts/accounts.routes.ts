import {
  Account,
  AccountListItem,
  AccountListQuery,
  AsOfQuery,
  CreateAccountRequest,
  IdParams,
  page,
  UpdateAccountRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import type { Database } from '../../db/client.ts';
import { requireVersion } from '../../http/versioning.ts';
import { historyReadModel } from '../history/index.ts';
import { listAccounts } from './accounts-list.read-model.ts';

export const accountsRoutes: FastifyPluginAsyncZod<{ services: Services; db: Database }> = async (
  app,
  { services, db },
) => {
  const tags = ['accounts'];

  app.get(
    '/accounts',
    { schema: { tags, querystring: AccountListQuery, response: { 200: page(AccountListItem) } } },
    async (request) => {
      const { now } = request.context();
      // Items carry their stored assessment (and may be filtered by it): bring stale ones up to date.
      await services.assessments.refreshStale(now);
      return listAccounts(db, request.query, now);
    },
  );

  app.post(
    '/accounts',
    { schema: { tags, body: CreateAccountRequest, response: { 201: Account } } },
    async (request, reply) =>
      reply.status(201).send(await services.accounts.create(request.context(), request.body)),
  );

  app.get(
    '/accounts/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: AsOfQuery,
        description: 'The account with its profiles, contacts and team; with `asOf`, exactly as it was then.',
        response: { 200: Account },
      },
    },
    async (request) => {
      const context = request.context();
      if (request.query.asOf) {
        const record = await historyReadModel.accountAsOf(
          db,
          request.params.id,
          new Date(request.query.asOf),
        );
        // Writes apply to the living record: the past one carries the caller's abilities on it.
        return { ...record, can: await services.accounts.abilities(context, request.params.id) };
      }
      return services.accounts.get(context, request.params.id);
    },
  );

  app.patch(
    '/accounts/:id',
    { schema: { tags, params: IdParams, body: UpdateAccountRequest, response: { 200: Account } } },
    async (request) =>
      services.accounts.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );

  app.delete(
    '/accounts/:id',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.accounts.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
