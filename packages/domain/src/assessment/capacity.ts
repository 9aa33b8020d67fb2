import type { Playbook } from '../playbook/playbook-schema.ts';
import type { Assessment } from './assess-account.ts';
import type { PriorityModel } from './vocabulary.ts';

export interface CapacityLoad {
  /** Σ 1/accountsPerTam over the accounts' tiers (1.0 = a full book), rounded to 4 decimals. */
  load: number;
  accounts: number;
  /** Per tier id (`digital` counts 0: no TAM time is budgeted for it). */
  byTier: Record<string, { accounts: number; accountsPerTam: number | null; load: number }>;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** What the capacity and P1 figures read of an assessment (a stored read model has just this). */
export interface AssessedTierAndPriority {
  engagementTier: Pick<Assessment['engagementTier'], 'tier'>;
  priority: Pick<Assessment['priority'], 'priority' | 'model'>;
}

/**
 * A TAM's capacity load from the assessments of their accounts: each account uses
 * 1/accountsPerTam of a TAM (tier 1 = 1/5, tier 2 = 1/10, tier 3 = 1/25; digital 0).
 */
export function capacityLoad(
  assessments: readonly AssessedTierAndPriority[],
  playbook: Playbook,
): CapacityLoad {
  const byTier: CapacityLoad['byTier'] = {};
  let total = 0;
  for (const a of assessments) {
    const id = a.engagementTier.tier;
    const perTam = playbook.tiers.find((t) => t.id === id)?.accountsPerTam ?? null;
    const share = perTam === null ? 0 : 1 / perTam;
    const entry = byTier[id] ?? { accounts: 0, accountsPerTam: perTam, load: 0 };
    entry.accounts += 1;
    entry.load += share;
    byTier[id] = entry;
    total += share;
  }
  for (const entry of Object.values(byTier)) entry.load = round4(entry.load);
  return { load: round4(total), accounts: assessments.length, byTier };
}

export interface P1Guidance {
  model: PriorityModel;
  /** Accounts of this model in the set. */
  accounts: number;
  p1: number;
  /** p1 / accounts, rounded to 4 decimals (0 when no accounts). */
  share: number;
  /** The guidance in words, e.g. `about 1/3 of the book (±10 points)`. */
  guidance: string;
  /** Null when the model has no P1 guidance (Commercial). */
  withinGuidance: boolean | null;
}

/**
 * P1 balance of one TAM's book against the model guidance (docs/playbook.md, Portfolio helpers and
 * the dry-run): US Enterprise ≈ 1/3 of the accounts as Pr1 (within the playbook tolerance), EMEA
 * Enterprise 5–8 Pr1 accounts.
 */
export function p1Guidance(
  assessments: readonly AssessedTierAndPriority[],
  playbook: Playbook,
): P1Guidance[] {
  const us = playbook.priority.usEnterprise;
  const emea = playbook.priority.emeaEnterprise;
  const out: P1Guidance[] = [];
  for (const model of ['us_enterprise', 'emea_enterprise', 'commercial'] as const) {
    const mine = assessments.filter((a) => a.priority.model === model);
    if (mine.length === 0) continue;
    const p1 = mine.filter((a) => a.priority.priority === 'pr1').length;
    const share = p1 / mine.length;
    let guidance = 'no P1 guidance';
    let within: boolean | null = null;
    if (model === 'us_enterprise') {
      guidance = `about ${round4(us.p1ShareTarget * 100)}% of the book as P1 (±${round4(us.p1ShareTolerance * 100)} points)`;
      within = Math.abs(share - us.p1ShareTarget) <= us.p1ShareTolerance + 1e-9;
    } else if (model === 'emea_enterprise') {
      guidance = `${emea.p1CountMin}–${emea.p1CountMax} P1 accounts`;
      within = p1 >= emea.p1CountMin && p1 <= emea.p1CountMax;
    }
    out.push({ model, accounts: mine.length, p1, share: round4(share), guidance, withinGuidance: within });
  }
  return out;
}
