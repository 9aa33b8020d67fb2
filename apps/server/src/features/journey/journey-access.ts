import { DomainError, notFound, type Playbook } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import { isTeamMember, lockAccount } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { journeyStore, type WorkflowInstanceRow, type WorkflowStepRow } from './journey.store.ts';
import type { JourneyFacts } from './journey-facts.loader.ts';
import { requireFacts } from './journey-parts.ts';
import { contextOf } from './step-outputs.ts';
import { beginWrite, type WorkflowWrite } from './workflow-engine.ts';

export interface PlaybookSource {
  active(executor: Executor): Promise<{ version: number; playbook: Playbook }>;
}

/**
 * Who may work on an account's workflows: whoever may edit the account (its team, TAM managers,
 * admins), and the person a step names — the TAM a handoff or handover brings in is not on the
 * team until they accept (docs/journey.md, Who is responsible).
 */
export async function mayWorkOn(
  tx: Executor,
  context: RequestContext,
  accountId: string,
  named: readonly (string | null | undefined)[] = [],
): Promise<boolean> {
  if (named.includes(context.user.id) && !context.user.roles.every((role) => role === 'viewer')) return true;
  return policies.editAccount(context.user, await isTeamMember(tx, context, accountId));
}

/** Locks the account, checks the caller, loads the facts: the start of every journey write. */
export async function openWrite(
  tx: Executor,
  context: RequestContext,
  accountId: string,
  playbook: PlaybookSource,
  named: readonly (string | null | undefined)[] = [],
): Promise<WorkflowWrite> {
  const account = await lockAccount(tx, accountId);
  authorize(
    await mayWorkOn(tx, context, accountId, named),
    `Only ${account.name}'s team, the person a step names, TAM managers and admins can work on its journey.`,
  );
  const facts: JourneyFacts = await requireFacts(tx, accountId, context.now);
  const { playbook: document } = await playbook.active(tx);
  return beginWrite(tx, context, facts, document);
}

/** The step, its workflow (locked, after the account), and a write on the account. */
export async function openStepWrite(
  tx: Executor,
  context: RequestContext,
  stepRowId: string,
  playbook: PlaybookSource,
): Promise<{ write: WorkflowWrite; instance: WorkflowInstanceRow; row: WorkflowStepRow }> {
  const seen = await journeyStore.findStep(tx, stepRowId);
  if (!seen) throw notFound('Workflow step', stepRowId);
  const instanceSeen = await journeyStore.findInstance(tx, seen.instanceId);
  const write = await openWrite(tx, context, seen.accountId, playbook, [
    seen.responsibleUserId,
    instanceSeen ? contextOf(instanceSeen).tam?.userId : null,
  ]);
  const instance = await journeyStore.findInstance(tx, seen.instanceId, true);
  const row = await journeyStore.lockStep(tx, stepRowId);
  if (!instance || !row) throw notFound('Workflow step', stepRowId);
  return { write, instance, row };
}

export function requireActive(instance: WorkflowInstanceRow): void {
  if (instance.status !== 'active')
    throw new DomainError(
      'INVALID_STATE',
      `This ${instance.kind.replaceAll('_', ' ')} workflow is ${instance.status}; its steps no longer change.`,
    );
}
