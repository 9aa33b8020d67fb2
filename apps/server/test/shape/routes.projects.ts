import type { Project, ProjectIssue } from '@liaison/contracts';
import { ok } from '../factories.ts';
import { freshAccount, type RouteCase, type Setup, sharedAccount } from './route-table.ts';

// Collaboration projects (docs/projects.md): read by any signed-in staff; created and worked on
// by whoever may edit the account (its team, TAM managers, admins).

/** A fresh account with its project (issue #1 is the Welcome call, version 1). */
const freshProject = async ({ f }: Setup) => {
  const account = await f.buildAccount();
  const project = await ok<Project>('project', f.admin.post(`/api/v1/accounts/${account.id}/projects`, {}));
  return { id: project.id, accountId: account.id, version: project.version };
};

/** A project with an attachment on issue #1; `userId` carries the attachment's id. */
const projectWithAttachment = async (setup: Setup) => {
  const target = await freshProject(setup);
  const file = { name: 'notes.txt', contentType: 'text/plain', base64: Buffer.from('x').toString('base64') };
  const issue = await ok<ProjectIssue>(
    'attach',
    setup.f.admin.post(`/api/v1/projects/${target.id}/issues/1/attachments`, { file }),
  );
  return { ...target, userId: issue.attachments[0]!.id };
};

export const projectRoutes: RouteCase[] = [
  { route: 'GET /api/v1/accounts/:id/projects', guard: 'signedIn', target: sharedAccount },
  {
    route: 'POST /api/v1/accounts/:id/projects',
    guard: 'editAccount',
    target: freshAccount,
    request: () => ({ body: {} }),
  },
  { route: 'GET /api/v1/projects/:id', guard: 'signedIn', target: freshProject },
  {
    route: 'PATCH /api/v1/projects/:id',
    guard: 'editAccount',
    target: freshProject,
    request: ({ version }) => ({ body: { name: 'Renamed', version } }),
  },
  { route: 'GET /api/v1/projects/:id/issues', guard: 'signedIn', target: freshProject },
  {
    route: 'POST /api/v1/projects/:id/issues',
    guard: 'editAccount',
    target: freshProject,
    request: () => ({ body: { title: 'Runner sizing', labels: ['question'] } }),
  },
  { route: 'GET /api/v1/projects/:id/issues/:number', guard: 'signedIn', target: freshProject },
  {
    route: 'PATCH /api/v1/projects/:id/issues/:number',
    guard: 'editAccount',
    target: freshProject,
    request: () => ({ body: { title: 'Welcome call (booked)', version: 1 } }),
  },
  {
    route: 'POST /api/v1/projects/:id/issues/:number/comments',
    guard: 'editAccount',
    target: freshProject,
    request: () => ({ body: { body: 'Booked for Tuesday', internal: false } }),
  },
  {
    route: 'POST /api/v1/projects/:id/issues/:number/attachments',
    guard: 'editAccount',
    target: freshProject,
    request: () => ({
      body: {
        file: {
          name: 'agenda.md',
          contentType: 'text/markdown',
          base64: Buffer.from('# A').toString('base64'),
        },
      },
    }),
  },
  {
    route: 'GET /api/v1/projects/:id/attachments/:attachmentId',
    guard: 'signedIn',
    target: projectWithAttachment,
  },
  { route: 'GET /api/v1/customer-issues/waiting', guard: 'signedIn' },
];
