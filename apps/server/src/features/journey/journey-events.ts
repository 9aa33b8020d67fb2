import { recordEvent } from '../../kernel/events.ts';
import type { WorkflowInstanceRow } from './journey.store.ts';
import { contextOf, templateOf, templateStep } from './step-outputs.ts';
import type { WorkflowWrite } from './workflow-engine.ts';

const journeyLink = (accountId: string) => `/accounts/${accountId}?tab=journey`;

/**
 * A step that opens with someone responsible is news to them (docs/messages.md); the handoff's
 * "accept" step is the handoff request itself. Someone opening a step for themselves is not.
 */
export async function announceOpenedStep(
  write: WorkflowWrite,
  instance: WorkflowInstanceRow,
  stepId: string,
  person: { userId: string; name: string } | null,
  dueOn: string | null,
): Promise<void> {
  const { context, facts } = write;
  if (!person || person.userId === context.user.id) return;
  const step = templateStep(instance, stepId);
  const account = { id: facts.account.id, name: facts.account.name };
  const handoff = instance.kind === 'sa_tam_handoff' && stepId === 'accept';
  await recordEvent(write.tx, {
    type: handoff ? 'handoff.requested' : 'step.assigned',
    now: context.now,
    account,
    actor: { id: context.user.id, name: context.user.name },
    title: handoff
      ? `Handoff waiting for you: ${account.name}`
      : `Your step on ${account.name}: ${step.activity}`,
    summary: [
      handoff
        ? `${contextOf(instance).startedBySa?.name ?? context.user.name} asks you to accept ${account.name} as its TAM.`
        : `${templateOf(instance).name}: the step opened with you responsible.`,
      dueOn ? `Due ${dueOn}.` : null,
    ]
      .filter(Boolean)
      .join(' '),
    link: journeyLink(account.id),
    recipientIds: [person.userId],
    data: { workflowId: instance.id, workflowKind: instance.kind, stepId, dueOn },
  });
}

/** An accepted handoff tells the SA who asked and the account's sales team. */
export async function announceAcceptedHandoff(write: WorkflowWrite, instance: WorkflowInstanceRow) {
  const { context, facts } = write;
  const sa = contextOf(instance).startedBySa;
  const tam = contextOf(instance).tam;
  const recipients = [
    ...(sa ? [sa.userId] : []),
    ...facts.team
      .filter((member) => ['sa', 'sal', 'ae'].includes(member.role))
      .map((member) => member.userId),
  ];
  await recordEvent(write.tx, {
    type: 'handoff.accepted',
    now: context.now,
    account: { id: facts.account.id, name: facts.account.name },
    actor: { id: context.user.id, name: context.user.name },
    title: `Handoff accepted: ${facts.account.name}`,
    summary: `${tam?.name ?? context.user.name} is now the TAM of ${facts.account.name}.`,
    link: journeyLink(facts.account.id),
    recipientIds: recipients,
    data: { workflowId: instance.id, tamUserId: tam?.userId ?? null },
  });
}
