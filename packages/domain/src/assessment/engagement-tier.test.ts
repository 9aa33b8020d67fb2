import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import { engagementTier } from './engagement-tier.ts';
import { playbookWith } from './test-fixtures.ts';

describe('engagementTier (seed 000, inclusive minimums)', () => {
  it.each([
    [2_000_000, 'tier1', 5],
    [500_000, 'tier1', 5],
    [499_999, 'tier2', 10],
    [250_000, 'tier2', 10],
    [249_999, 'tier3', 25],
    [100_000, 'tier3', 25],
    [99_999, 'digital', null],
    [0, 'digital', null],
  ])('ARR %i → %s (%s accounts per TAM)', (arr, tier, perTam) => {
    const result = engagementTier(arr, defaultPlaybook);
    expect(result.tier).toBe(tier);
    expect(result.accountsPerTam).toBe(perTam);
  });

  it('carries the tier practices shown to the TAM', () => {
    const result = engagementTier(600_000, defaultPlaybook);
    expect(result.practices).toEqual({
      customerIntro: 'Phone introduction to TAM prior to final sale',
      onboarding: 'Personalized, individual onboarding with milestones and goals by way of success plan',
      newUserOnboarding: 'Personalized onboarding for new users above x seats',
      successPlanReview: 'Quarterly',
      roadmap: 'Quarterly',
      content: 'Email content shared regularly to drive 1-on-1 engagements',
    });
    expect(engagementTier(120_000, defaultPlaybook).practices?.roadmap).toBe(
      'New feature video and/or links to YouTube videos',
    );
  });

  it('explains digital with every threshold it missed', () => {
    const result = engagementTier(50_000, defaultPlaybook);
    expect(result.practices).toBeNull();
    expect(result.explanation.ruleId).toBe('engagement_tier');
    expect(result.explanation.path).toEqual([
      'ARR $50,000 ≥ $500,000? no',
      'ARR $50,000 ≥ $250,000? no',
      'ARR $50,000 ≥ $100,000? no',
      'below every tier → Digital (no TAM)',
    ]);
  });

  it.each([
    [599_999, 'tier2'],
    [600_000, 'tier1'],
  ])('follows a playbook that raises tier 1 to $600k: ARR %i → %s', (arr, tier) => {
    const raised = playbookWith((p) => {
      p.tiers[0]!.minArr = 600_000;
    });
    expect(engagementTier(arr, raised).tier).toBe(tier);
  });
});
