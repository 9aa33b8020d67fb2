import { randomUUID } from 'node:crypto';
import { defaultPlaybook } from '@liaison/domain';
import type { TestApp } from '../test-app.ts';
import type { RouteCase, Setup } from './route-table.ts';
import { shared } from './route-table.ts';

// The caller's own sign-in, the staff, the playbook, the views over the whole book, and the CSV
// imports and exports.

const csv = { 'content-type': 'text/csv' };

/** A job in a real queue whose only attempt failed. */
export async function failedJob(app: TestApp): Promise<string> {
  const boss = await app.services.queue.boss();
  const id = (await boss.send(
    'assessments-refresh',
    { test: true },
    { retryLimit: 0, singletonKey: randomUUID() },
  ))!;
  await boss.fail('assessments-refresh', id, { message: 'simulated failure' });
  return id;
}

/** A test message an admin sent, delivered at once: held (the test app has no SMTP server). */
const heldMessage = async ({ f, app }: Setup) => {
  const sent = await f.admin.post<{ id: string }>('/api/v1/mail/test');
  await app.services.mail.deliver(sent.body.id, 1);
  return { id: sent.body.id };
};

const sharedImport = async (setup: Setup) => ({ id: (await shared(setup)).importJob.id });

export const staffRoutes: RouteCase[] = [
  { route: 'GET /api/v1/auth/me', guard: 'signedIn' },
  { route: 'GET /api/v1/auth/tokens', guard: 'signedIn' },
  { route: 'POST /api/v1/auth/tokens', guard: 'signedIn', request: () => ({ body: { name: 'matrix' } }) },
  {
    // Everyone revokes their own tokens.
    route: 'DELETE /api/v1/auth/tokens/:id',
    guard: 'signedIn',
    target: async ({ caller }) => ({
      id: (await caller.post<{ id: string }>('/api/v1/auth/tokens', { name: 'to revoke' })).body.id,
    }),
  },

  { route: 'GET /api/v1/users', guard: 'signedIn' },
  {
    route: 'POST /api/v1/users',
    guard: 'manageUsers',
    request: () => ({ body: { name: 'New Hire', email: `${randomUUID()}@example.com`, roles: ['tam'] } }),
  },
  {
    route: 'GET /api/v1/users/:id',
    guard: 'signedIn',
    target: async (setup) => ({ id: (await shared(setup)).user.id }),
  },
  {
    route: 'PATCH /api/v1/users/:id',
    guard: 'manageUsers',
    target: async ({ f }) => ({ id: (await f.buildUser({ roles: ['sa'] })).user.id }),
    request: ({ version }) => ({ body: { region: 'apac', version } }),
  },

  { route: 'GET /api/v1/playbook', guard: 'signedIn' },
  { route: 'GET /api/v1/playbook/versions', guard: 'signedIn' },
  {
    route: 'PUT /api/v1/playbook',
    guard: 'managePlaybook',
    target: async ({ f }) => ({ version: (await f.admin.get('/api/v1/playbook')).body.version }),
    request: ({ version }) => ({ body: { playbook: defaultPlaybook, note: 'Matrix', version } }),
  },
  {
    route: 'POST /api/v1/playbook/validate',
    guard: 'signedIn',
    request: () => ({ body: { playbook: defaultPlaybook } }),
  },
  {
    route: 'POST /api/v1/playbook/dry-run',
    guard: 'signedIn',
    request: () => ({ body: { playbook: defaultPlaybook } }),
  },

  { route: 'GET /api/v1/status/background-work', guard: 'viewSystemStatus' },
  { route: 'GET /api/v1/status/jobs', guard: 'viewSystemStatus' },
  {
    // A job whose only attempt failed: on the dead-letter list, ready to retry.
    route: 'POST /api/v1/status/jobs/:id/retry',
    guard: 'viewSystemStatus',
    target: async ({ app }) => ({ id: await failedJob(app) }),
  },

  { route: 'GET /api/v1/mail/status', guard: 'manageMail' },
  { route: 'GET /api/v1/mail/outbox', guard: 'manageMail', request: () => ({ query: 'status=held' }) },
  { route: 'GET /api/v1/mail/outbox/:id', guard: 'manageMail', target: heldMessage },
  // Each call re-sends a message of its own: held again at once (no SMTP server in the tests).
  { route: 'POST /api/v1/mail/outbox/:id/resend', guard: 'manageMail', target: heldMessage },
  { route: 'POST /api/v1/mail/test', guard: 'manageMail' },

  { route: 'GET /api/v1/portfolio', guard: 'signedIn' },
  { route: 'GET /api/v1/worklist', guard: 'signedIn' },
  { route: 'GET /api/v1/team-overview', guard: 'manageTeam' },
  {
    route: 'POST /api/v1/assessments/reassess',
    guard: 'manageTeam',
    request: () => ({ body: { limit: 5 } }),
  },

  ...(['accounts', 'users'] as const).map(
    (object): RouteCase => ({
      route: 'POST /api/v1/imports',
      guard: 'importRecords',
      importObject: object,
      request: () => ({
        query: `object=${object}`,
        headers: csv,
        body:
          object === 'users'
            ? `FirstName,LastName,Email,Roles__c\nIm,Ported,${randomUUID()}@example.com,viewer\n`
            : 'Name,Segment__c,Region__c\nImported Co,smb,emea\n',
      }),
      settle: async (app, response) => {
        if (response.status === 202) await app.services.imports.wait((response.body as { id: string }).id);
      },
    }),
  ),
  // An admin's import: anyone else reads it only if they may import that object.
  { route: 'GET /api/v1/imports/:id', guard: 'importRecords', target: sharedImport },
  { route: 'GET /api/v1/imports/:id/errors.csv', guard: 'importRecords', target: sharedImport },

  { route: 'GET /api/v1/exports/:file', guard: 'signedIn' },
];
