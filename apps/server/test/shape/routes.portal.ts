import type { AccountProjects, CustomerUser, Project, ProjectIssue } from '@liaison/contracts';
import { type Factories, ok } from '../factories.ts';
import type { CustomerSetup, RouteCase, Setup, Target } from './route-table.ts';
import { sharedAccount } from './route-table.ts';

// The customer portal (docs/portal.md). Staff manage an account's customer users: any staff reads
// the list, the account's team, TAM managers and admins invite and manage (editAccount). The
// portal's own routes (/api/v1/portal) are for customer users only (`customer`): staff get 401
// there, customers get 401 on every staff route (portal-sessions.api.test.ts). The public ones
// (sign-in, links, invitation, sign-out, the CSRF token) are in anonymous.api.test.ts.

let sequence = 0;

/** A fresh account with a contact that has an e-mail; `userId` carries the contact. */
async function accountWithContact(f: Factories) {
  const account = await f.buildAccount();
  const contact = await f.buildContact(account, {
    email: `invitee.${++sequence}.${Date.now()}@customer.example`,
  });
  return { account, contact };
}

/** A customer user invited on a fresh account, deactivated when asked. */
const freshCustomerUser =
  (deactivated = false) =>
  async ({ f }: Setup) => {
    const { account, contact } = await accountWithContact(f);
    const user = await ok<CustomerUser>(
      'invite',
      f.admin.post(`/api/v1/accounts/${account.id}/customer-users`, { contactId: contact.id }),
    );
    if (deactivated) await ok('deactivate', f.admin.post(`/api/v1/customer-users/${user.id}/deactivate`));
    return { id: user.id, accountId: account.id };
  };

export const portalStaffRoutes: RouteCase[] = [
  { route: 'GET /api/v1/accounts/:id/customer-users', guard: 'signedIn', target: sharedAccount },
  {
    route: 'POST /api/v1/accounts/:id/customer-users',
    guard: 'editAccount',
    target: async ({ f }) => {
      const { account, contact } = await accountWithContact(f);
      return { id: account.id, accountId: account.id, userId: contact.id };
    },
    request: ({ userId }) => ({ body: { contactId: userId } }),
  },
  {
    route: 'POST /api/v1/customer-users/:id/resend-invitation',
    guard: 'editAccount',
    target: freshCustomerUser(),
  },
  { route: 'POST /api/v1/customer-users/:id/deactivate', guard: 'editAccount', target: freshCustomerUser() },
  {
    route: 'POST /api/v1/customer-users/:id/reactivate',
    guard: 'editAccount',
    target: freshCustomerUser(true),
  },
];

/**
 * The signed-in customer's account's project (made once; issue #1 is the Welcome call) with an
 * attachment on issue #1, whose id `userId` carries.
 */
async function customerProject({ f, accountId }: CustomerSetup): Promise<Partial<Target>> {
  const existing = await ok<AccountProjects>(
    'projects',
    f.admin.get(`/api/v1/accounts/${accountId}/projects`),
  );
  const project =
    existing.items[0] ??
    (await ok<Project>('project', f.admin.post(`/api/v1/accounts/${accountId}/projects`, {})));
  const file = { name: 'notes.txt', contentType: 'text/plain', base64: Buffer.from('x').toString('base64') };
  const issue = await ok<ProjectIssue>(
    'attach',
    f.admin.post(`/api/v1/projects/${project.id}/issues/1/attachments`, { file }),
  );
  return { id: project.id, userId: issue.attachments.at(-1)!.id };
}

/** The portal's private routes: a signed-in customer user's. */
export const portalCustomerRoutes: RouteCase[] = [
  { route: 'GET /api/v1/portal/me', guard: 'customer' },
  { route: 'GET /api/v1/portal/projects', guard: 'customer' },
  { route: 'GET /api/v1/portal/projects/:id/issues', guard: 'customer', customerTarget: customerProject },
  {
    route: 'GET /api/v1/portal/projects/:id/issues/:number',
    guard: 'customer',
    customerTarget: customerProject,
  },
  {
    route: 'POST /api/v1/portal/projects/:id/issues',
    guard: 'customer',
    customerTarget: customerProject,
    request: () => ({ body: { title: 'How do we rotate runner tokens?', labels: ['question'] } }),
  },
  {
    route: 'POST /api/v1/portal/projects/:id/issues/:number/comments',
    guard: 'customer',
    customerTarget: customerProject,
    request: () => ({ body: { body: 'Thursday works for us.' } }),
  },
  {
    route: 'POST /api/v1/portal/projects/:id/issues/:number/attachments',
    guard: 'customer',
    customerTarget: customerProject,
    request: () => ({
      body: {
        file: {
          name: 'screenshot.txt',
          contentType: 'text/plain',
          base64: Buffer.from('y').toString('base64'),
        },
      },
    }),
  },
  {
    route: 'GET /api/v1/portal/projects/:id/attachments/:attachmentId',
    guard: 'customer',
    customerTarget: customerProject,
  },
];

export const portalRoutes: RouteCase[] = [...portalStaffRoutes, ...portalCustomerRoutes];
