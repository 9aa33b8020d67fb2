import { IdParams } from '@liaison/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestContext } from '../kernel/context.ts';
import { requireVersion } from './versioning.ts';

const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

interface OwnedRecordService<Created, Update> {
  list?(context: RequestContext, accountId: string): Promise<unknown[]>;
  create(context: RequestContext, accountId: string, input: Created): Promise<unknown>;
  update(context: RequestContext, id: string, input: Update, version: number): Promise<unknown>;
  delete(context: RequestContext, id: string, version: number): Promise<void>;
}

export interface OwnedRecordRoutes<Created, Update extends { version?: number | undefined }> {
  tags: string[];
  /** e.g. `/accounts/:id/contacts` (list and create). */
  collectionPath: string;
  /** e.g. `/contacts/:id` (update and delete). */
  itemPath: string;
  record: z.ZodType;
  createBody: z.ZodType<Created>;
  updateBody: z.ZodType<Update>;
  service: OwnedRecordService<Created, Update>;
  descriptions?: { list?: string; create?: string; update?: string };
  /** False when the collection is listed elsewhere (objectives live in the success plan). */
  withList?: boolean;
}

/**
 * The four routes of a record an account owns, identical in shape for every kind: list and
 * create under the account, update and delete (versioned: body `version` or If-Match) by id.
 */
export function registerOwnedRecordRoutes<Created, Update extends { version?: number | undefined }>(
  app: FastifyInstance,
  options: OwnedRecordRoutes<Created, Update>,
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { tags, service, descriptions = {} } = options;
  if (options.withList !== false && service.list) {
    const list = service.list;
    api.get(
      options.collectionPath,
      {
        schema: {
          tags,
          params: IdParams,
          ...(descriptions.list ? { description: descriptions.list } : {}),
          response: { 200: z.object({ items: z.array(options.record) }) },
        },
      },
      async (request) => ({ items: await list(request.context(), request.params.id) }),
    );
  }
  api.post(
    options.collectionPath,
    {
      schema: {
        tags,
        params: IdParams,
        body: options.createBody,
        ...(descriptions.create ? { description: descriptions.create } : {}),
        response: { 201: options.record },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(request.context(), request.params.id, request.body as Created)),
  );
  api.patch(
    options.itemPath,
    {
      schema: {
        tags,
        params: IdParams,
        body: options.updateBody,
        ...(descriptions.update ? { description: descriptions.update } : {}),
        response: { 200: options.record },
      },
    },
    async (request) => {
      const body = request.body as Update;
      return service.update(
        request.context(),
        request.params.id,
        body,
        requireVersion(body.version, request.headers['if-match']),
      );
    },
  );
  api.delete(
    options.itemPath,
    { schema: { tags, params: IdParams, querystring: VersionQuery, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.delete(
        request.context(),
        request.params.id,
        requireVersion(request.query.version, request.headers['if-match']),
      );
      return reply.status(204).send(null);
    },
  );
}
