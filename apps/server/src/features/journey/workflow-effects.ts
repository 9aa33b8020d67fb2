import { DomainError } from '@liaison/domain';
import { assignInTransaction, endAssignmentInTransaction } from '../team/index.ts';
import type { WorkflowInstanceRow } from './journey.store.ts';
import { announceAcceptedHandoff } from './journey-events.ts';
import { contextOf } from './step-outputs.ts';
import type { WorkflowWrite } from './workflow-engine.ts';

const DAY_MS = 86_400_000;

function currentTam(write: WorkflowWrite) {
  return write.facts.team.find((member) => member.role === 'tam') ?? null;
}

/**
 * What completing a step does beyond the step (docs/journey.md): accepting a handoff makes the
 * TAM assignment effective, a handover's last step hands the TAM seat over in one write, and a
 * disengagement's last step ends the TAM's assignment. Each is a team change in this same
 * transaction; the caller reassesses the account, so priority and obligations follow at once.
 */
export async function applyStepEffects(
  write: WorkflowWrite,
  instance: WorkflowInstanceRow,
  stepId: string,
): Promise<void> {
  const { context, facts } = write;
  const now = context.now.toISOString();
  const accountId = instance.accountId;
  const named = contextOf(instance).tam;
  const tam = currentTam(write);

  if (instance.kind === 'sa_tam_handoff' && stepId === 'accept') {
    if (!named)
      throw new DomainError('INVALID_STATE', 'The handoff names no TAM; complete "Align a TAM" first.');
    if (tam?.userId !== named.userId) {
      await assignInTransaction(write.tx, context, accountId, {
        userId: named.userId,
        role: 'tam',
        startsAt: now,
        replaces: tam ? [tam.assignmentId] : [],
      });
      write.teamChanged = true;
    }
    // A pooled (Commercial) SA who ran the handoff stays on the team through the initial
    // engagement; an aligned SA (Enterprise) is on the team already (docs/journey.md, SA→TAM handoff).
    const sa = contextOf(instance).startedBySa;
    const days = write.playbook.journey.saOverlapDays;
    if (sa && days > 0 && !facts.team.some((member) => member.role === 'sa')) {
      await assignInTransaction(write.tx, context, accountId, {
        userId: sa.userId,
        role: 'sa',
        startsAt: now,
        endsAt: new Date(context.now.getTime() + days * DAY_MS).toISOString(),
      });
      write.teamChanged = true;
    }
    await announceAcceptedHandoff(write, instance);
    return;
  }

  if (instance.kind === 'tam_handover' && stepId === 'handover') {
    if (!named) throw new DomainError('INVALID_STATE', 'The handover names no incoming TAM.');
    if (tam?.userId === named.userId) return;
    await assignInTransaction(write.tx, context, accountId, {
      userId: named.userId,
      role: 'tam',
      startsAt: now,
      replaces: tam ? [tam.assignmentId] : [],
    });
    write.teamChanged = true;
    return;
  }

  if (instance.kind === 'disengagement' && stepId === 'end_engagement') {
    for (const member of facts.team.filter((m) => m.role === 'tam')) {
      await endAssignmentInTransaction(write.tx, context, member.assignmentId, now);
      write.teamChanged = true;
    }
  }
}
