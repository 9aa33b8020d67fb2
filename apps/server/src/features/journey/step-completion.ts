import { DomainError, type ErrorDetail, isArtefactKind, type WorkflowStepTemplate } from '@liaison/domain';
import type { ArtefactRow, SignOffRow } from './artefacts.store.ts';
import type { WorkflowInstanceRow, WorkflowStepRow } from './journey.store.ts';
import { contextOf, hasValue, outputPresent, stepSignOffs } from './step-outputs.ts';

/**
 * What a step needs before it is done: its required form fields, its required output (the
 * artefact, the logged meeting), its sign-offs, and for a handoff the TAM it names. Every
 * missing piece is one detail of one INVALID_STATE error (docs/journey.md).
 */
export function refuseIncomplete(
  instance: WorkflowInstanceRow,
  step: WorkflowStepTemplate,
  row: WorkflowStepRow,
  artefacts: readonly ArtefactRow[],
  signOffs: readonly SignOffRow[],
): void {
  const details: ErrorDetail[] = [];
  const data = row.data as Record<string, unknown>;
  for (const field of step.form) {
    if (field.required && !hasValue(data[field.id]))
      details.push({ path: `body.data.${field.id}`, message: `${field.label} is required` });
  }
  if (step.output?.required && step.output.kind !== 'sign_off' && step.output.kind !== 'team_change') {
    const kind = step.output.kind;
    if (!outputPresent(step, { ...row, state: 'done' }, artefacts, signOffs)) {
      details.push(
        isArtefactKind(kind)
          ? {
              path: 'body.state',
              message: `attach the ${kind.replaceAll('_', ' ')} (POST /accounts/{id}/artefacts with stepId)`,
            }
          : kind === 'meeting'
            ? { path: 'body.activityId', message: 'link the logged meeting (activityId)' }
            : { path: 'body.state', message: `the ${kind.replaceAll('_', ' ')} is missing` },
      );
    }
  }
  const signOff = stepSignOffs(step, row, artefacts, signOffs);
  if (!signOff.complete)
    details.push({ path: 'body.state', message: `sign-off missing from ${signOff.missing.join(', ')}` });
  if (instance.kind === 'sa_tam_handoff' && step.id === 'align_tam' && !contextOf(instance).tam)
    details.push({ path: 'body.data.tam_user_id', message: 'name the TAM who will accept the handoff' });
  if (details.length > 0)
    throw new DomainError(
      'INVALID_STATE',
      `Step ${step.id} ("${step.activity}") is not complete: ${details.map((d) => d.message).join('; ')}.`,
      details,
    );
}
