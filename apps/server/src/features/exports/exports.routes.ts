import { ExportParams } from '@liaison/contracts';
import type { ImportObject } from '@liaison/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';

export const exportsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/exports/:file',
    {
      schema: {
        tags: ['exports'],
        summary: 'Export an object as CSV, in the import format (Salesforce API names)',
        description:
          '`accounts.csv`, `contacts.csv`, `opportunities.csv`, `activities.csv` or `users.csv`, streamed. ' +
          'Importing the file into an empty database and exporting again gives the same file.',
        params: ExportParams,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV') },
      },
    },
    async (request, reply) => {
      const context = request.context();
      const object = request.params.file.replace(/\.csv$/, '') as ImportObject;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.file}"`)
        .send(services.exports.stream(context, object));
    },
  );
};
