import { ExportParams, ExportQuery } from '@liaison/contracts';
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
          'RFC 4180: CRLF between records, cells with a comma, a quote or a line break quoted. ' +
          'Importing the file into an empty database and exporting again gives the same file ' +
          '(unless `protectFormulas`). The trailer `x-liaison-records` gives the number of records written.',
        params: ExportParams,
        querystring: ExportQuery,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV') },
      },
    },
    async (request, reply) => {
      const context = request.context();
      const object = request.params.file.replace(/\.csv$/, '') as ImportObject;
      const { body, records } = services.exports.stream(context, object, {
        protectFormulas: request.query.protectFormulas ?? false,
      });
      return (
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${request.params.file}"`)
          // Sent once the body has ended (chunked encoding): a reader can check it read them all.
          .trailer('x-liaison-records', async () => String(records()))
          .send(body)
      );
    },
  );
};
