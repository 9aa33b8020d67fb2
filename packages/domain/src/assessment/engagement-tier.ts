import type { Playbook, PlaybookTier } from '../playbook/playbook-schema.ts';
import { type Explanation, explain, usd } from './explanation.ts';

export interface TierPractices {
  customerIntro: string;
  onboarding: string;
  newUserOnboarding: string;
  successPlanReview: string | null;
  roadmap: string | null;
  content: string | null;
}

/** The ARR-based TAM engagement model of an account (docs/playbook.md, Engagement tier). */
export interface EngagementTierResult {
  /** A playbook tier id (`tier1`…) or `digital` below every tier. */
  tier: string;
  name: string;
  /** Accounts one TAM can carry at this tier; null for digital (no TAM). */
  accountsPerTam: number | null;
  /** The tier's inclusive minimum ARR in USD; null for digital. */
  minArr: number | null;
  /** What the TAM does at this tier; null for digital. */
  practices: TierPractices | null;
  /** Digital only: what the account gets instead. */
  description: string | null;
  explanation: Explanation;
}

const practicesOf = (t: PlaybookTier): TierPractices => ({
  customerIntro: t.customerIntro,
  onboarding: t.onboarding,
  newUserOnboarding: t.newUserOnboarding,
  successPlanReview: t.successPlanReview,
  roadmap: t.roadmap,
  content: t.content,
});

/**
 * Engagement tier by ARR: the first playbook tier (highest minimum first) whose minimum ARR the
 * account reaches, inclusive (default ≥ $500k tier 1, ≥ $250k tier 2, ≥ $100k tier 3), else
 * digital. Plan does not matter here; TAM alignment is a separate rule.
 */
export function engagementTier(arr: number, playbook: Playbook): EngagementTierResult {
  const path: string[] = [];
  for (const tier of playbook.tiers) {
    const reached = arr >= tier.minArr;
    path.push(`ARR ${usd(arr)} ≥ ${usd(tier.minArr)}? ${reached ? `yes → ${tier.name}` : 'no'}`);
    if (reached)
      return {
        tier: tier.id,
        name: tier.name,
        accountsPerTam: tier.accountsPerTam,
        minArr: tier.minArr,
        practices: practicesOf(tier),
        description: null,
        explanation: explain('engagement_tier', path, {
          arr,
          tierMinimums: playbook.tiers.map((t) => t.minArr),
        }),
      };
  }
  path.push(`below every tier → ${playbook.digital.name} (no TAM)`);
  return {
    tier: 'digital',
    name: playbook.digital.name,
    accountsPerTam: null,
    minArr: null,
    practices: null,
    description: playbook.digital.description,
    explanation: explain('engagement_tier', path, { arr, tierMinimums: playbook.tiers.map((t) => t.minArr) }),
  };
}
