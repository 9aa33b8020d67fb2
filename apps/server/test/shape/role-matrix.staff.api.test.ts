import { describeRoleMatrix } from './matrix.ts';
import { staffRoutes } from './routes.staff.ts';

await describeRoleMatrix('Sign-in, staff, playbook, book-wide views, imports and exports', staffRoutes);
