import { BackgroundWorkStatus } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';

export const statusRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/status/background-work',
    {
      schema: {
        tags: ['meta'],
        description:
          "Admins: this server's work outside requests (daily refresh, reassessment after a playbook change, refreshes a read started): runs, failures with their context, work in flight.",
        response: { 200: BackgroundWorkStatus },
      },
    },
    async (request) => services.status.backgroundWork(request.context()),
  );
};
