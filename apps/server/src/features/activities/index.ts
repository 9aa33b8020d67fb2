export { type ActionItemPatch, changeActionItem } from './action-items.ts';
export { presentActivity } from './activities.presenter.ts';
export { activitiesRoutes } from './activities.routes.ts';
export { type ActionItemsHook, createActivitiesService } from './activities.service.ts';
export type { ActivityRow } from './activities.store.ts';
