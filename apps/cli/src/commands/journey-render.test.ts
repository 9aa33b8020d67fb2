import type { AccountJourney, Workflow, WorkflowStep } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import {
  dueLabel,
  outputCell,
  outputLabel,
  renderJourney,
  renderStepChange,
  stepStateLabel,
} from './journey-render.ts';
import { collectData, formData, pickStep } from './journey-targets.ts';

const id = (n: number) => `0190c7e2-0000-7000-8000-${String(n).padStart(12, '0')}`;

function step(stepId: string, fields: Partial<WorkflowStep> = {}): WorkflowStep {
  return {
    id: id(Number(stepId) || 99),
    version: 1,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    accountId: id(1),
    workflowId: id(2),
    workflowKind: 'journey',
    stepId,
    position: Number(stepId) || 1,
    activity: `Activity ${stepId}`,
    state: 'not_started',
    open: false,
    openedAt: null,
    openReason: null,
    startsWhen: 'after step 1',
    startedAt: null,
    completedAt: null,
    dueOn: null,
    overdue: false,
    responsible: {
      role: 'sa',
      label: 'SA',
      person: { userId: id(3), name: 'Sam Architect' },
      explanation: '',
    },
    accountable: null,
    consulted: [],
    informed: [],
    relationshipStage: null,
    opportunityStage: null,
    output: null,
    signOff: { roles: [], signOffs: [], complete: false },
    form: [],
    activityId: null,
    skipReason: null,
    artefacts: [],
    comments: [],
    ...fields,
  };
}

function workflow(steps: WorkflowStep[], fields: Partial<Workflow> = {}): Workflow {
  const current = steps.find((s) => s.open);
  return {
    id: id(2),
    version: 3,
    createdAt: '2026-03-02T09:00:00.000Z',
    updatedAt: '2026-03-02T09:00:00.000Z',
    accountId: id(1),
    kind: 'journey',
    name: 'Customer journey',
    description: '',
    status: 'active',
    playbookVersion: 0,
    startedAt: '2026-03-02T09:00:00.000Z',
    startedBy: 'Ada Exec <ada@vendor.example>',
    completedAt: null,
    cancelledAt: null,
    cancelReason: null,
    context: { tam: null, reason: null, note: null },
    furthestStage: null,
    gateOverrides: [],
    progress: {
      settled: steps.filter((s) => s.state === 'done' || s.state === 'skipped').length,
      total: steps.length,
      current: current ? `${current.stepId}. ${current.activity}` : null,
    },
    steps,
    ...fields,
  };
}

describe('step labels', () => {
  it.each([
    [{ state: 'not_started', open: true }, 'open'],
    [{ state: 'not_started', open: false }, 'waiting'],
    [{ state: 'in_progress', open: true }, 'in progress'],
    [{ state: 'done', open: false }, 'done'],
    [{ state: 'skipped', open: false }, 'skipped'],
  ] as const)('state %o reads %s', (fields, label) => {
    expect(stepStateLabel(step('1', fields))).toBe(label);
  });

  it.each([
    [null, '—'],
    [{ kind: 'blueprint', description: null, required: true, present: true }, 'blueprint ✓'],
    [{ kind: 'blueprint', description: null, required: true, present: false }, 'blueprint missing'],
    [
      { kind: 'kick_off_plan', description: null, required: false, present: false },
      'kick off plan (optional)',
    ],
  ] as const)('output %o reads %s', (output, label) => {
    expect(outputLabel(step('9', { output }))).toBe(label);
  });

  it.each([
    [[], [], false, '—'],
    [['pse', 'tam'], [], false, 'sign-off PSE, TAM'],
    [['pse', 'tam'], ['tam'], false, 'sign-off PSE, TAM ✓'],
    [['pse', 'tam'], ['pse', 'tam'], true, 'signed off ✓'],
  ] as const)(
    'a sign-off output asking %o, signed by %o, reads as the sign-offs',
    (roles, signed, complete, label) => {
      const signOffs = signed.map((role) => ({ role }) as WorkflowStep['signOff']['signOffs'][number]);
      const output = { kind: 'sign_off', description: null, required: true, present: complete } as const;
      expect(
        outputCell(
          step('11', {
            output: roles.length ? output : null,
            signOff: { roles: [...roles], signOffs, complete },
          }),
        ),
      ).toBe(label);
    },
  );

  it('adds the sign-offs to a document output', () => {
    const output = { kind: 'success_criteria', description: null, required: true, present: true } as const;
    const signOff = {
      roles: ['account_owner', 'customer'],
      signOffs: [],
      complete: false,
    } as WorkflowStep['signOff'];
    expect(outputCell(step('15', { output, signOff }))).toBe(
      'success criteria ✓ · sign-off SAL/AE, Customer',
    );
  });

  it('marks an overdue due date', () => {
    expect(dueLabel(step('3', { dueOn: '2026-03-09', overdue: true }))).toBe('2026-03-09 OVERDUE');
    expect(dueLabel(step('3', { dueOn: '2026-03-09' }))).toBe('2026-03-09');
    expect(dueLabel(step('3'))).toBe('—');
  });
});

