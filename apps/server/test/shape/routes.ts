import { accountRoutes } from './routes.accounts.ts';
import { calendarRoutes } from './routes.calendar.ts';
import { decisionRoutes } from './routes.decisions.ts';
import { journeyRoutes } from './routes.journey.ts';
import { notificationRoutes } from './routes.notifications.ts';
import { portalRoutes } from './routes.portal.ts';
import { projectRoutes } from './routes.projects.ts';
import { staffRoutes } from './routes.staff.ts';
import { taskRoutes } from './routes.tasks.ts';
import { webhookRoutes } from './routes.webhooks.ts';

/** Every private route with its guard and a valid call (route-table.ts says how they are used). */
export const routeTable = [
  ...accountRoutes,
  ...calendarRoutes,
  ...decisionRoutes,
  ...journeyRoutes,
  ...notificationRoutes,
  ...projectRoutes,
  ...portalRoutes,
  ...staffRoutes,
  ...taskRoutes,
  ...webhookRoutes,
];

/** The row for a route (a HEAD route is its GET); the first when a route has several. */
export const rowFor = (route: string) =>
  routeTable.find((row) => row.route === route.replace(/^HEAD /, 'GET '));
