import { describe, expect, it } from 'vitest';
import { draftFor } from './log-call-draft.ts';

describe('the activity a worklist row prefills', () => {
  it.each([
    ['cadence', 'cadence_call', [], 'Cadence call'],
    ['ebr', 'ebr', [], 'Executive business review'],
    ['onboarding_kickoff', 'kickoff', [], 'Onboarding kick-off'],
    ['onboarding_check_in', 'onboarding_call', [], 'Onboarding call'],
    ['renewal_review', 'meeting', ['renewal_review'], 'Internal renewal review'],
    ['renewal_conversation', 'cadence_call', ['renewal_conversation'], 'Renewal conversation'],
    ['success_plan', 'cadence_call', [], ''],
  ])('%s → a %s', (obligation, kind, purposes, summary) => {
    expect(draftFor(obligation)).toMatchObject({ kind, purposes, summary });
  });
});
