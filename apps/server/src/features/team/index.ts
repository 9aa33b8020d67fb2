export { isActiveAt, presentTeamAssignment } from './team.presenter.ts';
export { teamRoutes } from './team.routes.ts';
export { assignInTransaction, createTeamService, endAssignmentInTransaction } from './team.service.ts';
export { type TeamAssignmentRow, teamStore } from './team.store.ts';
