import type { JourneySettings } from './workflow-schema.ts';
import { WORKFLOW_KINDS } from './workflow-vocabulary.ts';

export interface WorkflowIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Checks the schema cannot: one template per kind, step ids unique in a template, and each
 * `afterSteps` naming an earlier step of the same template (so no step waits on itself).
 */
export function journeyIssues(settings: JourneySettings): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const kinds = settings.templates.map((template) => template.kind);
  for (const kind of WORKFLOW_KINDS) {
    if (!kinds.includes(kind))
      issues.push({ path: ['journey', 'templates'], message: `journey.templates has no "${kind}" template` });
  }
  settings.templates.forEach((template, t) => {
    if (kinds.indexOf(template.kind) !== t)
      issues.push({
        path: ['journey', 'templates', t, 'kind'],
        message: `journey.templates[${t}].kind "${template.kind}" is defined twice`,
      });
    const seen = new Set<string>();
    template.steps.forEach((step, s) => {
      const at = ['journey', 'templates', t, 'steps', s];
      if (seen.has(step.id))
        issues.push({
          path: [...at, 'id'],
          message: `journey.templates[${t}].steps[${s}].id "${step.id}" is used twice`,
        });
      step.startsWhen.afterSteps.forEach((id, a) => {
        if (!seen.has(id))
          issues.push({
            path: [...at, 'startsWhen', 'afterSteps', a],
            message: `journey.templates[${t}].steps[${s}].startsWhen.afterSteps[${a}] "${id}" is not an earlier step of this template`,
          });
      });
      seen.add(step.id);
    });
  });
  return issues;
}
