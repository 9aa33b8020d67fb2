import { type ActivityDraft, emptyActivity } from '../account/ActivityForm.tsx';

/**
 * The activity a worklist row asks for, prefilled so logging it is one click more: the kind
 * that fulfils the obligation (docs/playbook.md, Obligations) and, for the renewal ones, the
 * purpose the renewal rules read.
 */
export function draftFor(kind: string): ActivityDraft {
  const base = emptyActivity();
  const kinds: Record<string, Partial<ActivityDraft>> = {
    cadence: { kind: 'cadence_call', summary: 'Cadence call' },
    ebr: { kind: 'ebr', summary: 'Executive business review' },
    onboarding_kickoff: { kind: 'kickoff', summary: 'Onboarding kick-off' },
    triage_update: { kind: 'triage_update', summary: 'Triage update' },
    renewal_review: { kind: 'meeting', summary: 'Internal renewal review', purposes: ['renewal_review'] },
    renewal_conversation: {
      kind: 'cadence_call',
      summary: 'Renewal conversation',
      purposes: ['renewal_conversation'],
    },
  };
  const onboarding = kind.startsWith('onboarding_')
    ? { kind: 'onboarding_call', summary: 'Onboarding call' }
    : {};
  return { ...base, ...onboarding, ...(kinds[kind] ?? {}) };
}
