import type { Playbook } from '../playbook/playbook-schema.ts';
import type { AccountFacts } from './account-facts.ts';
import { toMillis } from './calendar.ts';
import { isTamEligible } from './tam-alignment.ts';

/**
 * Facts about the whole book that single-account rules need: the Commercial ARR ranking.
 * Build it once per (book, playbook, now) and pass it to every `assessAccount` call.
 */
export interface BookContext {
  /** Instant (epoch ms) the ranking was computed for. */
  at: number;
  /** The playbook's Commercial top N. */
  topN: number;
  /** 1-based rank by ARR of each ranked account (managed accounts of the top-N segments). */
  commercialRanks: ReadonlyMap<string, number>;
  /** How many accounts were ranked. */
  rankedCount: number;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Managed = TAM-aligned (eligible) or a TAM on the team at `now`. */
export function isManaged(facts: AccountFacts, playbook: Playbook, now: number): boolean {
  if (isTamEligible(facts, playbook)) return true;
  return facts.team.some(
    (a) => a.role === 'tam' && toMillis(a.startsAt) <= now && (a.endsAt === null || toMillis(a.endsAt) > now),
  );
}

/**
 * Ranks every managed account of the playbook's top-N segments (default mid_market and smb)
 * by ARR descending, ties by name then id (both compared by code unit, case-sensitive).
 * O(n log n).
 */
export function buildBookContext(
  allFacts: readonly AccountFacts[],
  playbook: Playbook,
  now: Date | string,
): BookContext {
  const at = toMillis(now);
  const { topN, topNSegments } = playbook.priority.commercial;
  const ranked = allFacts
    .filter((f) => topNSegments.includes(f.segment) && isManaged(f, playbook, at))
    .sort((a, b) => b.arr - a.arr || compareText(a.name, b.name) || compareText(a.id, b.id));
  const commercialRanks = new Map<string, number>();
  ranked.forEach((f, i) => {
    commercialRanks.set(f.id, i + 1);
  });
  return { at, topN, commercialRanks, rankedCount: ranked.length };
}
