import { describeRoleMatrix } from './matrix.ts';
import { calendarRoutes } from './routes.calendar.ts';

await describeRoleMatrix('Calendar feeds', calendarRoutes);
