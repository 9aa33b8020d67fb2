export { defaultJourneySettings } from './default-workflows.ts';
export { type DisengagementSummaryInput, disengagementSummary } from './disengagement-summary.ts';
export { diffTemplates, type TemplateChange } from './template-diff.ts';
export * from './workflow-rules.ts';
export type {
  JourneySettings,
  WorkflowFormField,
  WorkflowStepTemplate,
  WorkflowTemplate,
} from './workflow-schema.ts';
export { journeySettingsSchema, workflowTemplateSchema } from './workflow-schema.ts';
export { journeyIssues } from './workflow-validation.ts';
export * from './workflow-vocabulary.ts';
