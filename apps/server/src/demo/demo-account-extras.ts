import type { QualifyUp } from '@liaison/contracts';
import type { AccountRow } from '../features/accounts/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { AccountPlan } from './demo-model.ts';
import { Random } from './demo-random.ts';
import { ticketSyncActor } from './demo-support-tickets.ts';
import type { Team } from './demo-team.ts';
import { DAY_MS, type DemoClock, iso } from './demo-time.ts';

/** The account fields the playbook engine added, which the story itself does not touch. */
export type ExtraFields = Partial<
  Pick<AccountRow, 'firstValueAt' | 'qualifyUp' | 'lastPriorityReviewAt' | 'supportTicketsTracked'>
>;

export interface AccountEdit {
  at: Date;
  actor: HistoryActor;
  fields: ExtraFields;
}

/** Values already there at the import, and the edits made during the year. */
export interface AccountExtras {
  initial: ExtraFields;
  edits: AccountEdit[];
}

const NO_QUALIFY_UP: QualifyUp = {
  keyLogo: false,
  caseStudy: false,
  channelInitiative: false,
  triageMoreAttention: false,
};
const QUALIFY_UP_FLAGS: (keyof QualifyUp)[] = [
  'keyLogo',
  'caseStudy',
  'channelInitiative',
  'triageMoreAttention',
];

/**
 * Quarterly priority reviews: the TAM reviews each account once a fiscal quarter, a few weeks in;
 * a few accounts missed the last review or two (the manager's "reviews due").
 */
export function planReviews(plans: AccountPlan[], team: Team, clock: DemoClock): Map<string, Date[]> {
  const random = new Random('liaison-demo/reviews');
  const reviews = new Map<string, Date[]>();
  const firstDay = clock.dayOf(clock.importAt) + 30;
  for (const plan of plans) {
    if (!plan.tamEligible) continue;
    const lapsed = random.chance(0.06);
    const list: Date[] = [];
    for (let offset = -4; offset <= 0; offset++) {
      const quarter = clock.quarter(offset);
      const day = quarter.start + random.int(10, 50);
      const at = clock.on(day, plan.region, random.int(10, 16), random.pick([0, 30]));
      if (day > -1 || day < firstDay || (lapsed && offset >= -1)) continue;
      if (clock.dayOf(at) >= quarter.start && team.holder(plan.id, ['tam'], at)) list.push(at);
    }
    if (list.length > 0) reviews.set(plan.id, list);
  }
  return reviews;
}

/**
 * First value (docs/playbook.md, Obligations), Commercial qualify-up flags, the quarterly reviews
 * and the support-ticket feed, as account values at the import or edits at their own instants.
 */
export function planAccountExtras(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  reviews: Map<string, Date[]>,
  ticketsTrackedSince: Map<string, Date>,
): Map<string, AccountExtras> {
  const random = new Random('liaison-demo/account-extras');
  const extras = new Map<string, AccountExtras>();
  const of = (plan: AccountPlan) => {
    const found = extras.get(plan.id) ?? { initial: {}, edits: [] };
    extras.set(plan.id, found);
    return found;
  };
  const byTam = (plan: AccountPlan, at: Date, fields: ExtraFields) =>
    of(plan).edits.push({ at, actor: team.actor(plan, 'tam', at), fields });

  for (const plan of plans) {
    // First value: part of the record at the import for the historic onboardings (most of them);
    // logged by the TAM when reached for this year's new customers.
    const started = plan.final.onboardingStartedAt;
    if (plan.imported && started && random.chance(0.85)) {
      const reached = Date.parse(started) + random.int(8, 40) * DAY_MS;
      const done = plan.final.onboardingCompletedAt ? Date.parse(plan.final.onboardingCompletedAt) : reached;
      of(plan).initial.firstValueAt = iso(new Date(Math.min(reached, done)));
    } else if (plan.onboardingAt) {
      const day = clock.dayOf(plan.onboardingAt) + random.int(9, 34);
      const completed = plan.final.onboardingCompletedAt !== null;
      if (day <= -1 && random.chance(completed ? 0.92 : 0.75)) {
        const at = clock.on(day, plan.region, random.int(10, 17));
        byTam(plan, at, { firstValueAt: at.toISOString() });
      }
    }
    for (const at of reviews.get(plan.id) ?? []) byTam(plan, at, { lastPriorityReviewAt: at.toISOString() });
    const tracked = ticketsTrackedSince.get(plan.id);
    if (tracked)
      of(plan).edits.push({ at: tracked, actor: ticketSyncActor, fields: { supportTicketsTracked: true } });
  }

  // Qualify-up considerations on a few Commercial accounts (one after an at-risk triage).
  const commercial = plans.filter(
    (plan) =>
      (plan.segment === 'mid_market' || plan.segment === 'smb') &&
      plan.lifecycle === 'customer' &&
      team.holder(plan.id, ['tam'], clock.now),
  );
  const troubled = commercial.filter(
    (plan) => plan.final.sentiment === 'yellow' || plan.final.sentiment === 'red',
  );
  const chosen = [
    ...random.sample(troubled, 1).map((plan) => [plan, 'triageMoreAttention'] as const),
    ...random
      .sample(
        commercial.filter((plan) => !troubled.includes(plan)),
        3,
      )
      .map((plan, index) => [plan, QUALIFY_UP_FLAGS[index]!] as const),
  ];
  for (const [plan, flag] of chosen) {
    const at = clock.on(random.int(-150, -10), plan.region, 11);
    byTam(plan, at, { qualifyUp: { ...NO_QUALIFY_UP, [flag]: true } });
  }
  return extras;
}
