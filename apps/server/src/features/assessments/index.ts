// The assessments feature: the playbook's verdicts on the book, kept fresh. Its service is the
// one reassessment entry point (docs/architecture.md): writes, imports, the playbook dry run and
// the background refresh all go through it.

export { assessmentsJobs, REFRESH_JOB } from './assessments.jobs.ts';
export { assessmentsRoutes } from './assessments.routes.ts';
export { type AccountSet, type AssessmentsService, createAssessmentsService } from './assessments.service.ts';
export { createPortfolioService, type PortfolioService } from './portfolio.service.ts';
/** The record → facts conversion, for the demo's forecast of the book it builds. */
export { factsFromBundle, type RecordBundle } from './record-bundle.ts';
