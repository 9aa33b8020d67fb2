import {
  DryRunResult,
  PlaybookCandidate,
  PlaybookDocument,
  PlaybookValidation,
  PutPlaybookRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

export const playbookRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['playbook'];

  app.get(
    '/playbook',
    {
      schema: {
        tags,
        description: 'The playbook in force (version 0 = the handbook defaults).',
        response: { 200: PlaybookDocument },
      },
    },
    async (request) => {
      request.context();
      return services.playbook.current();
    },
  );

  app.get(
    '/playbook/versions',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                version: z.int(),
                createdAt: z.string(),
                createdBy: z.string(),
                note: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      request.context();
      return { items: await services.playbook.versions() };
    },
  );

  app.put(
    '/playbook',
    {
      schema: {
        tags,
        body: PutPlaybookRequest,
        description: 'Validate and apply a new version (admins). Send the version you read.',
        response: { 200: PlaybookDocument },
      },
    },
    async (request) => {
      const context = request.context();
      const applied = await services.playbook.apply(
        context,
        request.body.playbook,
        request.body.note ?? null,
        requireVersion(request.body.version, request.headers['if-match']),
      );
      return applied;
    },
  );

  app.post(
    '/playbook/validate',
    { schema: { tags, body: PlaybookCandidate, response: { 200: PlaybookValidation } } },
    async (request) => {
      request.context();
      const result = services.playbook.validate(request.body.playbook);
      return result.valid ? { valid: true, issues: [] } : result;
    },
  );

  app.post(
    '/playbook/dry-run',
    {
      schema: {
        tags,
        body: PlaybookCandidate,
        description:
          'What the candidate would change across the whole book (tier, priority, health, obligations), changing nothing.',
        response: { 200: DryRunResult },
      },
    },
    async (request) => services.playbook.dryRun(request.context(), request.body.playbook),
  );
};
