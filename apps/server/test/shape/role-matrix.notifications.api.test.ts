import { describeRoleMatrix } from './matrix.ts';
import { notificationRoutes } from './routes.notifications.ts';

await describeRoleMatrix('The notification centre and preferences', notificationRoutes);
