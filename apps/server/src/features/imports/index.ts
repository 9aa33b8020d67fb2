export { JOB_LOCK_SPACE } from './import-connection.store.ts';
export { importsRoutes } from './imports.routes.ts';
export { createImportsService, type ImportRetries } from './imports.service.ts';
