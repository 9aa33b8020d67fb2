import { describe, expect, it } from 'vitest';
import { defaultJourneySettings } from './default-workflows.ts';
import { type JourneySettings, journeySettingsSchema, type WorkflowTemplate } from './workflow-schema.ts';
import { journeyIssues } from './workflow-validation.ts';
import { WORKFLOW_KINDS } from './workflow-vocabulary.ts';

// Templates are playbook data, checked before a playbook is applied (docs/journey.md, docs/playbook.md).

const copy = (): JourneySettings => structuredClone(defaultJourneySettings);

/** The default settings with one template changed. */
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

const messages = (settings: JourneySettings) => journeyIssues(settings).map((issue) => issue.message);

describe('the default templates', () => {
  it('are valid, one per kind, the journey with the 21 steps of the matrix', () => {
    expect(journeySettingsSchema.parse(defaultJourneySettings)).toEqual(defaultJourneySettings);
    expect(journeyIssues(defaultJourneySettings)).toEqual([]);
    expect(defaultJourneySettings.templates.map((template) => template.kind)).toEqual([...WORKFLOW_KINDS]);
    const journey = defaultJourneySettings.templates[0]!;
    expect(journey.steps.map((step) => step.id)).toEqual(Array.from({ length: 21 }, (_, i) => String(i + 1)));
    expect(defaultJourneySettings).toMatchObject({ gates: 'ask_reason', saOverlapDays: 30 });
  });
});

describe('journeyIssues', () => {
  it.each<[string, JourneySettings, { path: (string | number)[]; message: string }[]]>([
    [
      'a step id used twice',
      withTemplate('welcome_call', (t) => ({
        ...t,
        steps: [t.steps[0]!, { ...t.steps[1]!, id: 'schedule' }],
      })),
      [
        {
          path: ['journey', 'templates', 2, 'steps', 1, 'id'],
          message: 'journey.templates[2].steps[1].id "schedule" is used twice',
        },
      ],
    ],
    [
      'a step waiting on an unknown step',
      withTemplate('sa_overlap', (t) => ({
        ...t,
        steps: [{ ...t.steps[0]!, startsWhen: { ...t.steps[0]!.startsWhen, afterSteps: ['nowhere'] } }],
      })),
      [
        {
          path: ['journey', 'templates', 5, 'steps', 0, 'startsWhen', 'afterSteps', 0],
          message:
            'journey.templates[5].steps[0].startsWhen.afterSteps[0] "nowhere" is not an earlier step of this template',
        },
      ],
    ],
    [
      'a step waiting on a later one (a cycle could follow)',
      withTemplate('welcome_call', (t) => ({
        ...t,
        steps: [
          { ...t.steps[0]!, startsWhen: { ...t.steps[0]!.startsWhen, afterSteps: ['hold'] } },
          t.steps[1]!,
        ],
      })),
      [
        {
          path: ['journey', 'templates', 2, 'steps', 0, 'startsWhen', 'afterSteps', 0],
          message:
            'journey.templates[2].steps[0].startsWhen.afterSteps[0] "hold" is not an earlier step of this template',
        },
      ],
    ],
    [
      'a step waiting on itself',
      withTemplate('sa_overlap', (t) => ({
        ...t,
        steps: [{ ...t.steps[0]!, startsWhen: { ...t.steps[0]!.startsWhen, afterSteps: ['assist'] } }],
      })),
      [
        {
          path: ['journey', 'templates', 5, 'steps', 0, 'startsWhen', 'afterSteps', 0],
          message:
            'journey.templates[5].steps[0].startsWhen.afterSteps[0] "assist" is not an earlier step of this template',
        },
      ],
    ],
  ])('rejects %s', (_name, settings, issues) => {
    expect(journeyIssues(settings)).toEqual(issues);
  });

  it('rejects a kind defined twice, and names the kind left without a template', () => {
    const settings = copy();
    settings.templates[5] = { ...settings.templates[4]! };
    expect(messages(settings)).toEqual([
      'journey.templates has no "sa_overlap" template',
      'journey.templates[5].kind "disengagement" is defined twice',
    ]);
  });
});

describe('journeySettingsSchema', () => {
  it.each<[string, (settings: JourneySettings) => unknown, string]>([
    [
      'an unknown RACI role',
      (s) => ((s.templates[0]!.steps[0] as { responsible: string }).responsible = 'cfo'),
      'responsible',
    ],
    ['a step id with capitals', (s) => (s.templates[0]!.steps[0]!.id = 'Step1'), 'id'],
    ['an unknown gate setting', (s) => ((s as { gates: string }).gates = 'warn'), 'gates'],
    ['an overlap of more than a year', (s) => (s.saOverlapDays = 400), 'saOverlapDays'],
    ['a template without steps', (s) => (s.templates[1]!.steps = []), 'steps'],
    ['an unknown field on a step', (s) => Object.assign(s.templates[0]!.steps[0]!, { owner: 'ae' }), ''],
    [
      'an unknown start event',
      (s) => ((s.templates[0]!.steps[0]!.startsWhen as { event: string | null }).event = 'renewal'),
      'event',
    ],
  ])('rejects %s', (_name, change, last) => {
    const settings = copy();
    change(settings);
    const result = journeySettingsSchema.safeParse(settings);
    expect(result.success).toBe(false);
    if (last) expect(result.error?.issues.map((issue) => issue.path.at(-1))).toContain(last);
  });
});
