import type { Playbook } from '../playbook/playbook-schema.ts';
import type { InitiativeFact, OpportunityFact } from './account-facts.ts';
import type { AccountView } from './account-view.ts';
import { dateOfDay, dayOf, type FiscalQuarter } from './calendar.ts';
import type { HealthResult } from './health.ts';
import type { InitiativeKind } from './vocabulary.ts';

/** Everything a priority model reads besides the facts. */
export interface PriorityContext {
  view: AccountView;
  playbook: Playbook;
  health: HealthResult;
  quarter: FiscalQuarter;
  /** 1-based Commercial ARR rank, or null when the account is not ranked. */
  commercialRank: number | null;
  commercialTopN: number;
}

/** One model's verdict before exceptions. */
export interface ModelVerdict {
  priority: 'pr1' | 'pr2';
  path: string[];
  inputs: Record<string, unknown>;
}

/**
 * At risk of contraction or churn (docs/playbook.md, At risk): the at-risk flag, or a health
 * colour the playbook lists (default red), or yellow with "requires triage" set (the handbook's
 * Yellow + Requires Triage: the TAM needs help). A plain yellow is low risk; an account not
 * scored is not at risk.
 */
export function atRiskSignal(ctx: PriorityContext): { atRisk: boolean; step: string } {
  const cfg = ctx.playbook.priority.atRisk;
  const flag = ctx.view.facts.atRisk;
  const triage = ctx.view.facts.requiresTriage === true;
  const colour = ctx.health.colour;
  const byColour = colour !== null && colour !== 'green' && cfg.healthColours.includes(colour);
  const byTriage = !byColour && colour === 'yellow' && cfg.yellowWithTriage && triage;
  const why = [
    flag ? 'at-risk flag set' : null,
    byColour ? `health ${colour}` : null,
    byTriage ? 'health yellow, requires triage' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const atRisk = flag || byColour || byTriage;
  const not =
    colour === null
      ? 'no (not scored)'
      : colour === 'yellow' && !byColour
        ? `no (health yellow${cfg.yellowWithTriage ? ', triage not required' : ''})`
        : 'no';
  return { atRisk, step: `at risk? ${atRisk ? `yes (${why})` : not}` };
}

/** An open (not closed) tier-upgrade opportunity closing on or before today + windowDays. */
export function openTierUpgradeWithin(view: AccountView, windowDays: number): OpportunityFact | null {
  const limit = view.today + windowDays;
  const hits = view.facts.opportunities
    .filter(
      (o) =>
        o.type === 'tier_upgrade' &&
        o.stage !== 'closed_won' &&
        o.stage !== 'closed_lost' &&
        dayOf(o.closeDate) <= limit,
    )
    .sort((a, b) => dayOf(a.closeDate) - dayOf(b.closeDate) || (a.id < b.id ? -1 : 1));
  return hits[0] ?? null;
}

export function tierUpgradeStep(
  view: AccountView,
  windowDays: number,
): { hit: OpportunityFact | null; step: string } {
  const hit = openTierUpgradeWithin(view, windowDays);
  const by = dateOfDay(view.today + windowDays);
  return {
    hit,
    step: `open tier-upgrade opportunity closing by ${by} (${windowDays} days)? ${hit ? `yes (${hit.id}, closes ${hit.closeDate})` : 'no'}`,
  };
}

/** Initiatives of `kind` whose dates overlap the fiscal quarter and that need > hoursAbove h/week. */
export function initiativeThisQuarter(
  view: AccountView,
  kind: InitiativeKind,
  hoursAbove: number,
  quarter: FiscalQuarter,
): InitiativeFact | null {
  return (
    view.facts.initiatives.find(
      (i) =>
        i.kind === kind &&
        dayOf(i.startsOn) <= quarter.endDay &&
        (i.endsOn === null || dayOf(i.endsOn) >= quarter.startDay) &&
        i.hoursPerWeek > hoursAbove,
    ) ?? null
  );
}

/** Objectives captured = a draft or active success plan with at least one objective. */
export function objectivesCaptured(view: AccountView): number {
  const plan = view.facts.successPlan;
  return plan && plan.status !== 'closed' ? plan.objectives.length : 0;
}

/** Distinct adopted stages that are in the playbook's stage list. */
export function stagesAdoptedCount(view: AccountView, playbook: Playbook): number {
  return new Set(view.facts.stagesAdopted.filter((s) => playbook.stages.includes(s))).size;
}
