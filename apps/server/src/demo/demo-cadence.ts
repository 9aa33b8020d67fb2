import { type Assessment, defaultPlaybook } from '@liaison/domain';
import type { AccountPlan } from './demo-model.ts';
import { Random } from './demo-random.ts';
import type { Team } from './demo-team.ts';
import type { DemoClock } from './demo-time.ts';

// What the activity plan keeps to: the sentiment's periods (triage updates), the cadence interval
// each account's priority asks for, and where the last cadence call leaves each TAM's accounts.

/** Cadence of accounts the engine does not put in a model (past TAMs, disengaging): by tier. */
const CADENCE_DAYS: Record<number, number> = { 0: 90, 1: 30, 2: 45, 3: 60 };
/** Shares of each TAM's accounts (outside onboarding) due soon and overdue for a cadence call. */
const CADENCE_DUE_SOON = 0.16;
const CADENCE_OVERDUE = 0.12;

/** The colour of the account's sentiment between its changes. */
export function sentimentPeriods(plan: AccountPlan, clock: DemoClock) {
  const changes = plan.events.filter((event) => event.kind === 'sentiment');
  const periods = [{ colour: plan.initial.sentiment, from: clock.dayOf(plan.createdAt), to: -1 }];
  for (const change of changes) {
    periods.at(-1)!.to = clock.dayOf(change.at) - 1;
    periods.push({ colour: change.after.sentiment ?? null, from: clock.dayOf(change.at), to: -1 });
  }
  return periods;
}

/** The cadence the engine asks of the account today: Pr1 30 days, Pr2 60 (Commercial Pr2 90). */
export function cadenceInterval(plan: AccountPlan, assessed: Assessment | undefined): number {
  const { model, priority } = assessed?.priority ?? { model: null, priority: null };
  if (model && (priority === 'pr1' || priority === 'pr2'))
    return defaultPlaybook.obligations.cadence.intervalDays[model][priority];
  return CADENCE_DAYS[plan.tier]!;
}

type CadenceState = 'ok' | 'due_soon' | 'overdue';

/**
 * Where the last cadence call leaves each account of a TAM today: most on cadence, a few due
 * soon, one or two overdue (the neglected ones first), spread evenly over the TAMs.
 */
export function cadenceStates(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  forecast: Map<string, Assessment>,
) {
  const random = new Random('liaison-demo/cadence-states');
  const byTam = new Map<string, AccountPlan[]>();
  for (const plan of plans) {
    const tam = team.holder(plan.id, ['tam'], clock.now);
    if (!tam || forecast.get(plan.id)?.priority.inOnboarding) continue;
    byTam.set(tam.id, [...(byTam.get(tam.id) ?? []), plan]);
  }
  const states = new Map<string, CadenceState>();
  for (const accounts of byTam.values()) {
    const ordered = random
      .shuffle(accounts)
      .sort((left, right) => Number(right.neglected) - Number(left.neglected));
    const overdue = Math.max(
      ordered.filter((plan) => plan.neglected).length,
      Math.round(ordered.length * CADENCE_OVERDUE),
    );
    const dueSoon = Math.round(ordered.length * CADENCE_DUE_SOON);
    ordered.forEach((plan, index) => {
      states.set(plan.id, index < overdue ? 'overdue' : index < overdue + dueSoon ? 'due_soon' : 'ok');
    });
  }
  return states;
}
