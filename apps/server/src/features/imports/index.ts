export { importsRoutes } from './imports.routes.ts';
export { createImportsService, type ImportRetries } from './imports.service.ts';
