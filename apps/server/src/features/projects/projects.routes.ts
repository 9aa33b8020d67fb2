import {
  AccountProjects,
  AttachmentParams,
  CreateCommentRequest,
  CreateIssueRequest,
  CreateProjectRequest,
  IdParams,
  IssueListQuery,
  IssueParams,
  Project,
  ProjectIssue,
  ProjectIssueList,
  UpdateIssueRequest,
  UpdateProjectRequest,
  UploadAttachmentRequest,
  WaitingIssues,
  WaitingIssuesQuery,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';
import { sendDownload } from '../../http/file-download.ts';
import { requireVersion } from '../../http/versioning.ts';

/** Collaboration projects, the staff side (docs/projects.md, API). */
export const projectsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['projects'];
  const { projects, projectIssues: issues, customerWaiting } = services;
  app.get(
    '/accounts/:id/projects',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          'The account’s collaboration project(s), the template a new one gets, and its responsiveness.',
        response: { 200: AccountProjects },
      },
    },
    async (request) => projects.listForAccount(request.context(), request.params.id),
  );
  app.post(
    '/accounts/:id/projects',
    {
      schema: {
        tags,
        params: IdParams,
        body: CreateProjectRequest,
        description:
          'Creates the account’s project from the playbook’s template (by segment unless templateKey is given): README filled from the meta-record, milestones, labels, the pre-loaded issues. Pre-sales before the account is a customer (owner: the SA), post-sales after (owner: the TAM).',
        response: { 201: Project },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await projects.create(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/projects/:id',
    { schema: { tags, params: IdParams, response: { 200: Project } } },
    async (request) => projects.get(request.context(), request.params.id),
  );
  app.patch(
    '/projects/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: UpdateProjectRequest,
        description: 'Changes the name, README or owner; send the version you read (body or If-Match).',
        response: { 200: Project },
      },
    },
    async (request) =>
      projects.update(
        request.context(),
        request.params.id,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.get(
    '/projects/:id/issues',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: IssueListQuery,
        description: 'Issues, newest first, with their response tracking.',
        response: { 200: ProjectIssueList },
      },
    },
    async (request) => ({ items: await issues.list(request.context(), request.params.id, request.query) }),
  );
  app.post(
    '/projects/:id/issues',
    {
      schema: { tags, params: IdParams, body: CreateIssueRequest, response: { 201: ProjectIssue } },
    },
    async (request, reply) =>
      reply.status(201).send(await issues.create(request.context(), request.params.id, request.body)),
  );
  app.get(
    '/projects/:id/issues/:number',
    {
      schema: {
        tags,
        params: IssueParams,
        description:
          'An issue with every comment (internal notes marked), its attachments and response tracking.',
        response: { 200: ProjectIssue },
      },
    },
    async (request) => issues.get(request.context(), request.params.id, request.params.number),
  );
  app.patch(
    '/projects/:id/issues/:number',
    {
      schema: {
        tags,
        params: IssueParams,
        body: UpdateIssueRequest,
        description:
          'Changes an issue (title, description, labels, milestone, assignee, state); closing a recurring one opens the next. Send the version you read.',
        response: { 200: ProjectIssue },
      },
    },
    async (request) =>
      issues.update(
        request.context(),
        request.params.id,
        request.params.number,
        request.body,
        requireVersion(request.body.version, request.headers['if-match']),
      ),
  );
  app.post(
    '/projects/:id/issues/:number/comments',
    {
      schema: {
        tags,
        params: IssueParams,
        body: CreateCommentRequest,
        description:
          'A comment; `internal: true` makes it an internal note (staff only, not an answer to the customer).',
        response: { 201: ProjectIssue },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await issues.comment(request.context(), request.params.id, request.params.number, request.body),
        ),
  );
  app.post(
    '/projects/:id/issues/:number/attachments',
    {
      schema: {
        tags,
        params: IssueParams,
        body: UploadAttachmentRequest,
        description: 'Attaches a file (base64, at most 3 MB) kept by Liaison in PostgreSQL.',
        response: { 201: ProjectIssue },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issues.attach(request.context(), request.params.id, request.params.number, request.body)),
  );
  app.get(
    '/projects/:id/attachments/:attachmentId',
    { schema: { tags, params: AttachmentParams, description: 'An attachment’s file, to download.' } },
    async (request, reply) => {
      return sendDownload(
        reply,
        await issues.file(request.context(), request.params.id, request.params.attachmentId),
      );
    },
  );
  app.get(
    '/customer-issues/waiting',
    {
      schema: {
        tags,
        querystring: WaitingIssuesQuery,
        description:
          'Customers’ issues and comments waiting for a staff answer, across accounts, soonest due first: yours (default), a person’s, or everyone’s (`all`, managers).',
        response: { 200: WaitingIssues },
      },
    },
    async (request) => customerWaiting.waiting(request.context(), request.query),
  );
};
