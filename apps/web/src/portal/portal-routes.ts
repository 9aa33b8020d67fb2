import type { QueryClient } from '@tanstack/react-query';
import { type AnyRoute, createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { ApiError } from '../api.ts';
import { queries } from '../queries.ts';

/**
 * The customer portal's pages under /portal (docs/portal.md): a tree of their own with their own
 * layout, sessions and sign-in page, beside the staff app. Project pages go under `portalRoute`.
 */
export function portalRoutes<Root extends AnyRoute>(rootRoute: Root) {
  const portalRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: '/portal',
    component: lazyRouteComponent(() => import('./PortalLayout.tsx'), 'PortalLayout'),
  });

  /** The signed-in part: resolves the portal session first, else the portal's sign-in page. */
  const homeRoute = createRoute({
    getParentRoute: () => portalRoute,
    path: '/',
    beforeLoad: async ({ context }) => {
      try {
        await (context as { queryClient: QueryClient }).queryClient.ensureQueryData(queries.portalMe());
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) throw redirect({ to: '/portal/sign-in' });
        throw error;
      }
    },
    component: lazyRouteComponent(() => import('./PortalHomePage.tsx'), 'PortalHomePage'),
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

  return portalRoute.addChildren([homeRoute, signInRoute, magicLinkRoute, inviteRoute]);
}
