export { changeAccount } from './account-writes.ts';
export { presentAccountSummary } from './accounts.presenter.ts';
export { accountsRoutes } from './accounts.routes.ts';
export { createAccountsService } from './accounts.service.ts';
export type { AccountRow } from './accounts.store.ts';
