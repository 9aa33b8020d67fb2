// Customer collaboration projects (docs/projects.md): the staff side, and the customer-scoped
// service and presenters the portal plugs in (it authenticates the contact; this feature scopes
// every read and write to that contact's account).

export { MAX_ATTACHMENT_BYTES } from './issue-parts.ts';
export { createIssuesService, type IssuesService, type StaffReply } from './issues.service.ts';
export { renderMarkdown } from './markdown.ts';
export {
  createPortalProjectsService,
  type PortalCaller,
  type PortalProjectsService,
} from './portal.service.ts';
export type { PlaybookSource } from './project-access.ts';
export { commentSnapshot, issueSnapshot, projectSnapshot } from './projects.presenter.ts';
export { accountThreadsJson } from './projects.read-model.ts';
export { projectsRoutes } from './projects.routes.ts';
export { createProjectsService, type ProjectsService } from './projects.service.ts';
export { createWaitingService, type WaitingService } from './waiting.service.ts';
