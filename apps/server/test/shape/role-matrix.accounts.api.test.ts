import { describeRoleMatrix } from './matrix.ts';
import { accountRoutes } from './routes.accounts.ts';

await describeRoleMatrix('Accounts and the records they own', accountRoutes);
