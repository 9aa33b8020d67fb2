import {
  CreateObjectiveRequest,
  IdParams,
  Objective,
  PutSuccessPlanRequest,
  SuccessPlan,
  UpdateObjectiveRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { registerOwnedRecordRoutes } from '../../http/owned-record-routes.ts';
import { requireVersion } from '../../http/versioning.ts';

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
  registerOwnedRecordRoutes(app, {
    tags,
    collectionPath: '/accounts/:id/success-plan/objectives',
    itemPath: '/objectives/:id',
    record: Objective,
    createBody: CreateObjectiveRequest,
    updateBody: UpdateObjectiveRequest,
    service: {
      create: services.successPlans.addObjective,
      update: services.successPlans.updateObjective,
      delete: services.successPlans.deleteObjective,
    },
    withList: false, // the objectives come with the success plan
    descriptions: { create: 'Adds an objective; the account must have a success plan (422 otherwise).' },
  });
};
