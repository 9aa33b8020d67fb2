import type { AccountJourney, Workflow, WorkflowStep } from '@liaison/contracts';
import { RACI_ROLE_LABELS } from '@liaison/domain';
import { EMPTY, formatInstant, formatTable, humanise, indent } from '../output.ts';

/** The journey as text: each workflow with its steps as a table (docs/journey.md, CLI). */

/** `done`, `in progress`, `open` (its start condition held, nobody started it), `waiting`, `skipped`. */
export function stepStateLabel(step: WorkflowStep): string {
  if (step.state === 'not_started') return step.open ? 'open' : 'waiting';
  return humanise(step.state);
}

/** `TAM: Tia Tam`, or `TAM: —` when nobody on the team holds the role. */
export function responsibleLabel(step: WorkflowStep): string {
  return `${step.responsible.label}: ${step.responsible.person?.name ?? EMPTY}`;
}

export function dueLabel(step: WorkflowStep): string {
  if (!step.dueOn) return EMPTY;
  return step.overdue ? `${step.dueOn} OVERDUE` : step.dueOn;
}

/** `blueprint ✓` when present, `blueprint missing` when required and absent, `contract (optional)`. */
export function outputLabel(step: WorkflowStep): string {
  const output = step.output;
  if (!output) return EMPTY;
  const kind = humanise(output.kind);
  if (output.present) return `${kind} ✓`;
  return output.required ? `${kind} missing` : `${kind} (optional)`;
}

/** `sign-off PSE ✓, TAM` while owed; `signed off ✓` when every role has signed. */
export function signOffLabel(step: WorkflowStep): string {
  const { roles, signOffs, complete } = step.signOff;
  if (roles.length === 0) return '';
  if (complete) return 'signed off ✓';
  const signed = new Set(signOffs.map((signOff) => signOff.role));
  return `sign-off ${roles.map((role) => `${RACI_ROLE_LABELS[role]}${signed.has(role) ? ' ✓' : ''}`).join(', ')}`;
}

/** The output column: the output, and the sign-offs the step asks for (alone when they are its output). */
export function outputCell(step: WorkflowStep): string {
  const signOff = signOffLabel(step);
  if (step.output?.kind === 'sign_off' && signOff) return signOff;
  return signOff ? `${outputLabel(step)} · ${signOff}` : outputLabel(step);
}

export function renderSteps(workflow: Workflow): string {
  return formatTable(
    [
      { header: 'step' },
      { header: 'activity', max: 56 },
      { header: 'state' },
      { header: 'responsible', max: 32 },
      { header: 'due' },
      { header: 'output', max: 56 },
    ],
    workflow.steps.map((step) => [
      step.stepId,
      step.activity,
      stepStateLabel(step),
      responsibleLabel(step),
      dueLabel(step),
      outputCell(step),
    ]),
  );
}

export function renderWorkflow(workflow: Workflow): string {
  const { context, progress } = workflow;
  const facts = [
    `${workflow.name} (${workflow.kind}) · ${workflow.status}`,
    `started ${formatInstant(workflow.startedAt)} by ${workflow.startedBy} · ${progress.settled}/${progress.total} settled`,
  ];
  if (workflow.completedAt) facts.push(`completed ${formatInstant(workflow.completedAt)}`);
  if (workflow.cancelledAt)
    facts.push(`cancelled ${formatInstant(workflow.cancelledAt)}: ${workflow.cancelReason ?? EMPTY}`);
  if (progress.current && workflow.status === 'active') facts.push(`current: ${progress.current}`);
  const extra = [
    context.tam ? `TAM ${context.tam.name}` : '',
    context.reason ? `reason ${humanise(context.reason)}` : '',
    context.note ? `note: ${context.note}` : '',
  ].filter(Boolean);
  if (extra.length > 0) facts.push(extra.join(' · '));
  for (const override of workflow.gateOverrides)
    facts.push(
      `gate passed to ${humanise(override.stage)} without step ${override.steps.join(', ')}: "${override.reason}" (${override.by}, ${formatInstant(override.at)})`,
    );
  const skipped = workflow.steps.filter((step) => step.state === 'skipped' && step.skipReason);
  for (const step of skipped) facts.push(`step ${step.stepId} skipped: ${step.skipReason}`);
  return `${facts.join('\n')}\n\n${indent(renderSteps(workflow))}`;
}

export function renderJourney(journey: AccountJourney, accountName: string | null): string {
  const title = `Journey of ${accountName ?? `account ${journey.accountId}`}`;
  const header = [
    title,
    ...(journey.asOf ? [`as of ${formatInstant(journey.asOf)}`] : []),
    ...(journey.disengagementCandidate ? ['disengagement candidate'] : []),
    `can start: ${journey.canStart.length > 0 ? journey.canStart.join(', ') : EMPTY}`,
  ].join('\n');
  if (journey.workflows.length === 0) return `${header}\n\nNo workflows yet.`;
  return [header, ...journey.workflows.map(renderWorkflow)].join('\n\n');
}

/** One line after a change: the step and where the workflow stands now. */
export function renderStepChange(workflow: Workflow, stepId: string): string {
  const step = workflow.steps.find((candidate) => candidate.stepId === stepId);
  const state = step ? stepStateLabel(step) : EMPTY;
  const next =
    workflow.status === 'active'
      ? workflow.progress.current
        ? `next: ${workflow.progress.current}`
        : 'no step open now'
      : `the ${workflow.name} is ${workflow.status}`;
  return `Step ${stepId} of the ${workflow.name}: ${state} (${workflow.progress.settled}/${workflow.progress.total} settled; ${next}).`;
}
