import { describeRoleMatrix } from './matrix.ts';
import { projectRoutes } from './routes.projects.ts';

await describeRoleMatrix('Collaboration projects: projects, issues, comments, attachments', projectRoutes);
