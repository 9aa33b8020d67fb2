import {
  type Playbook,
  resolveRole,
  type StepProgress,
  stepDueOn,
  stepsToOpen,
  type WorkflowEvent,
} from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { type ChangeRecord, recordChanges } from '../../kernel/history.store.ts';
import { instanceSnapshot, resolveContextFor, stepSnapshot } from './journey.presenter.ts';
import {
  type InstancePatch,
  journeyStore,
  type StepPatch,
  type WorkflowInstanceRow,
  type WorkflowStepRow,
} from './journey.store.ts';
import { announceOpenedStep } from './journey-events.ts';
import type { JourneyFacts } from './journey-facts.loader.ts';
import { contextOf, isSettled, templateOf, templateStep } from './step-outputs.ts';

/**
 * One write to an account's workflows: the transaction, who asks, the account's facts, and the
 * history it collects. Every change goes through `changeStep` / `changeInstance`, so each is in
 * the history with its before and after (docs/journey.md).
 */
export interface WorkflowWrite {
  tx: Executor;
  context: RequestContext;
  facts: JourneyFacts;
  playbook: Playbook;
  history: ChangeRecord[];
  /** Set when a step changed the account's team: the caller reassesses the account. */
  teamChanged: boolean;
}

export function beginWrite(
  tx: Executor,
  context: RequestContext,
  facts: JourneyFacts,
  playbook: Playbook,
): WorkflowWrite {
  return { tx, context, facts, playbook, history: [], teamChanged: false };
}

export async function changeStep(
  write: WorkflowWrite,
  row: WorkflowStepRow,
  patch: StepPatch,
): Promise<WorkflowStepRow> {
  const after = await journeyStore.updateStep(write.tx, row.id, patch, write.context.now);
  write.history.push({
    accountId: row.accountId,
    entityType: 'workflow_step',
    entityId: row.id,
    before: stepSnapshot(row),
    after: stepSnapshot(after),
  });
  return after;
}

export async function changeInstance(
  write: WorkflowWrite,
  row: WorkflowInstanceRow,
  patch: InstancePatch,
): Promise<WorkflowInstanceRow> {
  const after = await journeyStore.updateInstance(write.tx, row.id, patch, write.context.now);
  write.history.push({
    accountId: row.accountId,
    entityType: 'workflow_instance',
    entityId: row.id,
    before: instanceSnapshot(row),
    after: instanceSnapshot(after),
  });
  return after;
}

export async function finishWrite(write: WorkflowWrite): Promise<void> {
  await recordChanges(write.tx, write.context, write.history);
  write.history = [];
}

/** Steps the workflow completes by itself: a handoff that already names its TAM has aligned one. */
function completesItself(instance: WorkflowInstanceRow, stepId: string): boolean {
  return instance.kind === 'sa_tam_handoff' && stepId === 'align_tam' && contextOf(instance).tam !== null;
}

/**
 * Opens every step whose start condition now holds, resolving who is responsible from the
 * account team at this moment and its due date; completes the steps that complete themselves;
 * completes the workflow when every step is settled (docs/journey.md, What starts a step).
 */
export async function advance(
  write: WorkflowWrite,
  instance: WorkflowInstanceRow,
  steps: WorkflowStepRow[],
): Promise<{ instance: WorkflowInstanceRow; steps: WorkflowStepRow[] }> {
  if (instance.status !== 'active') return { instance, steps };
  const now = write.context.now.toISOString();
  const template = templateOf(instance);
  const byId = new Map(steps.map((row) => [row.stepId, row]));
  const resolveContext = resolveContextFor(write.facts, instance);
  for (let round = 0; round <= template.steps.length; round++) {
    const progress = new Map<string, StepProgress>(
      [...byId.values()].map((row) => [
        row.stepId,
        { stepId: row.stepId, state: row.state as StepProgress['state'], openedAt: row.openedAt },
      ]),
    );
    const opening = stepsToOpen(template, progress, {
      opportunityStage: instance.furthestStage as never,
      events: instance.events as WorkflowEvent[],
    });
    let changed = false;
    for (const { stepId, reason } of opening) {
      const row = byId.get(stepId);
      if (!row) continue;
      const step = templateStep(instance, stepId);
      const { person, explanation } = resolveRole(step.responsible, resolveContext);
      const selfDone = completesItself(instance, stepId);
      const dueOn = stepDueOn(step, now);
      if (!selfDone) await announceOpenedStep(write, instance, stepId, person, dueOn);
      byId.set(
        stepId,
        await changeStep(write, row, {
          openedAt: now,
          openReason: reason,
          dueOn,
          responsibleUserId: person?.userId ?? null,
          responsibleName: person?.name ?? null,
          responsibleExplanation: explanation,
          ...(selfDone
            ? {
                state: 'done',
                completedAt: now,
                data: { ...(row.data as object), tam: contextOf(instance).tam?.name ?? '' },
              }
            : {}),
        }),
      );
      changed = true;
    }
    if (!changed) break;
  }
  const rows = [...byId.values()].sort((a, b) => a.position - b.position);
  if (rows.every((row) => isSettled(row.state))) {
    instance = await changeInstance(write, instance, { status: 'completed', completedAt: now });
  }
  return { instance, steps: rows };
}
