export { exportsRoutes } from './exports.routes.ts';
export { createExportsService } from './exports.service.ts';
