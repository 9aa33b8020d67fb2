import {
  CreateEmeaParameterRequest,
  CreateInitiativeRequest,
  EmeaParameter,
  IdParams,
  Initiative,
  UpdateEmeaParameterRequest,
  UpdateInitiativeRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** The dated inputs of the priority models: initiatives (US Enterprise) and EMEA parameters. */
export const priorityInputsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['priority-inputs'];
  app.get(
    '/accounts/:id/initiatives',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(Initiative) }) } } },
    async (request) => ({ items: await services.initiatives.list(request.context(), request.params.id) }),
  );
  app.post(
    '/accounts/:id/initiatives',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateInitiativeRequest,
        description:
          'Stage adoption or infrastructure change needing TAM time; counts for US Enterprise Pr1 when it overlaps the current quarter and needs more than the playbook hours per week.',
        response: { 201: Initiative },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.initiatives.create(request.context(), request.params.id, request.body)),
  );
  app.patch(
    '/initiatives/:id',
    { schema: { tags, params: IdParams, body: UpdateInitiativeRequest, response: { 200: Initiative } } },
    async (request) =>
      services.initiatives.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/initiatives/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.initiatives.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/accounts/:id/emea-parameters',
    { schema: { tags, params: IdParams, response: { 200: z.object({ items: z.array(EmeaParameter) }) } } },
    async (request) => ({ items: await services.emeaParameters.list(request.context(), request.params.id) }),
  );
  app.post(
    '/accounts/:id/emea-parameters',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateEmeaParameterRequest,
        description:
          "`parameter` must be one of the playbook's EMEA parameter ids, e.g. `organisational_change`.",
        response: { 201: EmeaParameter },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.emeaParameters.create(request.context(), request.params.id, request.body)),
  );
  app.patch(
    '/emea-parameters/:id',
    {
      schema: { tags, params: IdParams, body: UpdateEmeaParameterRequest, response: { 200: EmeaParameter } },
    },
    async (request) =>
      services.emeaParameters.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/emea-parameters/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.emeaParameters.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
