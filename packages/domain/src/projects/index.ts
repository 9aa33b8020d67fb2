export {
  commercialProjectTemplate,
  defaultProjectSettings,
  enterpriseProjectTemplate,
} from './default-projects.ts';
export { hoursText } from './duration-text.ts';
export * from './project-rules.ts';
export {
  PROJECT_PLACEHOLDERS,
  type ProjectIssueTemplate,
  type ProjectPlaceholder,
  type ProjectSettings,
  type ProjectTemplate,
  projectSettingsSchema,
  projectTemplateSchema,
} from './project-schema.ts';
export * from './response-tracking.ts';

/** A project's phase: pre-sales under the SA until closed-won, then post-sales under the TAM. */
export const PROJECT_PHASES = ['pre_sales', 'post_sales'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const ISSUE_STATES = ['open', 'closed'] as const;
export type IssueState = (typeof ISSUE_STATES)[number];
