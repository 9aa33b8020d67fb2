import type { Playbook } from '../playbook/playbook-schema.ts';
import type { AccountFacts } from './account-facts.ts';
import { viewAccount } from './account-view.ts';
import { type BookContext, buildBookContext } from './book-context.ts';
import { type FiscalQuarter, fiscalQuarterOf, toMillis } from './calendar.ts';
import { type EngagementTierResult, engagementTier } from './engagement-tier.ts';
import { type GemstoneResult, gemstone } from './gemstone.ts';
import { type HealthResult, health } from './health.ts';
import type { Obligation } from './obligation-types.ts';
import { obligations } from './obligations.ts';
import { type PriorityResult, priority } from './priority.ts';
import { type TamAlignmentResult, tamAlignment } from './tam-alignment.ts';

/** Everything the playbook computes for one account at one instant, each value explained. */
export interface Assessment {
  accountId: string;
  /** ISO instant the assessment was evaluated at. */
  evaluatedAt: string;
  /** Fiscal quarter containing `evaluatedAt`. */
  fiscalQuarter: Pick<FiscalQuarter, 'fiscalYear' | 'quarter' | 'start' | 'end'>;
  engagementTier: EngagementTierResult;
  tamAlignment: TamAlignmentResult;
  gemstone: GemstoneResult;
  priority: PriorityResult;
  health: HealthResult;
  /** Obligations of a managed account (none for Pr3/Pr4), including the triage one. */
  obligations: Obligation[];
  /** The triage-update obligation when health is yellow or red, else null. */
  triage: Obligation | null;
  /** The earliest due date among unfulfilled obligations, or null. */
  nextDue: { kind: Obligation['kind']; dueDate: string; status: Obligation['status'] } | null;
}

/**
 * Assesses one account: `(facts, playbook, book, now) → assessment`. Pure: `now` is the only
 * clock; facts dated after `now` (activities, approvals) are ignored. `book` must come from
 * `buildBookContext` over the whole book at the same `now`.
 */
export function assessAccount(
  facts: AccountFacts,
  playbook: Playbook,
  book: BookContext,
  now: Date | string,
): Assessment {
  const at = toMillis(now);
  const view = viewAccount(facts, at);
  const quarter = fiscalQuarterOf(view.today, playbook.fiscalYearStartMonth);
  const alignment = tamAlignment(view, playbook);
  const h = health(view, playbook);
  const p = priority(view, playbook, alignment, {
    health: h,
    quarter,
    commercialRank: book.commercialRanks.get(facts.id) ?? null,
    commercialTopN: book.topN,
  });
  const { list, triage } = obligations(view, playbook, p, h);
  const open = list
    .filter((o) => !o.fulfilled)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))[0];
  return {
    accountId: facts.id,
    evaluatedAt: new Date(at).toISOString(),
    fiscalQuarter: {
      fiscalYear: quarter.fiscalYear,
      quarter: quarter.quarter,
      start: quarter.start,
      end: quarter.end,
    },
    engagementTier: engagementTier(facts.arr, playbook),
    tamAlignment: alignment,
    gemstone: gemstone(facts, playbook),
    priority: p,
    health: h,
    obligations: list,
    triage,
    nextDue: open ? { kind: open.kind, dueDate: open.dueDate, status: open.status } : null,
  };
}

/** Assesses a whole book at one instant (builds the book context once). O(n log n). */
export function assessBook(
  allFacts: readonly AccountFacts[],
  playbook: Playbook,
  now: Date | string,
): Assessment[] {
  const book = buildBookContext(allFacts, playbook, now);
  return allFacts.map((facts) => assessAccount(facts, playbook, book, now));
}
