import type {
  HomeView,
  IssueListParams,
  JourneyOverviewParams,
  MailStatus,
  PortalIssueState,
  TaskStatus,
} from '@liaison/contracts';
import { infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { type AccountFilters, api, extra } from './api.ts';

/** Every query the app makes, keyed so that a write can refresh exactly what it may have changed. */
export const queries = {
  me: () => queryOptions({ queryKey: ['me'], queryFn: () => api.auth.me(), staleTime: 5 * 60_000 }),
  demoInfo: () =>
    queryOptions({ queryKey: ['demo-info'], queryFn: () => extra.demoInfo(), staleTime: Infinity }),
  users: () => queryOptions({ queryKey: ['users'], queryFn: () => api.users.list(), staleTime: 5 * 60_000 }),
  portfolio: (owner: string | undefined) =>
    queryOptions({
      queryKey: ['portfolio', owner ?? 'me'],
      queryFn: () => api.assessments.portfolio(owner ? { owner } : {}),
    }),
  worklist: (owner: string | undefined) =>
    queryOptions({
      queryKey: ['worklist', owner ?? 'me'],
      queryFn: () => api.assessments.worklist(owner ? { owner } : {}),
    }),
  teamOverview: () =>
    queryOptions({ queryKey: ['team-overview'], queryFn: () => api.assessments.teamOverview() }),
  accounts: (filters: AccountFilters) =>
    infiniteQueryOptions({
      queryKey: ['accounts', filters],
      queryFn: ({ pageParam }) =>
        api.accounts.list({ ...filters, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '' as string,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  accountSearch: (q: string) =>
    queryOptions({
      queryKey: ['accounts', 'search', q],
      queryFn: () => api.accounts.list({ q, limit: 8, sort: '-arr' }),
      staleTime: 30_000,
    }),
  account: (id: string) => queryOptions({ queryKey: ['account', id], queryFn: () => api.accounts.get(id) }),
  /** The account's collaboration project(s) and its responsiveness (docs/projects.md). */
  projects: (accountId: string) =>
    queryOptions({ queryKey: ['project', accountId], queryFn: () => api.projects.ofAccount(accountId) }),
  projectIssues: (accountId: string, projectId: string, filters: IssueListParams) =>
    queryOptions({
      queryKey: ['project-issues', accountId, projectId, filters],
      queryFn: () => api.projects.issues(projectId, filters),
    }),
  projectIssue: (accountId: string, projectId: string, number: number) =>
    queryOptions({
      queryKey: ['project-issue', accountId, projectId, number],
      queryFn: () => api.projects.issue(projectId, number),
    }),
  waitingIssues: () =>
    queryOptions({
      queryKey: ['customer-issues'],
      queryFn: () => api.projects.waiting(),
      refetchInterval: 60_000,
    }),
  /** The account's customer users of the portal, with `can.manage` (docs/portal.md). */
  customerUsers: (accountId: string) =>
    queryOptions({
      queryKey: ['account', accountId, 'customer-users'],
      queryFn: () => api.customerUsers.list(accountId),
    }),
  /** The customer portal's signed-in customer user (portal pages only). */
  portalMe: () => queryOptions({ queryKey: ['portal', 'me'], queryFn: () => api.portal.me(), retry: false }),
  /** The customer's collaboration project and its issues, under ['portal', 'projects'] (one refresh). */
  portalProjects: () =>
    queryOptions({ queryKey: ['portal', 'projects'], queryFn: () => api.portal.projects() }),
  portalIssues: (projectId: string, state: PortalIssueState) =>
    queryOptions({
      queryKey: ['portal', 'projects', projectId, 'issues', state],
      queryFn: () => api.portal.issues(projectId, state),
    }),
  portalIssue: (projectId: string, number: number) =>
    queryOptions({
      queryKey: ['portal', 'projects', projectId, 'issue', number],
      queryFn: () => api.portal.issue(projectId, number),
    }),
  accountAsOf: (id: string, asOf: string) =>
    queryOptions({
      queryKey: ['account', id, 'as-of', asOf],
      queryFn: () => api.accounts.get(id, { asOf }),
      staleTime: Infinity,
    }),
  assessment: (id: string) =>
    queryOptions({ queryKey: ['assessment', id], queryFn: () => api.assessments.get(id) }),
  assessmentAt: (id: string, at: string) =>
    queryOptions({
      queryKey: ['assessment', id, 'at', at],
      queryFn: () => api.assessments.get(id, { at }),
      staleTime: 10 * 60_000,
    }),
  activities: (id: string) =>
    infiniteQueryOptions({
      queryKey: ['activities', id],
      queryFn: ({ pageParam }) =>
        api.activities.list(id, { limit: 25, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '' as string,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  /** The latest activities, to link one as a journey step's meeting. */
  recentActivities: (id: string) =>
    queryOptions({
      queryKey: ['activities', id, 'recent'],
      queryFn: () => api.activities.list(id, { limit: 50 }),
    }),
  opportunities: (id: string) =>
    queryOptions({ queryKey: ['opportunities', id], queryFn: () => api.opportunities.list(id) }),
  teamHistory: (id: string) =>
    queryOptions({ queryKey: ['team-all', id], queryFn: () => api.team.list(id, { all: true }) }),
  successPlan: (id: string) =>
    queryOptions({ queryKey: ['success-plan', id], queryFn: () => api.successPlans.get(id) }),
  supportTickets: (id: string) =>
    queryOptions({ queryKey: ['support-tickets', id], queryFn: () => api.supportTickets.list(id) }),
  initiatives: (id: string) =>
    queryOptions({ queryKey: ['initiatives', id], queryFn: () => api.initiatives.list(id) }),
  emeaParameters: (id: string) =>
    queryOptions({ queryKey: ['emea-parameters', id], queryFn: () => api.emeaParameters.list(id) }),
  priorityProposal: (id: string) =>
    queryOptions({ queryKey: ['priority-proposal', id], queryFn: () => api.priorityProposals.get(id) }),
  priorityExceptions: (id: string) =>
    queryOptions({ queryKey: ['priority-exceptions', id], queryFn: () => api.priorityExceptions.list(id) }),
  history: (id: string) =>
    infiniteQueryOptions({
      queryKey: ['history', id],
      queryFn: ({ pageParam }) =>
        api.accounts.history(id, { limit: 30, ...(pageParam ? { cursor: pageParam } : {}) }),
      initialPageParam: '' as string,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  diff: (id: string, from: string, to: string) =>
    queryOptions({
      queryKey: ['diff', id, from, to],
      queryFn: () => api.accounts.diff(id, { from, to }),
      staleTime: 60_000,
    }),
  // The rules change only with a new playbook version: read once per session; the playbook page
  // refetches everything after applying one.
  playbook: () =>
    queryOptions({ queryKey: ['playbook'], queryFn: () => api.playbook.get(), staleTime: Infinity }),
  // The journey (docs/journey.md): "now" views refetch after any write to the account.
  journey: (id: string) => queryOptions({ queryKey: ['journey', id], queryFn: () => api.journey.get(id) }),
  journeyAsOf: (id: string, asOf: string) =>
    queryOptions({
      queryKey: ['journey', id, 'as-of', asOf],
      queryFn: () => api.journey.get(id, { asOf }),
      staleTime: Infinity,
    }),
  journeySummary: (accountId: string, workflowId: string) =>
    queryOptions({
      queryKey: ['journey-summary', accountId, workflowId],
      queryFn: () => api.journey.summary(workflowId),
    }),
  mySteps: () =>
    queryOptions({
      queryKey: ['my-steps'],
      queryFn: () => api.journey.steps({ responsible: 'me', open: 'true', limit: 100 }),
    }),
  journeyOverview: (filters: JourneyOverviewParams) =>
    queryOptions({
      queryKey: ['journey-overview', filters],
      queryFn: () => api.journey.overview(filters),
    }),
  /** The signed-in user's open work on the task list (tasks, steps and obligations; docs/tasks.md). */
  myTasks: () =>
    queryOptions({
      queryKey: ['tasks', 'me', 'open'],
      queryFn: () => api.tasks.list({ owner: 'me', limit: 100 }),
    }),
  myDoneTasks: () =>
    queryOptions({
      queryKey: ['tasks', 'me', 'done'],
      queryFn: () => api.tasks.list({ owner: 'me', status: 'done', limit: 100 }),
    }),
  /** An account's stored tasks, every owner's (keyed by the account so its writes refresh it). */
  accountTasks: (accountId: string, status: TaskStatus) =>
    queryOptions({
      queryKey: ['account-tasks', accountId, status],
      queryFn: () => api.tasks.list({ accountId, status, limit: 100 }),
    }),
  home: (view?: HomeView, userId?: string) =>
    queryOptions({
      queryKey: ['home', view ?? 'default', userId ?? 'me'],
      queryFn: () => api.home.get({ ...(view ? { view } : {}), ...(userId ? { userId } : {}) }),
    }),
  playbookVersions: () =>
    queryOptions({ queryKey: ['playbook-versions'], queryFn: () => api.playbook.versions() }),
};

/** Book-wide views that any write to any account may change. */
const BOOK_KEYS = new Set([
  'accounts',
  'portfolio',
  'worklist',
  'team-overview',
  'my-steps',
  'journey-overview',
  'tasks',
  'home',
  'customer-issues',
]);

/**
 * After a write to an account: refetch everything about that account and the book-wide views
 * (the server reassessed the account in the same transaction, so these are fresh at once).
 */
export function invalidateAccount(queryClient: QueryClient, accountId: string) {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const [head, id, sub] = query.queryKey as unknown[];
      if (typeof head === 'string' && BOOK_KEYS.has(head)) return true;
      // As-of views are immutable; only "now" views change.
      return id === accountId && sub !== 'as-of' && sub !== 'at';
    },
  });
}

/** The signed-in user's own API tokens: the server lists nobody else's, not even to admins. */
export const apiTokensQuery = () =>
  queryOptions({ queryKey: ['api-tokens'], queryFn: () => api.auth.listTokens() });

/** The signed-in user's calendar feed: whether it exists, never its URL (docs/calendar.md). */
export const calendarFeedQuery = () =>
  queryOptions({ queryKey: ['calendar-feed'], queryFn: () => api.calendar.feed() });

/** Admins: the shared job queue and its dead-letter list (decision 0009); refreshed while open. */
export const jobsQuery = () =>
  queryOptions({ queryKey: ['status', 'jobs'], queryFn: () => api.status.jobs(), refetchInterval: 15_000 });

/** Admins: the e-mail outbox (docs/mail.md) and whether an SMTP server is configured. */
export const mailQueries = {
  status: () => queryOptions({ queryKey: ['mail', 'status'], queryFn: () => api.mail.status() }),
  outbox: (status: MailStatus | undefined) =>
    infiniteQueryOptions({
      queryKey: ['mail', 'outbox', status ?? 'all'],
      queryFn: ({ pageParam }) =>
        api.mail.outbox({
          limit: 50,
          ...(status ? { status } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '' as string,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
    }),
  message: (id: string) =>
    queryOptions({ queryKey: ['mail', 'message', id], queryFn: () => api.mail.message(id) }),
};

/** The caller's notification centre (docs/notifications.md): the count polled, the list paged. */
export const notificationQueries = {
  unreadCount: () =>
    queryOptions({
      queryKey: ['notifications', 'unread-count'],
      queryFn: () => api.notifications.unreadCount(),
      // The bell polls, and looks again when the window comes back (the app's default is not to).
      refetchInterval: 30_000,
      refetchOnWindowFocus: true,
      staleTime: 0,
    }),
  list: (unread: boolean) =>
    infiniteQueryOptions({
      queryKey: ['notifications', 'list', unread],
      queryFn: ({ pageParam }) =>
        api.notifications.list({
          limit: 30,
          ...(unread ? { unread: 'true' } : {}),
          ...(pageParam ? { cursor: pageParam } : {}),
        }),
      initialPageParam: '' as string,
      getNextPageParam: (last) => last.nextCursor ?? undefined,
      refetchOnWindowFocus: true,
    }),
  preferences: () =>
    queryOptions({ queryKey: ['notification-preferences'], queryFn: () => api.notifications.preferences() }),
};
