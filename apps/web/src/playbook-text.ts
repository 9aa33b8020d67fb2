import type { Playbook } from '@liaison/contracts';
import { humanize, money } from './format.ts';

/**
 * What the web says about the rules, read from the playbook the server serves (docs/playbook.md):
 * thresholds, windows and names change with a new playbook version, so none is copied here.
 * Pure functions: unit-tested.
 */

const DAY_MS = 86_400_000;

/** The engagement tier the engine assigns below every tier (not a playbook tier id). */
export const DIGITAL_TIER = 'digital';

/** A tier id's name in the playbook (`tier1` → its `name`, `digital` → `digital.name`). */
export function tierName(playbook: Playbook, tier: string): string {
  if (tier === DIGITAL_TIER) return playbook.digital.name;
  return playbook.tiers.find((item) => item.id === tier)?.name ?? humanize(tier);
}

/** Tier ids, highest first, then digital: the order of the engagement models. */
export function tierIds(playbook: Playbook): string[] {
  return [...playbook.tiers.map((tier) => tier.id), DIGITAL_TIER];
}

/** The sentiment's nominal share of the health score, in percent (weight / Σ weights). */
export function sentimentShare(playbook: Playbook): number {
  const weights = playbook.health.weights;
  const total = weights.sentiment + weights.engagement + weights.successPlan + weights.supportTickets;
  return Math.round((weights.sentiment / total) * 100);
}

/** Who is eligible for a TAM: `premium or better, ≥ $100k ARR`. */
export function tamEligibility(playbook: Playbook): string {
  const { minimumPlan, minimumArr } = playbook.tamAlignment;
  return `${minimumPlan} or better, ≥ ${money(minimumArr)} ARR`;
}

/** `30` or `60–90`: the cadence interval of a priority across the models. */
function cadenceDays(playbook: Playbook, priority: 'pr1' | 'pr2'): string {
  const days = Object.values(playbook.obligations.cadence.intervalDays).map((model) => model[priority]);
  const low = Math.min(...days);
  const high = Math.max(...days);
  return low === high ? String(low) : `${low}–${high}`;
}

/** What a priority asks of the TAM, from the playbook's obligations. */
export function priorityDescription(playbook: Playbook, priority: string): string {
  const { ebr } = playbook.obligations;
  const ebrText = (p: 'pr1' | 'pr2') =>
    ebr.priorities.includes(p) ? `, EBR every ${ebr.everyDays} days` : '';
  switch (priority) {
    case 'pr1':
      return `TAM-led onboarding, cadence call every ${cadenceDays(playbook, 'pr1')} days${ebrText('pr1')}, full TAM-led lifecycle`;
    case 'pr2':
      return `Cadence call every ${cadenceDays(playbook, 'pr2')} days${ebrText('pr2')}, renewal touch point`;
    case 'pr3':
      return 'Non-managed child account';
    case 'pr4':
      return 'Digital enablement only';
    default:
      return priority;
  }
}

/**
 * Tickets the health measure counts: opened after now − N × 24 h and not after now, N the
 * playbook's `health.supportTicketWindowDays` (docs/playbook.md, "Support tickets").
 */
export function recentTicketCount(openedAt: readonly string[], now: number, playbook: Playbook): number {
  const windowStart = now - playbook.health.supportTicketWindowDays * DAY_MS;
  return openedAt.filter((instant) => {
    const opened = Date.parse(instant);
    return opened > windowStart && opened <= now;
  }).length;
}
