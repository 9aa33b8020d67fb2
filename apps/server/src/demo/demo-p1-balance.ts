import { type Assessment, defaultPlaybook } from '@liaison/domain';
import { accounts } from '../db/schema.ts';
import type { SupportTicketRow } from '../features/support-tickets/index.ts';
import { forecastAssessments } from './demo-forecast.ts';
import type { AccountEvent, AccountPlan } from './demo-model.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { Team } from './demo-team.ts';
import type { DemoClock } from './demo-time.ts';

/**
 * What makes a US Enterprise account P1 when nothing in its story does (docs/playbook.md,
 * Priority): a yellow account flagged Requires Triage, an open tier upgrade closing within six
 * months, an initiative needing > 2 h a week this quarter, or a P1 exception.
 */
export type P1Driver = 'triage' | 'tier_upgrade' | 'initiative' | 'exception';

export interface P1Plan {
  /** US Enterprise accounts given a reason to be P1, and the reason. */
  drivers: Map<string, P1Driver>;
  /** The other US Enterprise accounts of a TAM that the story leaves Pr2: no driver lands on them. */
  quiet: Set<string>;
}

const US = defaultPlaybook.priority.usEnterprise;
/** Yellow accounts a TAM flags Requires Triage to get help (a small minority of the yellow ones). */
const TRIAGE_PER_TAM = 1;

/**
 * How many of a TAM's `count` US Enterprise accounts are P1: a third, rounded down within the
 * guidance (1/3 ± 0.10), so an account turning red unexpectedly still leaves the TAM inside it.
 */
export function p1Target(count: number): number {
  const low = Math.ceil(count * (US.p1ShareTarget - US.p1ShareTolerance) - 1e-9);
  const high = Math.floor(count * (US.p1ShareTarget + US.p1ShareTolerance) + 1e-9);
  const third = Math.floor(count * US.p1ShareTarget);
  return low > high ? Math.round(count * US.p1ShareTarget) : Math.min(high, Math.max(low, third));
}

/**
 * The engine's view of the book from the accounts' stories alone (onboarding, at-risk flags,
 * health from the sentiment, success plans taken as kept), before any optional driver exists.
 */
function storyForecast(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  tickets: SupportTicketRow[],
): Map<string, Assessment> {
  const row = rowsOf(accounts);
  const created = (plan: AccountPlan) => plan.createdAt.toISOString();
  return forecastAssessments(
    {
      accounts: plans.map((plan) =>
        row({ ...plan.final, id: plan.id, version: 1, createdAt: created(plan), updatedAt: created(plan) }),
      ),
      teamAssignments: team.assignments,
      opportunities: [],
      supportTickets: tickets,
      initiatives: [],
      emeaParameters: [],
      assumePlansKept: true,
    },
    clock.now,
  );
}

/**
 * Per TAM, which US Enterprise accounts get a P1 driver so that a third of the TAM's US book is
 * P1 (the model's guidance): the accounts the story already makes P1 count first, the others are
 * picked at random, the driver suiting the account (triage for a yellow one, a tier upgrade for
 * a Premium customer, else an initiative); one becomes a P1 exception approved by its SAL.
 */
export function planP1Drivers(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  tickets: SupportTicketRow[],
): P1Plan {
  // Only the US Enterprise accounts a TAM holds today (their rules read nothing of the others).
  const held = plans.filter(
    (plan) =>
      defaultPlaybook.priority.modelBySegment[plan.segment][plan.region] === 'us_enterprise' &&
      team.holder(plan.id, ['tam'], clock.now) !== null,
  );
  const forecast = storyForecast(held, team, clock, tickets);
  const random = new Random('liaison-demo/p1-drivers');
  const byTam = new Map<string, AccountPlan[]>();
  for (const plan of held) {
    const tam = team.holder(plan.id, ['tam'], clock.now)!;
    const { model, priority } = forecast.get(plan.id)!.priority;
    if (model !== 'us_enterprise' || priority === 'pr3' || priority === 'pr4') continue;
    byTam.set(tam.id, [...(byTam.get(tam.id) ?? []), plan]);
  }
  const result: P1Plan = { drivers: new Map(), quiet: new Set() };
  for (const book of byTam.values()) {
    const pr2 = book.filter((plan) => forecast.get(plan.id)!.priority.priority === 'pr2');
    let needed = p1Target(book.length) - (book.length - pr2.length);
    let triage = 0;
    for (const plan of random.shuffle(pr2)) {
      if (needed <= 0) {
        result.quiet.add(plan.id);
        continue;
      }
      needed--;
      const yellow = forecast.get(plan.id)!.health.colour === 'yellow';
      const premium = plan.lifecycle === 'customer' && plan.final.plan === 'premium';
      const driver: P1Driver =
        yellow && triage < TRIAGE_PER_TAM ? 'triage' : premium ? 'tier_upgrade' : 'initiative';
      if (driver === 'triage') triage++;
      result.drivers.set(plan.id, driver);
    }
  }
  const excepted = [...result.drivers].find(
    ([id, driver]) =>
      driver !== 'triage' &&
      forecast.get(id)!.health.colour === 'green' &&
      team.holder(id, ['sal'], clock.now) !== null,
  );
  if (excepted) result.drivers.set(excepted[0], 'exception');
  return result;
}

/**
 * The TAM flags the accounts whose driver is triage Requires Triage a few days after their
 * sentiment turned yellow: an edit of the account's story (its history shows it).
 */
export function flagTriage(plans: AccountPlan[], p1: P1Plan, clock: DemoClock): void {
  const random = new Random('liaison-demo/triage-flags');
  for (const plan of plans) {
    if (p1.drivers.get(plan.id) !== 'triage') continue;
    const setAt = plan.final.sentimentSetAt ? new Date(plan.final.sentimentSetAt) : clock.importAt;
    const day = Math.min(clock.dayOf(setAt) + random.int(1, 6), -1);
    const at = clock.after(setAt, clock.on(day, plan.region, 16, random.pick([0, 15, 30, 45])), 30);
    const event: AccountEvent = {
      at,
      kind: 'triage',
      by: 'tam',
      before: { requiresTriage: false },
      after: { requiresTriage: true },
    };
    const later = plan.events.findIndex((item) => item.at.getTime() > at.getTime());
    plan.events.splice(later < 0 ? plan.events.length : later, 0, event);
    plan.final = { ...plan.final, requiresTriage: true };
  }
}
