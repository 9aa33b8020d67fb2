import { describe, expect, it } from 'vitest';
import type { OpportunityStage } from '../assessment/vocabulary.ts';
import { defaultJourneySettings } from './default-workflows.ts';
import {
  type GateStep,
  gateProblems,
  type ResolveContext,
  resolveRole,
  type StepProgress,
  stageRank,
  startReason,
  stepDueOn,
  stepsToOpen,
  type WorkflowSituation,
} from './workflow-rules.ts';
import { type WorkflowStepTemplate, workflowStepSchema } from './workflow-schema.ts';
import type { RaciRole, StepState, WorkflowEvent } from './workflow-vocabulary.ts';

// The rules of docs/journey.md (What starts a step, Gates, Who is responsible), on the default
// templates wherever the default is what the rule is about.

const journey = defaultJourneySettings.templates.find((template) => template.kind === 'journey')!;

const progressOf = (entries: [string, StepState, string | null][]): Map<string, StepProgress> =>
  new Map(entries.map(([stepId, state, openedAt]) => [stepId, { stepId, state, openedAt }]));

const situation = (
  opportunityStage: OpportunityStage | null = null,
  events: WorkflowEvent[] = [],
): WorkflowSituation => ({ opportunityStage, events });

const template = (fields: Partial<WorkflowStepTemplate['startsWhen']> & { dueDays?: number } = {}) => {
  const { dueDays = 7, ...startsWhen } = fields;
  return workflowStepSchema.parse({ id: 'x', activity: 'X', responsible: 'tam', dueDays, startsWhen });
};

describe('stageRank', () => {
  it.each([
    ['discovery', 0],
    ['scoping', 1],
    ['technical_evaluation', 2],
    ['proposal', 3],
    ['negotiating', 4],
    ['closed_won', 5],
    ['closed_lost', -1],
  ] as const)('%s is at %i', (stage, rank) => {
    expect(stageRank(stage)).toBe(rank);
  });
});

describe('startReason', () => {
  it.each([
    ['no condition', {}, new Map(), situation(), 'starts with the workflow'],
    [
      'one step settled',
      { afterSteps: ['a'] },
      progressOf([['a', 'done', 'x']]),
      situation(),
      'step a settled',
    ],
    [
      'every step settled, one skipped',
      { afterSteps: ['a', 'b'] },
      progressOf([
        ['a', 'done', 'x'],
        ['b', 'skipped', 'x'],
      ]),
      situation(),
      'steps a, b settled',
    ],
    [
      'one of two steps still in progress',
      { afterSteps: ['a', 'b'] },
      progressOf([
        ['a', 'done', 'x'],
        ['b', 'in_progress', 'x'],
      ]),
      situation(),
      null,
    ],
    ['the step not created yet', { afterSteps: ['a'] }, new Map(), situation(), null],
    [
      'the stage reached',
      { opportunityStage: 'scoping' },
      new Map(),
      situation('scoping'),
      'the opportunity reached scoping',
    ],
    [
      'a later stage reached',
      { opportunityStage: 'scoping' },
      new Map(),
      situation('proposal'),
      'the opportunity reached scoping',
    ],
    ['an earlier stage', { opportunityStage: 'proposal' }, new Map(), situation('scoping'), null],
    ['no opportunity yet', { opportunityStage: 'discovery' }, new Map(), situation(null), null],
    [
      'closed-lost starts nothing',
      { opportunityStage: 'scoping' },
      new Map(),
      situation('closed_lost'),
      null,
    ],
    [
      'the event happened',
      { event: 'closed_won' },
      new Map(),
      situation(null, ['closed_won']),
      'closed-won happened',
    ],
    [
      'the disengagement flag',
      { event: 'disengagement_flag' },
      new Map(),
      situation(null, ['disengagement_flag']),
      'disengagement-flag happened',
    ],
    ['another event', { event: 'closed_won' }, new Map(), situation(null, ['disengagement_flag']), null],
    [
      'the stage, before the previous step',
      { afterSteps: ['4'], opportunityStage: 'scoping' },
      progressOf([['4', 'in_progress', 'x']]),
      situation('scoping'),
      'the opportunity reached scoping',
    ],
  ] as const)('%s', (_name, startsWhen, progress, now, reason) => {
    expect(startReason(template(startsWhen as never), progress, now)).toBe(reason);
  });
});

