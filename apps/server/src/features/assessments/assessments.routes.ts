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
import { notFound } from '@liaison/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { usersStore } from '../users/users.store.ts';
import { readPortfolio, readTamBook, readTeamOverview, readWorklist } from './portfolio.read-model.ts';

export const assessmentsRoutes: FastifyPluginAsyncZod<{ services: Services; db: Database }> = async (
  app,
  { services, db },
) => {
  const tags = ['assessments'];

  /** The owner's accounts with fresh assessments: one read, plus a refresh of the stale ones if any. */
  async function ownerBook(context: RequestContext, ownerId: string | undefined) {
    const user = await usersStore.findById(db, ownerId ?? context.user.id);
    if (!user) throw notFound('User', ownerId ?? context.user.id);
    const active = await services.playbookProvider.active(db);
    let rows = await readTamBook(db, user.id, context.now, active.version);
    const stale = rows.filter((row) => row.stale).map((row) => row.account_id);
    if (stale.length > 0) {
      await services.assessments.refreshStale(context.now, stale);
      rows = await readTamBook(db, user.id, context.now, active.version);
    }
    return { owner: { id: user.id, name: user.name }, rows, playbook: active.playbook };
  }

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
      const context = request.context();
      const { owner, rows, playbook } = await ownerBook(context, request.query.owner);
      return readPortfolio(owner, rows, playbook, context.now);
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
      const context = request.context();
      const { owner, rows } = await ownerBook(context, request.query.owner);
      return readWorklist(owner, rows, context.now);
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
      const context = request.context();
      authorize(policies.manageTeam(context.user), 'The team overview is for TAM managers and admins.');
      await services.assessments.refreshStale(context.now);
      return readTeamOverview(db, context.now);
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
