import type { UpdateStepRequest } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import { artefactsStore } from './artefacts.store.ts';
import {
  journeyStore,
  type StepPatch,
  type WorkflowInstanceRow,
  type WorkflowStepRow,
} from './journey.store.ts';
import { findStaff, isActivityOf } from './journey-facts.loader.ts';
import { requireFacts } from './journey-parts.ts';
import { refuseIncomplete } from './step-completion.ts';
import { contextOf, isSettled, templateStep } from './step-outputs.ts';
import { applyStepEffects } from './workflow-effects.ts';
import { advance, changeInstance, changeStep, type WorkflowWrite } from './workflow-engine.ts';

const refuse = (message: string, path = 'body.state') =>
  new DomainError('INVALID_STATE', message, [{ path, message }]);

/** Steps whose completion changes the team: skipping them would leave the workflow's point undone. */
const TEAM_STEPS = new Set([
  'sa_tam_handoff:accept',
  'tam_handover:handover',
  'disengagement:end_engagement',
]);

/** Who may complete a step that moves the TAM seat: the TAM it names, a manager, an admin. */
function refuseAcceptance(write: WorkflowWrite, instance: WorkflowInstanceRow, stepId: string) {
  const { user } = write.context;
  const isManager = user.roles.includes('tam_manager') || user.roles.includes('admin');
  if (
    instance.kind === 'sa_tam_handoff' &&
    stepId === 'accept' &&
    !isManager &&
    contextOf(instance).tam?.userId !== user.id
  )
    throw new DomainError(
      'FORBIDDEN',
      `Only ${contextOf(instance).tam?.name ?? 'the named TAM'}, a TAM manager or an admin can accept this handoff.`,
    );
  if (instance.kind === 'tam_handover' && stepId === 'handover' && !isManager)
    throw new DomainError('FORBIDDEN', 'Only a TAM manager or an admin can hand the account over.');
}

/** The handoff's "Align a TAM": naming the TAM in the step's data puts them on the workflow. */
async function nameTam(write: WorkflowWrite, instance: WorkflowInstanceRow, userId: unknown) {
  if (typeof userId !== 'string' || userId === '') return instance;
  const user = await findStaff(write.tx, userId);
  if (!user?.isActive || !user.roles.includes('tam'))
    throw new DomainError('INVALID_REFERENCE', `body.data.tam_user_id: ${userId} is not an active TAM`, [
      { path: 'body.data.tam_user_id', message: 'must be an active user with the TAM role' },
    ]);
  return changeInstance(write, instance, {
    context: { ...contextOf(instance), tam: { userId: user.userId, name: user.name } },
  });
}

/**
 * One change to one step: its form, its logged meeting, its due date, its state. Done needs what
 * the step must produce; skipped needs a reason; a settled step stays settled. Then the steps
 * this one starts open, and the workflow completes when all are settled (docs/journey.md).
 */
export async function updateStep(
  write: WorkflowWrite,
  instanceIn: WorkflowInstanceRow,
  rowIn: WorkflowStepRow,
  input: UpdateStepRequest,
): Promise<{ instance: WorkflowInstanceRow; steps: WorkflowStepRow[] }> {
  let instance = instanceIn;
  let row = rowIn;
  const step = templateStep(instance, row.stepId);
  const now = write.context.now.toISOString();
  if (isSettled(row.state))
    throw refuse(`Step ${step.id} is ${row.state} already; a settled step does not change.`);

  const patch: StepPatch = {};
  if (input.data !== undefined) {
    // The TAM is named on the handoff's first step, or on any step of the journey (the TAM
    // engaged before the sale: docs/journey.md, Who is responsible).
    const namesTam =
      (instance.kind === 'sa_tam_handoff' && step.id === 'align_tam') || instance.kind === 'journey';
    const known = new Set([...step.form.map((field) => field.id), ...(namesTam ? ['tam_user_id'] : [])]);
    const unknown = Object.keys(input.data).filter((key) => !known.has(key));
    if (unknown.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        `body.data: step ${step.id} has no field ${unknown.join(', ')}`,
        [{ path: `body.data.${unknown[0]}`, message: `is not a field of step ${step.id}` }],
      );
    const { tam_user_id: tamUserId, ...fields } = input.data;
    if (namesTam && tamUserId !== undefined) instance = await nameTam(write, instance, tamUserId);
    patch.data = { ...(row.data as object), ...fields };
  }
  if (input.activityId !== undefined) {
    if (input.activityId !== null && !(await isActivityOf(write.tx, row.accountId, input.activityId)))
      throw new DomainError(
        'INVALID_REFERENCE',
        `body.activityId: ${input.activityId} is not an activity of this account`,
        [{ path: 'body.activityId', message: 'must be an activity of this account' }],
      );
    patch.activityId = input.activityId;
  }
  if (input.dueOn !== undefined) patch.dueOn = input.dueOn;

  const target = input.state;
  if (target !== undefined && target !== row.state) {
    if (target === 'not_started')
      throw refuse('A step goes back to not started only by cancelling its workflow.');
    if (target === 'skipped') {
      if (!input.skipReason) throw refuse('Say why the step is skipped (skipReason).', 'body.skipReason');
      if (TEAM_STEPS.has(`${instance.kind}:${step.id}`))
        throw refuse(`Step ${step.id} changes the account team; cancel the workflow instead of skipping it.`);
      Object.assign(patch, {
        state: 'skipped',
        skipReason: input.skipReason,
        completedAt: now,
        completedBy: write.context.user.id,
      });
    } else {
      if (row.openedAt === null)
        throw refuse(
          `Step ${step.id} has not started: it starts ${step.startsWhen.afterSteps.length > 0 ? `after step ${step.startsWhen.afterSteps.join(', ')}` : 'later'}. Skip it with a reason if it will not happen.`,
        );
      if (target === 'in_progress')
        Object.assign(patch, { state: 'in_progress', startedAt: row.startedAt ?? now });
      if (target === 'done') {
        refuseAcceptance(write, instance, step.id);
        const artefacts = await artefactsStore.listByAccountOrSteps(write.tx, row.accountId, [row.id]);
        const signOffs = await artefactsStore.listSignOffs(write.tx, {
          stepRowIds: [row.id],
          artefactIds: artefacts.map((artefact) => artefact.id),
        });
        refuseIncomplete(instance, step, { ...row, ...patch } as WorkflowStepRow, artefacts, signOffs);
        Object.assign(patch, {
          state: 'done',
          startedAt: row.startedAt ?? now,
          completedAt: now,
          completedBy: write.context.user.id,
        });
      }
    }
  } else if (input.skipReason !== undefined) {
    throw refuse('skipReason goes with state "skipped".', 'body.skipReason');
  }

  row = await changeStep(write, row, patch);
  if (row.state === 'done') await applyStepEffects(write, instance, step.id);
  // The steps this one opens are resolved against the team as it is now.
  if (write.teamChanged) write.facts = await requireFacts(write.tx, row.accountId, write.context.now);
  const steps = (await journeyStore.listSteps(write.tx, [instance.id])).map((other) =>
    other.id === row.id ? row : other,
  );
  return advance(write, instance, steps);
}
