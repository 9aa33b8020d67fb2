import {
  CreateObjectiveRequest,
  IdParams,
  Objective,
  PutSuccessPlanRequest,
  SuccessPlan,
  UpdateObjectiveRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/** The version sent in the body or If-Match, or undefined when none was sent (a create needs none). */
const sentVersion = (bodyVersion: number | undefined, ifMatch: string | string[] | undefined) =>
  bodyVersion === undefined && ifMatch === undefined ? undefined : requireVersion(bodyVersion, ifMatch);

export const successPlansRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['success-plans'];
  app.get(
    '/accounts/:id/success-plan',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'The account success plan with its objectives; 404 when the account has none.',
        response: { 200: SuccessPlan },
      },
    },
    async (request) => services.successPlans.get(request.context(), request.params.id),
  );
  app.put(
    '/accounts/:id/success-plan',
    {
      schema: {
        tags,
        params: IdParams,
        body: PutSuccessPlanRequest,
        description:
          'Creates the plan (201) when the account has none, else updates its status and strategy (200; send the version you read).',
        response: { 200: SuccessPlan, 201: SuccessPlan },
      },
    },
    async (request, reply) => {
      const { plan, created } = await services.successPlans.put(
        request.context(),
        request.params.id,
        request.body,
        sentVersion(request.body.version, request.headers['if-match']),
      );
      return reply.status(created ? 201 : 200).send(plan);
    },
  );
  app.post(
    '/accounts/:id/success-plan/objectives',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateObjectiveRequest,
        description:
          'Adds an objective to the success plan (422 when the account has no plan). Status defaults to green.',
        response: { 201: Objective },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.successPlans.addObjective(request.context(), request.params.id, request.body)),
  );
  app.patch(
    '/objectives/:id',
    { schema: { tags, params: IdParams, body: UpdateObjectiveRequest, response: { 200: Objective } } },
    async (request) =>
      services.successPlans.updateObjective(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.delete(
    '/objectives/:id',
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.successPlans.deleteObjective(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
};