describe('renderJourney', () => {
  it('shows each workflow with its facts, then its steps as a table', () => {
    const journey: AccountJourney = {
      accountId: id(1),
      asOf: '2026-03-05T00:00:00.000Z',
      disengagementCandidate: false,
      canStart: ['welcome_call'],
      workflows: [
        workflow(
          [
            step('1', { state: 'done' }),
            step('2', { state: 'skipped', skipReason: 'Met at a conference' }),
            step('9', {
              open: true,
              dueOn: '2026-03-04',
              overdue: true,
              output: { kind: 'blueprint', description: null, required: true, present: false },
              signOff: { roles: ['pse', 'tam'], signOffs: [], complete: false },
            }),
          ],
          {
            context: { tam: { userId: id(4), name: 'Tia Tam' }, reason: null, note: null },
            gateOverrides: [
              {
                stage: 'proposal',
                reason: 'Imported mid-cycle',
                steps: ['9'],
                at: '2026-03-03T09:00:00.000Z',
                by: 'Ada Exec',
              },
            ],
          },
        ),
      ],
    };
    const text = renderJourney(journey, 'Lumen Freight');
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Journey of Lumen Freight',
      'as of 2026-03-05 00:00 UTC',
      'can start: welcome_call',
    ]);
    expect(text).toContain('Customer journey (journey) · active');
    expect(text).toContain('started 2026-03-02 09:00 UTC by Ada Exec <ada@vendor.example> · 2/3 settled');
    expect(text).toContain('current: 9. Activity 9');
    expect(text).toContain('TAM Tia Tam');
    expect(text).toContain(
      'gate passed to proposal without step 9: "Imported mid-cycle" (Ada Exec, 2026-03-03 09:00 UTC)',
    );
    expect(text).toContain('step 2 skipped: Met at a conference');
    expect(text).toMatch(/\n {2}STEP\s+ACTIVITY\s+STATE\s+RESPONSIBLE\s+DUE\s+OUTPUT\n/);
    expect(text).toMatch(
      /\n {2}9\s+Activity 9\s+open\s+SA: Sam Architect\s+2026-03-04 OVERDUE\s+blueprint missing · sign-off PSE, TAM$/,
    );
  });

  it('says so when there is nothing yet, and names the account by id without a name', () => {
    const empty: AccountJourney = {
      accountId: id(1),
      asOf: null,
      disengagementCandidate: true,
      canStart: [],
      workflows: [],
    };
    expect(renderJourney(empty, null)).toBe(
      `Journey of account ${id(1)}\ndisengagement candidate\ncan start: —\n\nNo workflows yet.`,
    );
  });
});

describe('renderStepChange', () => {
  it('names the next step, or the end of the workflow', () => {
    const running = workflow([step('1', { state: 'done' }), step('2', { open: true })]);
    expect(renderStepChange(running, '1')).toBe(
      'Step 1 of the Customer journey: done (1/2 settled; next: 2. Activity 2).',
    );
    const done = workflow([step('1', { state: 'done' })], { status: 'completed' });
    expect(renderStepChange(done, '1')).toBe(
      'Step 1 of the Customer journey: done (1/1 settled; the Customer journey is completed).',
    );
  });
});

describe('step targets', () => {
  it('picks the current open step, or one by id, and lists the ids of an unknown one', () => {
    const flow = workflow([step('1', { state: 'done' }), step('2', { open: true }), step('3')]);
    expect(pickStep(flow, undefined).stepId).toBe('2');
    expect(pickStep(flow, '3').stepId).toBe('3');
    expect(() => pickStep(flow, '7')).toThrow('has no step "7"; its steps: 1, 2, 3');
    expect(() => pickStep(workflow([step('1')]), undefined)).toThrow(
      'no step of the Customer journey is open',
    );
  });

  it('collects --data into text and list values, confirming prefilled ones on request', () => {
    const data = ['notes=Renewal = June', 'open_questions=Autoscaling', 'pains=A', 'pains=B'].reduce(
      (all, value) => collectData(value, all),
      {} as Record<string, string[]>,
    );
    expect(() => collectData('novalue')).toThrow('expected key=value');
    const form = [
      {
        id: 'open_questions',
        label: '',
        kind: 'list',
        required: false,
        prefill: null,
        value: null,
        suggested: null,
      },
      {
        id: 'account_name',
        label: '',
        kind: 'text',
        required: true,
        prefill: 'account.name',
        value: null,
        suggested: 'Lumen',
      },
      {
        id: 'industry',
        label: '',
        kind: 'text',
        required: false,
        prefill: 'account.industry',
        value: 'Freight',
        suggested: 'Logistics',
      },
    ] as WorkflowStep['form'];
    expect(formData(step('x', { form }), data)).toEqual({
      notes: 'Renewal = June',
      open_questions: ['Autoscaling'],
      pains: ['A', 'B'],
    });
    expect(formData(step('x', { form }), { notes: ['n'] }, true)).toEqual({
      notes: 'n',
      account_name: 'Lumen',
    });
  });
});
