// Server status for admins: background work, its runs and its failures.
export { statusRoutes } from './status.routes.ts';
export { createStatusService, type StatusService } from './status.service.ts';
