import { describeRoleMatrix } from './matrix.ts';
import { webhookRoutes } from './routes.webhooks.ts';

await describeRoleMatrix('Outbound webhooks: endpoints, the delivery log, replay', webhookRoutes);
