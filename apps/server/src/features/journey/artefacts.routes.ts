import {
  AddArtefactVersionRequest,
  Artefact,
  CreateArtefactRequest,
  IdParams,
  SignOffRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { sendDownload } from '../../http/file-download.ts';
import { requireVersion } from '../../http/versioning.ts';

const VersionParams = z.object({ id: z.uuid(), number: z.coerce.number().int().min(1).max(100_000) });

/** Artefacts: documents the journey's steps produce, with versions and sign-offs (docs/journey.md). */
export const artefactsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['journey'];
  const artefacts = services.artefacts;
  app.post(
    '/accounts/:id/artefacts',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateArtefactRequest,
        description:
          'Records a document (blueprint, SOW, PoV plan, success criteria, contract, kick-off plan): a link, or a file of at most 3 MB (base64) kept by Liaison. With stepId it is that step’s output.',
        response: { 201: Artefact },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await artefacts.create(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/artefacts/:id',
    { schema: { tags, params: IdParams, response: { 200: Artefact } } },
    async (request) => artefacts.get(request.context(), request.params.id),
  );
  app.post(
    '/artefacts/:id/versions',
    {
      schema: {
        tags,
        params: IdParams,
        body: AddArtefactVersionRequest,
        description: 'Adds a version (send the version of the artefact you read); sign-offs are per version.',
        response: { 201: Artefact },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await artefacts.addVersion(
            request.context(),
            request.params.id,
            request.body,
            requireVersion(request.body.version, request.headers['if-match']),
          ),
        ),
  );
  app.post(
    '/artefacts/:id/sign-offs',
    {
      schema: {
        tags,
        params: IdParams,
        body: SignOffRequest,
        description:
          'Signs off the current version in a role (a customer contact’s signature is recorded by staff).',
        response: { 201: Artefact },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await artefacts.signOff(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/artefacts/:id/versions/:number/file',
    { schema: { tags, params: VersionParams, description: 'The uploaded file of a version.' } },
    async (request, reply) => {
      return sendDownload(
        reply,
        await artefacts.file(request.context(), request.params.id, request.params.number),
      );
    },
  );
};
