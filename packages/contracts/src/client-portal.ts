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
export function portalApi({ call, callEmpty }: Transport) {
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
  };
}
