export { presentObjective, presentSuccessPlanRecord } from './success-plans.presenter.ts';
export { successPlansRoutes } from './success-plans.routes.ts';
export { createSuccessPlansService } from './success-plans.service.ts';
export type { ObjectiveRow, SuccessPlanRow } from './success-plans.store.ts';
