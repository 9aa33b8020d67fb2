export { artefactsRoutes } from './artefacts.routes.ts';
export { type ArtefactsService, createArtefactsService } from './artefacts.service.ts';
export { runningWorkflows, type WorkflowProgressRow, workflowProgress } from './journey.read-model.ts';
export { journeyRoutes } from './journey.routes.ts';
export { createJourneyService, type JourneyService } from './journey.service.ts';
export type { PlaybookSource } from './journey-access.ts';
export { createJourneyHooks, type JourneyHooks, type OpportunityChange } from './journey-hooks.ts';
