import {
  AccountJourney,
  CancelWorkflowRequest,
  CreateStepCommentRequest,
  DisengagementSummary,
  IdParams,
  JourneyOverview,
  JourneyOverviewQuery,
  JourneyQuery,
  SignOffRequest,
  StartWorkflowRequest,
  StepListQuery,
  stepPage,
  UpdateStepRequest,
  Workflow,
  WorkflowStep,
  WorkflowTemplates,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { requireVersion } from '../../http/versioning.ts';

/** The customer journey: workflows on accounts, their steps, sign-offs and the overview (docs/journey.md). */
export const journeyRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['journey'];
  const journey = services.journey;
  app.get(
    '/accounts/:id/journey',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: JourneyQuery,
        description:
          'Every workflow of the account (the journey, handoffs, handovers, disengagements, SA overlap), running first, with steps, RACI resolved from the team, outputs, sign-offs and comments; `asOf` gives them as they were then.',
        response: { 200: AccountJourney },
      },
    },
    async (request) =>
      journey.journey(
        request.context(),
        request.params.id,
        request.query.asOf ? new Date(request.query.asOf) : undefined,
      ),
  );
  app.post(
    '/accounts/:id/workflows',
    {
      schema: {
        tags,
        params: IdParams,
        body: StartWorkflowRequest,
        description:
          'Starts a workflow from the playbook template in force: the handoff and the handover name a TAM (tamUserId), a disengagement its reason, an SA overlap its trigger. One running instance per kind (409).',
        response: { 201: Workflow },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await journey.start(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/workflow-templates',
    {
      schema: {
        tags,
        description:
          'The workflow templates of the playbook in force — the journey, the SA→TAM handoff, the Welcome call, the TAM handover, disengagement and SA overlap: ordered steps with RACI, stages, outputs, what starts each and its due rule, sign-offs and forms; with the gate setting. They change through the playbook (PUT /playbook after POST /playbook/dry-run, which lists the accounts a change affects).',
        response: { 200: WorkflowTemplates },
      },
    },
    async (request) => journey.templates(request.context()),
  );
  app.get(
    '/workflows/:id',
    { schema: { tags, params: IdParams, response: { 200: Workflow } } },
    async (request) => journey.workflow(request.context(), request.params.id),
  );
  app.post(
    '/workflows/:id/cancel',
    {
      schema: {
        tags,
        params: IdParams,
        body: CancelWorkflowRequest,
        description: 'Cancels a running workflow with a reason (send the version you read).',
        response: { 200: Workflow },
      },
    },
    async (request) =>
      journey.cancel(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.get(
    '/workflows/:id/summary',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          "A disengagement's follow-up summary, generated from the account (Markdown, ready to send).",
        response: { 200: DisengagementSummary },
      },
    },
    async (request) => journey.summary(request.context(), request.params.id),
  );
  app.get(
    '/workflow-steps',
    {
      schema: {
        tags,
        querystring: StepListQuery,
        description:
          'Steps across accounts, soonest due first: `responsible=me&open=true` is the journey work you owe.',
        response: { 200: stepPage },
      },
    },
    async (request) => journey.steps(request.context(), request.query),
  );
  app.get(
    '/workflow-steps/:id',
    { schema: { tags, params: IdParams, response: { 200: WorkflowStep } } },
    async (request) => journey.step(request.context(), request.params.id),
  );
  app.patch(
    '/workflow-steps/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateStepRequest,
        description:
          'Fills in the form, links the logged meeting, moves the due date, or changes the state: in_progress, done (needs the required fields, output and sign-offs), skipped (needs skipReason). Answers the whole workflow: the steps it started are open.',
        response: { 200: Workflow },
      },
    },
    async (request) =>
      journey.updateStep(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.post(
    '/workflow-steps/:id/comments',
    {
      schema: { tags, params: IdParams, body: CreateStepCommentRequest, response: { 201: WorkflowStep } },
    },
    async (request, reply) =>
      reply.status(201).send(await journey.comment(request.context(), request.params.id, request.body.body)),
  );
  app.post(
    '/workflow-steps/:id/sign-offs',
    {
      schema: {
        tags,
        params: IdParams,
        body: SignOffRequest,
        description:
          'Signs the step off in a role the step asks for: staff in a role they hold on the account; a customer contact’s sign-off (contactId) is recorded by staff.',
        response: { 201: WorkflowStep },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await journey.signOffStep(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/journey/overview',
    {
      schema: {
        tags,
        querystring: JourneyOverviewQuery,
        description:
          'For TAM managers: accounts per step, steps open longer than the template allows, by region and segment.',
        response: { 200: JourneyOverview },
      },
    },
    async (request) => journey.overview(request.context(), request.query),
  );
};
