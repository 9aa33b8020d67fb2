import { id, type RequestOptions, type Transport } from './client-transport.ts';
import {
  CustomerUser,
  CustomerUserList,
  type InviteCustomerUserRequest,
  type PortalAcceptInvitationRequest,
  PortalCsrf,
  PortalMagicLinkSent,
  PortalMe,
  type PortalSignInRequest,
} from './portal.ts';
import {
  type PortalCreateCommentRequest,
  type PortalCreateIssueRequest,
  PortalIssue,
  PortalIssueList,
  PortalProjectList,
} from './portal-projects.ts';
import type { UploadAttachmentRequest } from './projects.ts';

/** Which of a project's issues the portal lists (the server's default is `open`). */
export type PortalIssueState = 'open' | 'closed' | 'all';

/** Staff: an account's customer users of the portal (docs/portal.md). */
export function customerUsersApi({ call }: Transport) {
  return {
    list: (accountId: string, request: RequestOptions = {}) =>
      call(CustomerUserList, 'GET', `/accounts/${id(accountId)}/customer-users`, request),
    /** Invites a contact: the invitation e-mail is queued with the change. */
    invite: (accountId: string, body: InviteCustomerUserRequest, request: RequestOptions = {}) =>
      call(CustomerUser, 'POST', `/accounts/${id(accountId)}/customer-users`, { ...request, body }),
    resendInvitation: (customerUserId: string, request: RequestOptions = {}) =>
      call(CustomerUser, 'POST', `/customer-users/${id(customerUserId)}/resend-invitation`, request),
    deactivate: (customerUserId: string, request: RequestOptions = {}) =>
      call(CustomerUser, 'POST', `/customer-users/${id(customerUserId)}/deactivate`, request),
    reactivate: (customerUserId: string, request: RequestOptions = {}) =>
      call(CustomerUser, 'POST', `/customer-users/${id(customerUserId)}/reactivate`, request),
  };
}

/**
 * The customer portal's own API, for its pages in a browser (the portal cookie is the browser's).
 * Every write first asks for the CSRF token (`GET /portal/csrf`) and sends it as X-Liaison-CSRF
 * (docs/security.md, Customer portal), so callers never handle it.
 */
export function portalApi({ call, callEmpty, root }: Transport) {
  const csrf = (request: RequestOptions = {}) => call(PortalCsrf, 'GET', '/portal/csrf', request);
  const withCsrf = async (request: RequestOptions) => ({
    ...request,
    headers: { 'x-liaison-csrf': (await csrf(request)).csrfToken },
  });
  return {
    csrf,
    me: (request: RequestOptions = {}) => call(PortalMe, 'GET', '/portal/me', request),
    signIn: async (body: PortalSignInRequest, request: RequestOptions = {}) =>
      call(PortalMe, 'POST', '/portal/sign-in', { ...(await withCsrf(request)), body }),
    /** E-mails a sign-in link; the answer is the same whether the address is known or not. */
    requestSignInLink: async (email: string, request: RequestOptions = {}) =>
      call(PortalMagicLinkSent, 'POST', '/portal/magic-link', {
        ...(await withCsrf(request)),
        body: { email },
      }),
    signInWithLink: async (token: string, request: RequestOptions = {}) =>
      call(PortalMe, 'POST', '/portal/magic-link/sign-in', { ...(await withCsrf(request)), body: { token } }),
    acceptInvitation: async (body: PortalAcceptInvitationRequest, request: RequestOptions = {}) =>
      call(PortalMe, 'POST', '/portal/invitation/accept', { ...(await withCsrf(request)), body }),
    signOut: async (request: RequestOptions = {}) =>
      callEmpty('POST', '/portal/sign-out', await withCsrf(request)),
    ...portalProjects(call, withCsrf, root),
  };
}

/** The customer's collaboration project: read, open issues, comment, attach files (docs/portal.md, Projects). */
function portalProjects(
  call: Transport['call'],
  withCsrf: (request: RequestOptions) => Promise<RequestOptions & { headers: Record<string, string> }>,
  root: string,
) {
  const issues = (projectId: string) => `/portal/projects/${id(projectId)}/issues`;
  return {
    projects: (request: RequestOptions = {}) => call(PortalProjectList, 'GET', '/portal/projects', request),
    issues: (projectId: string, state: PortalIssueState = 'open', request: RequestOptions = {}) =>
      call(PortalIssueList, 'GET', issues(projectId), { ...request, query: { state } }),
    issue: (projectId: string, number: number, request: RequestOptions = {}) =>
      call(PortalIssue, 'GET', `${issues(projectId)}/${number}`, request),
    /** Opens an issue as the customer; only the project's own labels are kept by the server. */
    openIssue: async (projectId: string, body: PortalCreateIssueRequest, request: RequestOptions = {}) =>
      call(PortalIssue, 'POST', issues(projectId), { ...(await withCsrf(request)), body }),
    /** A public comment; the answer is the whole issue, with the new comment last. */
    comment: async (
      projectId: string,
      number: number,
      body: PortalCreateCommentRequest,
      request: RequestOptions = {},
    ) =>
      call(PortalIssue, 'POST', `${issues(projectId)}/${number}/comments`, {
        ...(await withCsrf(request)),
        body,
      }),
    /** Attaches a file (at most `MAX_UPLOAD_BYTES`); the answer is the whole issue with the file last. */
    attach: async (
      projectId: string,
      number: number,
      body: UploadAttachmentRequest,
      request: RequestOptions = {},
    ) =>
      call(PortalIssue, 'POST', `${issues(projectId)}/${number}/attachments`, {
        ...(await withCsrf(request)),
        body,
      }),
    /** Where an attachment downloads from (the portal cookie goes with a plain link), for an href. */
    attachmentUrl: (projectId: string, attachmentId: string) =>
      `${root}/portal/projects/${id(projectId)}/attachments/${id(attachmentId)}`,
  };
}