describe('stepsToOpen on the 21-step journey', () => {
  const ids = (opened: { stepId: string }[]) => opened.map((step) => step.stepId);

  it('opens step 1 alone when the journey starts', () => {
    expect(stepsToOpen(journey, new Map(), situation())).toEqual([
      { stepId: '1', reason: 'starts with the workflow' },
    ]);
  });

  it('opens the next step once the previous one is settled, and not what is already open', () => {
    const progress = progressOf([
      ['1', 'done', '2026-03-01T00:00:00Z'],
      ['2', 'in_progress', '2026-03-02T00:00:00Z'],
    ]);
    expect(ids(stepsToOpen(journey, progress, situation()))).toEqual([]);
    progress.set('2', { stepId: '2', state: 'skipped', openedAt: '2026-03-02T00:00:00Z' });
    expect(stepsToOpen(journey, progress, situation())).toEqual([{ stepId: '3', reason: 'step 2 settled' }]);
  });

  it.each([
    ['scoping', ['5', '6']],
    ['technical_evaluation', ['5', '6', '7']],
    ['negotiating', ['5', '6', '7', '15', '16']],
  ] as const)('reaching %s opens the steps the matrix ties to it and before', (stage, opened) => {
    const progress = progressOf([['1', 'not_started', '2026-03-01T00:00:00Z']]);
    expect(ids(stepsToOpen(journey, progress, situation(stage)))).toEqual(opened);
  });

  it('closed-won opens steps 18, 19 and 20; step 21 waits for 19 and 20', () => {
    const progress = progressOf([['1', 'not_started', '2026-03-01T00:00:00Z']]);
    const opened = ids(stepsToOpen(journey, progress, situation('closed_won', ['closed_won'])));
    expect(opened).toEqual(expect.arrayContaining(['18', '19', '20']));
    expect(opened).not.toContain('21');
    const after = progressOf([
      ['19', 'done', '2026-03-01T00:00:00Z'],
      ['20', 'skipped', '2026-03-01T00:00:00Z'],
    ]);
    expect(ids(stepsToOpen(journey, after, situation()))).toContain('21');
  });
});

describe('stepDueOn', () => {
  it.each([
    [0, '2026-03-02T09:00:00Z', '2026-03-02'],
    [7, '2026-03-02T09:00:00Z', '2026-03-09'],
    [14, '2026-02-20T23:30:00Z', '2026-03-06'],
    [3, '2026-12-30T00:00:00Z', '2027-01-02'],
  ])('%i days after %s is %s', (dueDays, openedAt, due) => {
    expect(stepDueOn(template({ dueDays }), openedAt)).toBe(due);
  });
});

describe('gateProblems on the 21-step journey', () => {
  const steps = (fields: Record<string, Partial<GateStep>>): GateStep[] =>
    journey.steps.map((step) => ({
      stepId: step.id,
      state: 'not_started',
      outputPresent: false,
      ...fields[step.id],
    }));

  it.each([
    ['discovery', []],
    ['technical_evaluation', []],
    ['proposal', ['9']],
    ['negotiating', ['9', '11']],
    ['closed_won', ['9', '11', '15']],
    ['closed_lost', []],
  ] as const)('moving to %s leaves behind the required outputs of steps %o', (target, problems) => {
    expect(gateProblems(journey, steps({}), target).map((problem) => problem.stepId)).toEqual(problems);
  });

  it('names the step, its stage and the missing output', () => {
    expect(gateProblems(journey, steps({}), 'proposal')).toEqual([
      {
        stepId: '9',
        activity: journey.steps[8]!.activity,
        opportunityStage: 'technical_evaluation',
        output: 'Blueprint solution design diagram',
      },
    ]);
  });

  it('passes a step whose output is present or that was skipped with a reason; done without the output is not enough', () => {
    const problems = gateProblems(
      journey,
      steps({
        '9': { state: 'done', outputPresent: true },
        '11': { state: 'skipped' },
        '15': { state: 'done', outputPresent: false },
      }),
      'closed_won',
    );
    expect(problems.map((problem) => problem.stepId)).toEqual(['15']);
  });
});

