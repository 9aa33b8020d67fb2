// The customer portal's people (docs/portal.md): customer users, their invitations, sign-in and
// sessions. The request context portal routes use is `request.customer()` (http/portal-authentication.ts).

export { customerUserSnapshot } from './customer-users.presenter.ts';
export { customerUsersRoutes } from './customer-users.routes.ts';
export { type CustomerUsersService, createCustomerUsersService } from './customer-users.service.ts';
export { portalRoutes } from './portal.routes.ts';
export { createPortalAuthService, type PortalAuthService } from './portal-auth.service.ts';
export {
  INVITATION_DAYS,
  type PortalMail,
  type PortalSettings,
  SIGN_IN_LINK_MINUTES,
} from './portal-links.ts';
export { portalProjectsRoutes } from './portal-projects.routes.ts';
export { createReplyMailer } from './portal-replies.ts';
