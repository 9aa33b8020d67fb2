export { presentOpportunity } from './opportunities.presenter.ts';
export { opportunitiesRoutes } from './opportunities.routes.ts';
export { createOpportunitiesService } from './opportunities.service.ts';
export type { OpportunityRow } from './opportunities.store.ts';
