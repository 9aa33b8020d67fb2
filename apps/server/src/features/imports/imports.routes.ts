import { PassThrough, Readable } from 'node:stream';
import { IdParams, ImportJob, ImportQuery } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];

export const importsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['imports'];
  const imports = services.imports;
  imports.setLogger((message, error) => app.log.error({ err: error }, message));
  app.addHook('onClose', async () => imports.shutdown());

  // The CSV body is handed over as the raw stream: a million-row file is never buffered.
  app.addContentTypeParser(CSV_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Import a CSV file (Salesforce Data Loader format)',
        description:
          'Send the file as the request body (`Content-Type: text/csv`), streamed. Answers 202 at once: the first ' +
          'line of the body is the job (JSON); the response ends when the whole file has been received. Read the ' +
          "job's progress and result with `GET /imports/{id}`. All or nothing unless `skipInvalid`. " +
          'Columns and value maps: docs/import-export.md.',
        querystring: ImportQuery,
        consumes: CSV_TYPES,
        response: { 202: ImportJob },
      },
    },
    async (request, reply) => {
      // Only the CSV types above arrive as a stream; a JSON body was parsed by the app's parser.
      if (!(request.body instanceof Readable))
        throw new DomainError(
          'UNSUPPORTED_MEDIA_TYPE',
          `Send the file as the body with Content-Type: text/csv (one of ${CSV_TYPES.join(', ')}).`,
        );
      const mapping = request.headers['x-liaison-mapping'];
      const { job, read } = await imports.start(
        request.context(),
        request.query,
        request.body,
        typeof mapping === 'string' ? mapping : undefined,
      );
      // The job goes out at once, as the first line of the body; the response ends once the
      // upload has been read. (Ending it earlier would stop Node.js reading the rest of the file.)
      const body = new PassThrough();
      body.write(`${JSON.stringify(job)}\n`);
      void read.finally(() => body.end());
      return reply
        .status(202)
        .type('application/json; charset=utf-8')
        .header('location', `/api/v1/imports/${job.id}`)
        .send(body as unknown as ImportJob); // a stream is sent as is, not serialised
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import job: progress (rows read, valid, invalid, written, rows/s) and result',
        params: IdParams,
        response: { 200: ImportJob },
      },
    },
    async (request) => imports.get(request.context(), request.params.id),
  );

  app.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: "The import's error file: each rejected row with its original columns, then ERROR",
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: z.unknown().describe('CSV') },
      },
    },
    async (request, reply) => {
      const file = await imports.errorFile(request.context(), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/"/g, '')}"`)
        .send(file.stream);
    },
  );
};
