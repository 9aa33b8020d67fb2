import { describeRoleMatrix } from './matrix.ts';
import { taskRoutes } from './routes.tasks.ts';

await describeRoleMatrix('One task list: tasks, action items, reassignment', taskRoutes);
