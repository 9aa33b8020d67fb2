import type { JourneySettings } from './workflow-schema.ts';
import type { WorkflowKind } from './workflow-vocabulary.ts';

export interface TemplateChange {
  kind: WorkflowKind;
  name: string;
  stepsAdded: string[];
  stepsRemoved: string[];
  stepsChanged: string[];
  /** Name or description changed. */
  describedDifferently: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a candidate playbook changes in the workflow templates, step by step: the dry run lists
 * them with the accounts whose running workflows keep the template they started with
 * (docs/journey.md, The journey).
 */
export function diffTemplates(current: JourneySettings, next: JourneySettings): TemplateChange[] {
  const changes: TemplateChange[] = [];
  for (const template of next.templates) {
    const before = current.templates.find((candidate) => candidate.kind === template.kind);
    const beforeSteps = new Map((before?.steps ?? []).map((step) => [step.id, step]));
    const afterIds = new Set(template.steps.map((step) => step.id));
    const change: TemplateChange = {
      kind: template.kind,
      name: template.name,
      stepsAdded: template.steps.filter((step) => !beforeSteps.has(step.id)).map((step) => step.id),
      stepsRemoved: [...beforeSteps.keys()].filter((id) => !afterIds.has(id)),
      stepsChanged: template.steps
        .filter((step) => beforeSteps.has(step.id) && !same(beforeSteps.get(step.id), step))
        .map((step) => step.id),
      describedDifferently:
        !before || before.name !== template.name || before.description !== template.description,
    };
    const orderChanged =
      before !== undefined &&
      !same(
        before.steps.map((step) => step.id).filter((id) => afterIds.has(id)),
        template.steps.map((step) => step.id).filter((id) => beforeSteps.has(id)),
      );
    if (
      change.stepsAdded.length + change.stepsRemoved.length + change.stepsChanged.length > 0 ||
      change.describedDifferently ||
      orderChanged
    )
      changes.push(change);
  }
  return changes;
}
