import { BackgroundWorkStatus, JobsStatus } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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

  app.get(
    '/status/jobs',
    {
      schema: {
        tags: ['meta'],
        description:
          'Admins: the job queue shared by every server (decision 0009): each queue with its schedule and counts, and the dead-letter list of jobs whose last attempt failed.',
        response: { 200: JobsStatus },
      },
    },
    async (request) => services.status.jobs(request.context()),
  );

  app.post(
    '/status/jobs/:id/retry',
    {
      schema: {
        tags: ['meta'],
        description: 'Admins: sends a failed job back to its queue for one more attempt.',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await services.status.retryJob(request.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
