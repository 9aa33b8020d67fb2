import { describeRoleMatrix } from './matrix.ts';
import { decisionRoutes } from './routes.decisions.ts';

await describeRoleMatrix('Success plans, priority decisions and their explanations', decisionRoutes);
