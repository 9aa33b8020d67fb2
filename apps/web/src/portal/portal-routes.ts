import type { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { ApiError } from '../api.ts';
import { queries } from '../queries.ts';

export type PortalIssueFilter = 'open' | 'closed' | 'all';

/**
 * The customer portal's pages under /portal (docs/portal.md): a tree of their own with their own
 * layout, sessions and sign-in page, beside the staff app. The signed-in pages — the home and the
 * collaboration project's issues — sit under one pathless route that checks the session.
 */
export function portalRoutes<Root extends AnyRoute>(rootRoute: Root) {
  const portalRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/portal',
    component: lazyRouteComponent(() => import('./PortalLayout.tsx'), 'PortalLayout'),
  });

  /** The signed-in part: resolves the portal session first, else the portal's sign-in page. */
  const signedInRoute = createRoute({
    getParentRoute: () => portalRoute,
    id: 'signed-in',
    beforeLoad: async ({ context }) => {
      try {
        await (context as { queryClient: QueryClient }).queryClient.ensureQueryData(queries.portalMe());
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) throw redirect({ to: '/portal/sign-in' });
        throw error;
      }
    },
  });

  const homeRoute = createRoute({
    getParentRoute: () => signedInRoute,
    path: '/',
    component: lazyRouteComponent(() => import('./PortalHomePage.tsx'), 'PortalHomePage'),
  });

  const issuesRoute = createRoute({
    getParentRoute: () => signedInRoute,
    path: '/projects/$projectId/issues',
    validateSearch: (search: Record<string, unknown>): { state?: PortalIssueFilter } =>
      search.state === 'closed' || search.state === 'all' ? { state: search.state } : {},
    component: lazyRouteComponent(() => import('./PortalIssuesPage.tsx'), 'PortalIssuesPage'),
  });

  // `new` is a static segment: the router prefers it to `$number`.
  const newIssueRoute = createRoute({
    getParentRoute: () => signedInRoute,
    path: '/projects/$projectId/issues/new',
    component: lazyRouteComponent(() => import('./PortalNewIssuePage.tsx'), 'PortalNewIssuePage'),
  });

  const issueRoute = createRoute({
    getParentRoute: () => signedInRoute,
    path: '/projects/$projectId/issues/$number',
    component: lazyRouteComponent(() => import('./PortalIssuePage.tsx'), 'PortalIssuePage'),
  });

  const signInRoute = createRoute({
    getParentRoute: () => portalRoute,
    path: '/sign-in',
    component: lazyRouteComponent(() => import('./PortalSignInPage.tsx'), 'PortalSignInPage'),
  });

  const magicLinkRoute = createRoute({
    getParentRoute: () => portalRoute,
    path: '/sign-in/$token',
    component: lazyRouteComponent(() => import('./PortalLinkPages.tsx'), 'PortalMagicLinkPage'),
  });

  const inviteRoute = createRoute({
    getParentRoute: () => portalRoute,
    path: '/invite/$token',
    component: lazyRouteComponent(() => import('./PortalLinkPages.tsx'), 'PortalInvitePage'),
  });

  return portalRoute.addChildren([
    signedInRoute.addChildren([homeRoute, issuesRoute, newIssueRoute, issueRoute]),
    signInRoute,
    magicLinkRoute,
    inviteRoute,
  ]);
}
