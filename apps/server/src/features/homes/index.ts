// A home for every role (docs/homes.md).
export { homesRoutes } from './homes.routes.ts';
export { createHomesService, type HomesService } from './homes.service.ts';
