export { createUserRecord, usersDirectory } from './user-records.ts';
export { presentUser } from './users.presenter.ts';
export { usersRoutes } from './users.routes.ts';
export { createUsersService, type EndSignIns } from './users.service.ts';
export type { UserRow } from './users.store.ts';