describe('resolveRole', () => {
  const ada = { userId: 'u-ae', name: 'Ada Exec', role: 'ae' as const };
  const sal = { userId: 'u-sal', name: 'Sol Leader', role: 'sal' as const };
  const sam = { userId: 'u-sa', name: 'Sam Architect', role: 'sa' as const };
  const tia = { userId: 'u-tam', name: 'Tia Tam', role: 'tam' as const };
  const context = (fields: Partial<ResolveContext>): ResolveContext => ({
    segment: 'mid_market',
    team: [],
    managers: [],
    designatedTam: null,
    ...fields,
  });

  it.each<[string, RaciRole, Partial<ResolveContext>, string | null, string]>([
    [
      'Commercial: the AE owns the account',
      'account_owner',
      { team: [sal, ada] },
      'Ada Exec',
      'the AE owns the account (Commercial: AE)',
    ],
    [
      'Enterprise: the SAL owns it',
      'account_owner',
      { segment: 'enterprise', team: [ada, sal] },
      'Sol Leader',
      'the SAL owns the account (Enterprise: SAL)',
    ],
    [
      'Public sector counts as Enterprise',
      'account_owner',
      { segment: 'public_sector', team: [ada, sal] },
      'Sol Leader',
      'the SAL owns the account (Enterprise: SAL)',
    ],
    [
      'Enterprise without a SAL falls back to the AE',
      'account_owner',
      { segment: 'enterprise', team: [ada] },
      'Ada Exec',
      'the AE owns the account (Enterprise: SAL)',
    ],
    [
      'the account team answers through its owner',
      'account_team',
      { team: [ada, sam] },
      'Ada Exec',
      'the account team; the AE (Ada Exec) answers for it',
    ],
    ['nobody owns it', 'account_owner', { team: [sam] }, null, 'the account has no SAL or AE on its team'],
    [
      'the TAM on the team',
      'tam',
      { team: [tia], designatedTam: { userId: 'u-x', name: 'Xena' } },
      'Tia Tam',
      'the TAM on the account team',
    ],
    [
      'the TAM a handoff names',
      'tam',
      { designatedTam: { userId: 'u-x', name: 'Xena' } },
      'Xena',
      'the TAM this workflow names (not yet on the team)',
    ],
    ['no TAM yet', 'tam', {}, null, 'the account has no TAM yet'],
    [
      'the region’s TAM manager',
      'tam_manager',
      { managers: [{ userId: 'u-m', name: 'Max' }] },
      'Max',
      'a TAM manager of the account’s region',
    ],
    ['no TAM manager', 'tam_manager', {}, null, 'no active TAM manager'],
    ['the customer is a contact, not staff', 'customer', { team: [ada] }, null, 'a contact at the customer'],
    ['a team role', 'sa', { team: [ada, sam] }, 'Sam Architect', 'the SA on the account team'],
    ['a team role nobody holds', 'pse', { team: [ada, sam] }, null, 'the account has no PSE on its team'],
  ])('%s', (_name, role, fields, name, explanation) => {
    const resolved = resolveRole(role, context(fields));
    expect(resolved.person?.name ?? null).toBe(name);
    expect(resolved.explanation).toBe(explanation);
  });

  it('answers the person without the team role', () => {
    expect(resolveRole('sa', context({ team: [sam] })).person).toEqual({
      userId: 'u-sa',
      name: 'Sam Architect',
    });
  });
});
