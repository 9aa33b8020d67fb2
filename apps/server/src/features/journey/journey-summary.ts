import type { DisengagementSummary } from '@liaison/contracts';
import { type DisengagementReason, DomainError, disengagementSummary, type Playbook } from '@liaison/domain';
import type { WorkflowInstanceRow, WorkflowStepRow } from './journey.store.ts';
import type { JourneyFacts } from './journey-facts.loader.ts';
import { contextOf } from './step-outputs.ts';

const lines = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String).filter((line) => line.trim() !== '') : [];
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * The disengagement's follow-up summary, from the account as it is now and what the TAM wrote
 * in the options step (docs/journey.md, Disengagement).
 */
export function summarise(
  instance: WorkflowInstanceRow,
  steps: readonly WorkflowStepRow[],
  facts: JourneyFacts,
  playbook: Playbook,
  now: Date,
): DisengagementSummary {
  if (instance.kind !== 'disengagement')
    throw new DomainError('INVALID_STATE', 'Only a disengagement workflow has a follow-up summary.');
  const options = (steps.find((step) => step.stepId === 'options_reviewed')?.data ?? {}) as Record<
    string,
    unknown
  >;
  const context = contextOf(instance);
  const ownerRole =
    facts.account.segment === 'enterprise' || facts.account.segment === 'public_sector'
      ? ['sal', 'ae']
      : ['ae', 'sal'];
  const owner =
    ownerRole.map((role) => facts.team.find((member) => member.role === role)).find(Boolean) ?? null;
  // After the last step the TAM is off the team; the summary still names who sent it.
  const tam = facts.team.find((member) => member.role === 'tam') ?? null;
  const { minimumPlan, minimumArr } = playbook.tamAlignment;
  const markdown = disengagementSummary({
    accountName: facts.account.name,
    reason: (context.reason ?? 'other') as DisengagementReason,
    reasonNote: context.note,
    tamName: tam?.name ?? steps.find((step) => step.stepId === 'talk_with_manager')?.responsibleName ?? null,
    owner: owner
      ? {
          name: owner.name,
          email: owner.email,
          title: owner.role === 'sal' ? 'Strategic Account Leader' : 'Account Executive',
        }
      : null,
    plan: facts.account.plan,
    arr: facts.account.arr,
    threshold: `the ${minimumPlan} plan or higher with an annual value of at least $${minimumArr.toLocaleString('en-US')}`,
    answers: {
      support: text(options.support),
      writtenAdvice: text(options.written_advice),
      featuresLost: lines(options.features_lost),
      resources: lines(options.resources),
    },
    date: now.toISOString().slice(0, 10),
  });
  return { workflowId: instance.id, markdown, generatedAt: now.toISOString() };
}
