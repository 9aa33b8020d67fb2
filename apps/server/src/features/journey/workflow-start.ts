import type { StartWorkflowRequest } from '@liaison/contracts';
import {
  DISENGAGEMENT_REASONS,
  DomainError,
  type OpportunityStage,
  OVERLAP_TRIGGERS,
  type WorkflowEvent,
  type WorkflowKind,
} from '@liaison/domain';
import { instanceSnapshot, stepSnapshot } from './journey.presenter.ts';
import { journeyStore, type WorkflowInstanceRow, type WorkflowStepRow } from './journey.store.ts';
import { findStaff } from './journey-facts.loader.ts';
import { contextOf, type WorkflowContext } from './step-outputs.ts';
import type { WorkflowWrite } from './workflow-engine.ts';
import { advance } from './workflow-engine.ts';

const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${path}: ${message}`, [{ path, message }]);

async function requireTam(write: WorkflowWrite, userId: string | undefined, kind: WorkflowKind) {
  if (!userId) throw invalid('body.tamUserId', `is required to start a ${kind.replaceAll('_', ' ')}`);
  const user = await findStaff(write.tx, userId);
  if (!user?.isActive || !user.roles.includes('tam'))
    throw new DomainError('INVALID_REFERENCE', `body.tamUserId: ${userId} is not an active TAM`, [
      { path: 'body.tamUserId', message: 'must be an active user with the TAM role' },
    ]);
  return { userId: user.userId, name: user.name };
}

/** What a workflow of this kind needs to start, checked against the account (docs/journey.md). */
async function contextFor(write: WorkflowWrite, input: StartWorkflowRequest): Promise<WorkflowContext> {
  const { facts, context } = write;
  const tam = facts.team.find((member) => member.role === 'tam') ?? null;
  const note = input.note?.trim() || null;
  switch (input.kind) {
    case 'journey': {
      const named = input.tamUserId ? await requireTam(write, input.tamUserId, input.kind) : null;
      return { tam: named, reason: null, note };
    }
    case 'sa_tam_handoff': {
      // The TAM engaged before the sale (named on the journey) is the one who accepts.
      const journey = await journeyStore.findActive(write.tx, facts.account.id, 'journey');
      const named = input.tamUserId
        ? await requireTam(write, input.tamUserId, input.kind)
        : (tam ?? (journey ? contextOf(journey).tam : null));
      const startedBySa = context.user.roles.includes('sa')
        ? { userId: context.user.id, name: context.user.name }
        : null;
      return {
        tam: named ? { userId: named.userId, name: named.name } : null,
        reason: null,
        note,
        startedBySa,
      };
    }
    case 'welcome_call': {
      // The TAM leads the Welcome call: the TAM on the team, else the one the journey names,
      // who is about to accept the handoff (docs/journey.md, Closed-won).
      const journey = await journeyStore.findActive(write.tx, facts.account.id, 'journey');
      const named = input.tamUserId
        ? await requireTam(write, input.tamUserId, input.kind)
        : (tam ?? (journey ? contextOf(journey).tam : null));
      return { tam: named ? { userId: named.userId, name: named.name } : null, reason: null, note };
    }
    case 'tam_handover': {
      if (!tam)
        throw new DomainError(
          'INVALID_STATE',
          `${facts.account.name} has no TAM to hand over from; assign one on the team instead.`,
        );
      const incoming = await requireTam(write, input.tamUserId, input.kind);
      if (incoming.userId === tam.userId) throw invalid('body.tamUserId', `${tam.name} is the TAM already`);
      return { tam: incoming, reason: null, note };
    }
    case 'disengagement': {
      if (!tam) throw new DomainError('INVALID_STATE', `${facts.account.name} has no TAM to disengage.`);
      const reason = input.reason ?? (facts.disengagementCandidate ? 'below_threshold_downgrade' : undefined);
      if (!reason || !(DISENGAGEMENT_REASONS as readonly string[]).includes(reason))
        throw invalid('body.reason', `must be one of ${DISENGAGEMENT_REASONS.join(', ')}`);
      return { tam: null, reason, note };
    }
    case 'sa_overlap': {
      if (!input.reason || !(OVERLAP_TRIGGERS as readonly string[]).includes(input.reason))
        throw invalid('body.reason', `must be one of ${OVERLAP_TRIGGERS.join(', ')}`);
      return { tam: null, reason: input.reason, note };
    }
    default:
      return { tam: null, reason: null, note };
  }
}

/**
 * Starts a workflow on the account (the account is locked by the write): one running instance
 * per kind, the template in force copied onto it, every step created, the first ones opened.
 */
export async function startWorkflow(
  write: WorkflowWrite,
  input: StartWorkflowRequest,
  playbookVersion: number,
): Promise<{ instance: WorkflowInstanceRow; steps: WorkflowStepRow[] }> {
  const { tx, context, facts, playbook } = write;
  const running = await journeyStore.findActive(tx, facts.account.id, input.kind);
  if (running)
    throw new DomainError(
      'ALREADY_EXISTS',
      `A ${input.kind.replaceAll('_', ' ')} workflow is already running on ${facts.account.name} (workflow ${running.id}); finish or cancel it first.`,
      [{ path: 'body.kind', message: 'is already running on this account' }],
    );
  const template = playbook.journey.templates.find((candidate) => candidate.kind === input.kind);
  if (!template) throw invalid('body.kind', 'has no template in the playbook');
  const workflowContext = await contextFor(write, input);
  const events: WorkflowEvent[] = [];
  if (facts.furthestStage === 'closed_won') events.push('closed_won');
  if (input.kind === 'disengagement' && facts.disengagementCandidate) events.push('disengagement_flag');
  const instance = await journeyStore.insertInstance(
    tx,
    {
      accountId: facts.account.id,
      kind: input.kind,
      status: 'active',
      playbookVersion,
      template,
      startedAt: context.now.toISOString(),
      startedBy: context.actor.name,
      context: workflowContext,
      events,
      furthestStage: facts.furthestStage as OpportunityStage | null,
    },
    context.now,
  );
  const steps = await journeyStore.insertSteps(
    tx,
    template.steps.map((step, index) => ({
      accountId: facts.account.id,
      instanceId: instance.id,
      stepId: step.id,
      position: index + 1,
      state: 'not_started',
    })),
    context.now,
  );
  write.history.push(
    {
      accountId: instance.accountId,
      entityType: 'workflow_instance',
      entityId: instance.id,
      before: null,
      after: instanceSnapshot(instance),
    },
    ...steps.map((row) => ({
      accountId: row.accountId,
      entityType: 'workflow_step' as const,
      entityId: row.id,
      before: null,
      after: stepSnapshot(row),
    })),
  );
  return advance(write, instance, steps);
}
