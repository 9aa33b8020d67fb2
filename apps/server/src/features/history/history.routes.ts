import { AccountDiff, DiffQuery, HistoryEntry, HistoryQuery, IdParams, page } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { historyReadModel } from './history.read-model.ts';

const HistoryCursor = z.object({ at: z.string(), id: z.number().int() });

export const historyRoutes: FastifyPluginAsyncZod<{ db: Database }> = async (app, { db }) => {
  const tags = ['history'];

  // An account deleted since still has its history: known means "has history", not "exists".
  async function requireKnownAccount(id: string) {
    if (!(await historyReadModel.hasHistory(db, id))) throw notFound('Account', id);
  }

  app.get(
    '/accounts/:id/history',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: HistoryQuery,
        description:
          'Every change to the account and what it owns, newest first, with actor and field-level before/after.',
        response: { 200: page(HistoryEntry) },
      },
    },
    async (request) => {
      request.context();
      await requireKnownAccount(request.params.id);
      const before = decodeCursor(request.query.cursor, HistoryCursor);
      const items = await historyReadModel.page(db, request.params.id, {
        ...request.query,
        before,
        limit: request.query.limit + 1,
      });
      const pageItems = items.slice(0, request.query.limit);
      const last = items.length > request.query.limit ? pageItems[pageItems.length - 1] : undefined;
      return {
        items: pageItems,
        nextCursor: last ? encodeCursor({ at: last.at, id: Number(last.id) }) : null,
      };
    },
  );

  app.get(
    '/accounts/:id/diff',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: DiffQuery,
        description: 'What changed in the record between two instants.',
        response: { 200: AccountDiff },
      },
    },
    async (request) => {
      request.context();
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (from > to) {
        throw new DomainError('VALIDATION_FAILED', 'query.from: must not be after query.to', [
          { path: 'query.from', message: 'must not be after query.to' },
        ]);
      }
      await requireKnownAccount(request.params.id);
      return historyReadModel.diff(db, request.params.id, from, to);
    },
  );
};
