import { describeRoleMatrix } from './matrix.ts';
import { portalStaffRoutes } from './routes.portal.ts';

await describeRoleMatrix("Customer portal: an account's customer users", portalStaffRoutes);
