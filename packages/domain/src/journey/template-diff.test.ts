import { describe, expect, it } from 'vitest';
import { defaultJourneySettings } from './default-workflows.ts';
import { diffTemplates } from './template-diff.ts';
import type { JourneySettings, WorkflowTemplate } from './workflow-schema.ts';

// The playbook dry run lists what a candidate changes in the templates, step by step
// (docs/journey.md, docs/playbook.md).

const copy = (): JourneySettings => structuredClone(defaultJourneySettings);

function withTemplate(
  kind: WorkflowTemplate['kind'],
  change: (template: WorkflowTemplate) => WorkflowTemplate,
) {
  const settings = copy();
  settings.templates = settings.templates.map((template) =>
    template.kind === kind ? change(template) : template,
  );
  return settings;
}

describe('diffTemplates', () => {
  it('finds nothing between equal settings', () => {
    expect(diffTemplates(defaultJourneySettings, copy())).toEqual([]);
  });

  it('lists steps added, removed and changed, template by template', () => {
    const next = withTemplate('journey', (t) => ({
      ...t,
      steps: [
        ...t.steps
          .filter((step) => step.id !== '13')
          .map((step) => (step.id === '9' ? { ...step, dueDays: 21 } : step)),
        {
          ...t.steps[20]!,
          id: '22',
          startsWhen: { afterSteps: ['21'], opportunityStage: null, event: null },
        },
      ],
    }));
    expect(diffTemplates(defaultJourneySettings, next)).toEqual([
      {
        kind: 'journey',
        name: 'Customer journey',
        stepsAdded: ['22'],
        stepsRemoved: ['13'],
        stepsChanged: ['9'],
        describedDifferently: false,
      },
    ]);
  });

  it('reports a new name or description, and a new order of the same steps', () => {
    const renamed = withTemplate('welcome_call', (t) => ({ ...t, name: 'Kick-off call' }));
    expect(diffTemplates(defaultJourneySettings, renamed)).toEqual([
      expect.objectContaining({
        kind: 'welcome_call',
        name: 'Kick-off call',
        describedDifferently: true,
        stepsChanged: [],
      }),
    ]);
    const reordered = withTemplate('tam_handover', (t) => ({
      ...t,
      steps: [t.steps[1]!, t.steps[0]!, t.steps[2]!],
    }));
    expect(diffTemplates(defaultJourneySettings, reordered)).toEqual([
      {
        kind: 'tam_handover',
        name: 'TAM-to-TAM handover',
        stepsAdded: [],
        stepsRemoved: [],
        stepsChanged: [],
        describedDifferently: false,
      },
    ]);
  });

  it('treats a template the current settings lack as all new', () => {
    const current = copy();
    current.templates = current.templates.filter((template) => template.kind !== 'sa_overlap');
    expect(diffTemplates(current, copy())).toEqual([
      {
        kind: 'sa_overlap',
        name: 'SA involvement after the sale',
        stepsAdded: ['assist'],
        stepsRemoved: [],
        stepsChanged: [],
        describedDifferently: true,
      },
    ]);
  });
});
