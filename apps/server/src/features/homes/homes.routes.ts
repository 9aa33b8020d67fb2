import { Home, HomeQuery } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';

/** A home for every role (docs/homes.md). */
export const homesRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/home',
    {
      schema: {
        tags: ['homes'],
        querystring: HomeQuery,
        description:
          'The first page of each role, from live data: SAL/AE (their accounts, renewals in 30/60/90/180 days with ARR, health and the renewal obligations, open pipeline by stage and type, accounts not green, their work), SA (pre-sales accounts with journey progress, handoffs and overlaps), TAM manager (renewals, ARR at risk, accounts not green and needing a TAM, for their region), viewer (the book by tier, priority and health; renewals). `view` opens another view the roles allow; managers read a person’s home with `userId`.',
        response: { 200: Home },
      },
    },
    async (request) => services.homes.home(request.context(), request.query),
  );
};
