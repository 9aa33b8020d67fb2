import type { z } from 'zod';
import { id, type RequestOptions, type Transport } from './client-transport.ts';
import {
  AccountProjects,
  type CreateCommentRequest,
  type CreateIssueRequest,
  type CreateProjectRequest,
  type IssueListQuery,
  Project,
  ProjectIssue,
  ProjectIssueList,
  type UpdateIssueRequest,
  type UpdateProjectRequest,
  type UploadAttachmentRequest,
  WaitingIssues,
  type WaitingIssuesQuery,
} from './projects.ts';

export type IssueListParams = Partial<z.input<typeof IssueListQuery>>;

/** Collaboration projects, the staff side (docs/projects.md). */
export function projectsApi({ call }: Transport) {
  const issue = (projectId: string, number: number) => `/projects/${id(projectId)}/issues/${number}`;
  return {
    ofAccount: (accountId: string, request: RequestOptions = {}) =>
      call(AccountProjects, 'GET', `/accounts/${id(accountId)}/projects`, request),
    create: (
      accountId: string,
      body: z.input<typeof CreateProjectRequest> = {},
      request: RequestOptions = {},
    ) => call(Project, 'POST', `/accounts/${id(accountId)}/projects`, { body, ...request }),
    get: (projectId: string, request: RequestOptions = {}) =>
      call(Project, 'GET', `/projects/${id(projectId)}`, request),
    update: (projectId: string, body: z.input<typeof UpdateProjectRequest>, request: RequestOptions = {}) =>
      call(Project, 'PATCH', `/projects/${id(projectId)}`, { body, ...request }),
    issues: (projectId: string, query: IssueListParams = {}, request: RequestOptions = {}) =>
      call(ProjectIssueList, 'GET', `/projects/${id(projectId)}/issues`, { query, ...request }),
    issue: (projectId: string, number: number, request: RequestOptions = {}) =>
      call(ProjectIssue, 'GET', issue(projectId, number), request),
    openIssue: (projectId: string, body: z.input<typeof CreateIssueRequest>, request: RequestOptions = {}) =>
      call(ProjectIssue, 'POST', `/projects/${id(projectId)}/issues`, { body, ...request }),
    updateIssue: (
      projectId: string,
      number: number,
      body: z.input<typeof UpdateIssueRequest>,
      request: RequestOptions = {},
    ) => call(ProjectIssue, 'PATCH', issue(projectId, number), { body, ...request }),
    comment: (
      projectId: string,
      number: number,
      body: z.input<typeof CreateCommentRequest>,
      request: RequestOptions = {},
    ) => call(ProjectIssue, 'POST', `${issue(projectId, number)}/comments`, { body, ...request }),
    attach: (
      projectId: string,
      number: number,
      body: z.input<typeof UploadAttachmentRequest>,
      request: RequestOptions = {},
    ) => call(ProjectIssue, 'POST', `${issue(projectId, number)}/attachments`, { body, ...request }),
    /** The path (under the API root) an attachment downloads from. */
    attachmentPath: (projectId: string, attachmentId: string) =>
      `/projects/${id(projectId)}/attachments/${id(attachmentId)}`,
    waiting: (query: Partial<WaitingIssuesQuery> = {}, request: RequestOptions = {}) =>
      call(WaitingIssues, 'GET', '/customer-issues/waiting', { query, ...request }),
  };
}
