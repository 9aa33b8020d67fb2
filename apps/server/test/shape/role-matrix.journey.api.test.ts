import { describeRoleMatrix } from './matrix.ts';
import { journeyRoutes } from './routes.journey.ts';

await describeRoleMatrix('The customer journey: workflows, steps, artefacts and sign-offs', journeyRoutes);
