import {
  Assessment,
  AssessmentQuery,
  IdParams,
  OwnerQuery,
  Portfolio,
  ReassessRequest,
  ReassessResult,
  TeamOverview,
  Worklist,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { authorize, policies } from '../../policies/policies.ts';

export const assessmentsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['assessments'];

  app.get(
    '/accounts/:id/assessment',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: AssessmentQuery,
        description:
          'Tier, TAM alignment, gemstone, priority, obligations and health, each with its explanation. With `at`, the record as it was then, evaluated at that instant ("why was this account P1 on June 30?").',
        response: { 200: Assessment },
      },
    },
    async (request) => {
      const context = request.context();
      const { assessment, playbookVersion } = request.query.at
        ? await services.assessments.assessAt(request.params.id, new Date(request.query.at))
        : await services.assessments.assess(request.params.id, context.now);
      return { ...assessment, playbookVersion } as Assessment;
    },
  );

  app.get(
    '/portfolio',
    {
      schema: {
        tags,
        querystring: OwnerQuery,
        description:
          "A TAM's accounts with tier, priority, health and next due; capacity load and P1 share against guidance.",
        response: { 200: Portfolio },
      },
    },
    async (request) => {
      return services.portfolio.portfolio(request.context(), request.query.owner);
    },
  );

  app.get(
    '/worklist',
    {
      schema: {
        tags,
        querystring: OwnerQuery,
        description: "This week's work for a TAM: overdue first, then by priority and due date.",
        response: { 200: Worklist },
      },
    },
    async (request) => {
      return services.portfolio.worklist(request.context(), request.query.owner);
    },
  );

  app.get(
    '/team-overview',
    {
      schema: {
        tags,
        description:
          'For TAM managers: load and P1 balance per TAM, overdue work, accounts needing a TAM, disengagement candidates, reviews due.',
        response: { 200: TeamOverview },
      },
    },
    async (request) => {
      return services.portfolio.teamOverview(request.context());
    },
  );

  app.post(
    '/assessments/reassess',
    {
      schema: {
        tags,
        body: ReassessRequest,
        description:
          'Reassess the book now, one slice per call in account-id order (TAM managers and admins): send back `nextCursor` until it is null.',
        response: { 200: ReassessResult },
      },
    },
    async (request) => {
      const context = request.context();
      authorize(
        policies.manageTeam(context.user),
        'Only TAM managers and admins can reassess the whole book.',
      );
      const started = performance.now();
      const batch = await services.assessments.reassessBatch(
        context.now,
        request.body.cursor ?? null,
        request.body.limit,
      );
      return { ...batch, milliseconds: Math.round(performance.now() - started) };
    },
  );
};
