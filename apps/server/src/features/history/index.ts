export { historyReadModel, statesAt } from './history.read-model.ts';
export { historyRoutes } from './history.routes.ts';
