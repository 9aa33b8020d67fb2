import { HomeView, type JourneyOverviewParams, Region, Segment } from '@liaison/contracts';
import { QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { ApiError } from './api.ts';
import { AppLayout } from './components/AppLayout.tsx';
import { PageError, PageLoader } from './components/PageState.tsx';
import { portalRoutes } from './portal/portal-routes.ts';
import { queries } from './queries.ts';
import { parseAccountSearch } from './search.ts';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
    },
  },
  queryCache: new QueryCache({
    onError: (error) => {
      // The session ended (expired, signed out elsewhere): back to sign-in, keeping the page.
      // The customer portal's pages handle their own session (portal/portal-routes.ts).
      if (window.location.pathname.startsWith('/portal')) return;
      if (error instanceof ApiError && error.status === 401 && window.location.pathname !== '/sign-in') {
        queryClient.clear();
        void router.navigate({
          to: '/sign-in',
          search: { redirect: window.location.pathname + window.location.search },
        });
      }
    },
  }),
});

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  pendingComponent: PageLoader,
  errorComponent: PageError,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/')
      ? { redirect: search.redirect }
      : {},
  // Already signed in (the session is known): straight to the app.
  beforeLoad: ({ context, search }) => {
    if (context.queryClient.getQueryData(queries.me().queryKey))
      throw redirect({ href: search.redirect ?? '/' });
  },
  component: lazyRouteComponent(() => import('./pages/SignInPage.tsx'), 'SignInPage'),
});

/** Everything behind sign-in: resolves the session first, else redirects to sign-in. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(queries.me());
      // Pages and badges read bands, windows and names from the playbook (usePlaybook): loaded
      // once here so that no part of the layout waits for it (cached for the session).
      await context.queryClient.ensureQueryData(queries.playbook());
      return { me: me.user };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({
          to: '/sign-in',
          search: location.href === '/' ? {} : { redirect: location.href },
        });
      }
      throw error;
    }
  },
  component: AppLayout,
});

/**
 * The landing page picks by role: the first view the server allows the user (docs/homes.md).
 * A TAM's is their week; every other role lands on their home. The rule stays the server's.
 */
const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: (search: Record<string, unknown>): { owner?: string } =>
    typeof search.owner === 'string' ? { owner: search.owner } : {},
  beforeLoad: async ({ context, search }) => {
    // Old links to a TAM's week (`/?owner=`) keep working.
    if (search.owner) throw redirect({ to: '/week', search: { owner: search.owner } });
    const home = await context.queryClient.ensureQueryData(queries.home());
    throw redirect(home.views[0]?.view === 'tam' ? { to: '/week' } : { to: '/home' });
  },
});

const weekRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/week',
  validateSearch: (search: Record<string, unknown>): { owner?: string } =>
    typeof search.owner === 'string' ? { owner: search.owner } : {},
  component: lazyRouteComponent(() => import('./pages/MyWeekPage.tsx'), 'MyWeekPage'),
});

export interface HomeSearch {
  view?: HomeView;
  userId?: string;
}

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/home',
  validateSearch: (search: Record<string, unknown>): HomeSearch => {
    const view = HomeView.safeParse(search.view);
    return {
      ...(view.success ? { view: view.data } : {}),
      ...(typeof search.userId === 'string' ? { userId: search.userId } : {}),
    };
  },
  component: lazyRouteComponent(() => import('./pages/home/HomePage.tsx'), 'HomePage'),
});

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/team',
  component: lazyRouteComponent(() => import('./pages/TeamPage.tsx'), 'TeamPage'),
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  validateSearch: parseAccountSearch,
  component: lazyRouteComponent(() => import('./pages/AccountsPage.tsx'), 'AccountsPage'),
});

const accountTabs = [
  'overview',
  'profile',
  'people',
  'journey',
  'timeline',
  'tasks',
  'support',
  'project',
  'history',
] as const;
export type AccountTab = (typeof accountTabs)[number];

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  // `issue`: the project issue open on the Project tab (a notification links to it).
  validateSearch: (search: Record<string, unknown>): { tab?: AccountTab; issue?: number } => {
    const tab = accountTabs.includes(search.tab as AccountTab) ? { tab: search.tab as AccountTab } : {};
    const issue = Number(search.issue);
    return Number.isInteger(issue) && issue > 0 ? { ...tab, issue } : tab;
  },
  component: lazyRouteComponent(() => import('./pages/account/AccountPage.tsx'), 'AccountPage'),
});

/** Customers' issues waiting for an answer, across accounts (docs/projects.md). */
const customerIssuesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/customer-issues',
  component: lazyRouteComponent(() => import('./pages/CustomerIssuesPage.tsx'), 'CustomerIssuesPage'),
});

/** The journey overview, for TAM managers and admins (the server refuses everyone else). */
const journeyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/journey',
  validateSearch: (search: Record<string, unknown>): JourneyOverviewParams => {
    const region = Region.safeParse(search.region);
    const segment = Segment.safeParse(search.segment);
    return {
      ...(region.success ? { region: region.data } : {}),
      ...(segment.success ? { segment: segment.data } : {}),
    };
  },
  component: lazyRouteComponent(() => import('./pages/JourneyOverviewPage.tsx'), 'JourneyOverviewPage'),
});

/** The account team meeting: the agenda written by the server, notes, decisions, action items. */
const meetingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  component: lazyRouteComponent(() => import('./pages/meetings/MeetingsPage.tsx'), 'MeetingsPage'),
});

const playbookRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/playbook',
  component: lazyRouteComponent(() => import('./pages/PlaybookPage.tsx'), 'PlaybookPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('./pages/UsersPage.tsx'), 'UsersPage'),
});

/** Admins: the shared job queue and its failed jobs. */
const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/jobs',
  component: lazyRouteComponent(() => import('./pages/JobsPage.tsx'), 'JobsPage'),
});

/** Admins: the e-mail outbox (docs/mail.md); the server refuses everyone else. */
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/outbox',
  component: lazyRouteComponent(() => import('./pages/mail/OutboxPage.tsx'), 'OutboxPage'),
});

/** Outbound webhooks, for admins (the server refuses everyone else). */
const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/webhooks',
  component: lazyRouteComponent(() => import('./pages/webhooks/WebhooksPage.tsx'), 'WebhooksPage'),
});

/** Every signed-in user's own tokens (the server lists no one else's, not even to admins). */
const apiTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/tokens',
  component: lazyRouteComponent(() => import('./pages/ApiTokensPage.tsx'), 'ApiTokensPage'),
});

/** The caller's notification centre and preferences (docs/notifications.md). */
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  component: lazyRouteComponent(
    () => import('./pages/notifications/NotificationsPage.tsx'),
    'NotificationsPage',
  ),
});

const notificationPreferencesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/notifications',
  component: lazyRouteComponent(
    () => import('./pages/notifications/NotificationPreferencesPage.tsx'),
    'NotificationPreferencesPage',
  ),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  portalRoutes(rootRoute),
  appRoute.addChildren([
    indexRoute,
    weekRoute,
    homeRoute,
    teamRoute,
    accountsRoute,
    accountRoute,
    customerIssuesRoute,
    meetingsRoute,
    journeyRoute,
    playbookRoute,
    usersRoute,
    jobsRoute,
    outboxRoute,
    webhooksRoute,
    apiTokensRoute,
    notificationsRoute,
    notificationPreferencesRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  defaultPendingMinMs: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
