import {
  DecideRequest,
  IdParams,
  PriorityException,
  PriorityProposal,
  ProposePriorityRequest,
  RequestPriorityExceptionRequest,
  VersionInput,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

/** The version sent in the body or If-Match, or undefined when none was sent. */
const sentVersion = (bodyVersion: number | undefined, ifMatch: string | string[] | undefined) =>
  bodyVersion === undefined && ifMatch === undefined ? undefined : requireVersion(bodyVersion, ifMatch);

/** Decisions on an account's priority: the EMEA proposal and documented exceptions. */
export const priorityApprovalsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['priority-inputs'];
  app.get(
    '/accounts/:id/priority-proposal',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'The EMEA priority proposal; 404 when none was made.',
        response: { 200: PriorityProposal },
      },
    },
    async (request) => services.priorityProposals.get(request.context(), request.params.id),
  );
  app.put(
    '/accounts/:id/priority-proposal',
    {
      schema: {
        tags,
        params: IdParams,
        body: ProposePriorityRequest,
        description:
          'The TAM proposes Pr1 or Pr2 (201 for the first proposal, 200 when it replaces one); a replaced proposal loses its approval.',
        response: { 200: PriorityProposal, 201: PriorityProposal },
      },
    },
    async (request, reply) => {
      const { proposal, created } = await services.priorityProposals.propose(
        request.context(),
        request.params.id,
        request.body,
        sentVersion(request.body.version, request.headers['if-match']),
      );
      return reply.status(created ? 201 : 200).send(proposal);
    },
  );
  app.post(
    '/accounts/:id/priority-proposal/approve',
    {
      schema: {
        tags,
        params: IdParams,
        body: VersionInput.nullish(),
        description: 'TAM managers only: approves the current proposal, recording who and when.',
        response: { 200: PriorityProposal },
      },
    },
    async (request) =>
      services.priorityProposals.approve(
        request.context(),
        request.params.id,
        sentVersion(request.body?.version, request.headers['if-match']),
      ),
  );

  app.get(
    '/accounts/:id/priority-exceptions',
    {
      schema: {
        tags,
        params: IdParams,
        description: 'Priority exceptions of the account, newest request first.',
        response: { 200: z.object({ items: z.array(PriorityException) }) },
      },
    },
    async (request) => ({
      items: await services.priorityExceptions.list(request.context(), request.params.id),
    }),
  );
  app.post(
    '/accounts/:id/priority-exceptions',
    {
      schema: {
        tags,
        params: IdParams,
        body: RequestPriorityExceptionRequest,
        description: 'Requests a P1 or P2 exception with a reason; it counts once approved.',
        response: { 201: PriorityException },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await services.priorityExceptions.request(request.context(), request.params.id, request.body)),
  );
  app.post(
    '/priority-exceptions/:id/decision',
    {
      schema: {
        tags,
        params: IdParams,
        body: DecideRequest,
        description:
          "Approves or rejects a requested exception: a TAM manager, or the SAL or AE on the account's current team.",
        response: { 200: PriorityException },
      },
    },
    async (request) =>
      services.priorityExceptions.decide(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
};
