import { freshAccount, freshRecord, preparedAccount, type RouteCase, sharedAccount } from './route-table.ts';

// What is decided about an account: its success plan, the EMEA priority proposal and priority
// exceptions, and the reads that explain it (history, diff, assessment).

export const decisionRoutes: RouteCase[] = [
  { route: 'GET /api/v1/accounts/:id/success-plan', guard: 'signedIn', target: sharedAccount },
  {
    route: 'PUT /api/v1/accounts/:id/success-plan',
    guard: 'editAccount',
    target: freshAccount,
    request: () => ({ body: { status: 'active', strategy: 'Consolidate CI' } }),
  },

  { route: 'GET /api/v1/accounts/:id/priority-proposal', guard: 'signedIn', target: sharedAccount },
  {
    route: 'PUT /api/v1/accounts/:id/priority-proposal',
    guard: 'editAccount',
    target: freshAccount,
    request: () => ({ body: { priority: 'pr1', reason: 'Organisational change' } }),
  },
  {
    // The service also checks editAccount, which every TAM manager passes.
    route: 'POST /api/v1/accounts/:id/priority-proposal/approve',
    guard: 'approvePriorityProposal',
    target: preparedAccount((f, account) => f.buildPriorityProposal(account)),
    request: ({ version }) => ({ body: { version } }),
  },

  { route: 'GET /api/v1/accounts/:id/priority-exceptions', guard: 'signedIn', target: sharedAccount },
  {
    route: 'POST /api/v1/accounts/:id/priority-exceptions',
    guard: 'editAccount',
    target: freshAccount,
    request: () => ({ body: { kind: 'p1', reason: 'Executive escalation' } }),
  },
  {
    // The service also checks editAccount, which every approver passes (a manager, or a
    // SAL or AE on the team).
    route: 'POST /api/v1/priority-exceptions/:id/decision',
    guard: 'exceptionApprover',
    target: freshRecord((f, account) => f.buildPriorityException(account)),
    request: ({ version }) => ({ body: { decision: 'approve', version } }),
  },

  { route: 'GET /api/v1/accounts/:id/history', guard: 'signedIn', target: sharedAccount },
  {
    route: 'GET /api/v1/accounts/:id/diff',
    guard: 'signedIn',
    target: sharedAccount,
    request: () => ({ query: 'from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z' }),
  },
  { route: 'GET /api/v1/accounts/:id/assessment', guard: 'signedIn', target: sharedAccount },
];
