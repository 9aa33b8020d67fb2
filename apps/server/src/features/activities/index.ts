export { presentActivity } from './activities.presenter.ts';
export { activitiesRoutes } from './activities.routes.ts';
export { createActivitiesService } from './activities.service.ts';
export type { ActivityRow } from './activities.store.ts';
