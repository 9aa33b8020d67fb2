import {
  AttachmentParams,
  IdParams,
  IssueParams,
  PortalCreateCommentRequest,
  PortalCreateIssueRequest,
  PortalIssue,
  PortalIssueList,
  PortalProjectList,
  UploadAttachmentRequest,
} from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../composition.ts';
import { sendDownload } from '../../http/file-download.ts';

const CSRF_NOTE = 'Sends the CSRF token of GET /portal/csrf as X-Liaison-CSRF.';
const PortalIssueListQuery = z.object({ state: z.enum(['open', 'closed', 'all']).default('open') });

/**
 * The customer's side of the collaboration project (docs/portal.md, docs/projects.md): every
 * route takes its customer from the portal session (a `CustomerContext` is the projects feature's
 * `PortalCaller`: their one account, as their contact) and reaches only that customer's account —
 * another account's project, issue or file answers 404, as one that does not exist.
 */
export const portalProjectsRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['portal'];
  const projects = services.portalProjects;

  app.get(
    '/portal/projects',
    {
      schema: {
        tags,
        description: 'The account’s collaboration project(s): README, milestones, labels, issue templates.',
        response: { 200: PortalProjectList },
      },
    },
    async (request) => projects.listProjects(request.customer()),
  );

  app.get(
    '/portal/projects/:id/issues',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: PortalIssueListQuery,
        description: 'The project’s issues (open by default), with their public comment counts.',
        response: { 200: PortalIssueList },
      },
    },
    async (request) =>
      projects.listIssues(request.customer(), request.params.id, { state: request.query.state }),
  );

  app.get(
    '/portal/projects/:id/issues/:number',
    {
      schema: {
        tags,
        params: IssueParams,
        description: 'One issue with its public comments and attachments (never an internal note).',
        response: { 200: PortalIssue },
      },
    },
    async (request) => projects.getIssue(request.customer(), request.params.id, request.params.number),
  );

  app.post(
    '/portal/projects/:id/issues',
    {
      schema: {
        tags,
        params: IdParams,
        body: PortalCreateIssueRequest,
        description: `Opens an issue as the customer: the TAM is told and the response clock starts. ${CSRF_NOTE}`,
        response: { 201: PortalIssue },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await projects.openIssue(request.customer(), request.params.id, request.body)),
  );

  app.post(
    '/portal/projects/:id/issues/:number/comments',
    {
      schema: {
        tags,
        params: IssueParams,
        body: PortalCreateCommentRequest,
        description: `Comments on an issue as the customer (public; the response clock starts again). ${CSRF_NOTE}`,
        response: { 201: PortalIssue },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await projects.comment(request.customer(), request.params.id, request.params.number, request.body),
        ),
  );

  app.post(
    '/portal/projects/:id/issues/:number/attachments',
    {
      schema: {
        tags,
        params: IssueParams,
        body: UploadAttachmentRequest,
        description: `Attaches a file (base64, at most 3 MB) as the customer: public, and like a comment the response clock starts again. ${CSRF_NOTE}`,
        response: { 201: PortalIssue },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await projects.attach(request.customer(), request.params.id, request.params.number, request.body),
        ),
  );

  app.get(
    '/portal/projects/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        params: AttachmentParams,
        description: 'An attachment of the account’s issue, to download.',
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await projects.attachmentFile(request.customer(), request.params.id, request.params.attachmentId),
      ),
  );
};
