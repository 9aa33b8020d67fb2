import type { ActivityKind, ActivityPurpose, StakeholderRole, TeamRole } from '@liaison/contracts';
import { type Assessment, defaultPlaybook } from '@liaison/domain';
import { cadenceInterval, cadenceStates, sentimentPeriods } from './demo-cadence.ts';
import type { AccountPlan, ActorRole, StaffMember } from './demo-model.ts';
import type { Random } from './demo-random.ts';
import type { Team } from './demo-team.ts';
import { PROSPECT_EMAILS } from './demo-text-activities.ts';
import { TRIAGE_REASONS } from './demo-text-playbook.ts';
import type { DemoClock } from './demo-time.ts';

/** One timeline entry to write: what, when, logged by whom, with whom. */
export interface ActivitySpec {
  plan: AccountPlan;
  kind: ActivityKind;
  at: Date;
  creator: StaffMember;
  staff: StaffMember[];
  /** Which of the account's contacts attend, most wanted first; empty for internal entries. */
  contactRoles: StakeholderRole[];
  contactCount: number;
  summary: string | null;
  actionItems: number;
  purposes: ActivityPurpose[];
}

interface Options {
  with?: TeamRole[];
  contacts?: StakeholderRole[];
  contactCount?: number;
  summary?: string;
  actionItems?: number;
  hour?: number;
  purposes?: ActivityPurpose[];
}

const TRIAGE_DAYS = defaultPlaybook.obligations.triage;
const CUSTOMER_SIDE: StakeholderRole[] = ['champion', 'technical_contact', 'admin', 'decision_maker'];
const EXECUTIVES: StakeholderRole[] = ['economic_buyer', 'executive_sponsor', 'champion', 'decision_maker'];

/**
 * A year of account work: cadence, onboarding, reviews, escalations, sales touches. `forecast`
 * (the engine's view of each account today) sets the cadence, EBRs and triage updates the
 * account's priority and health ask for, kept by most accounts and lapsed on a few.
 */
export function planActivities(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  random: Random,
  forecast: Map<string, Assessment>,
) {
  const specs: ActivitySpec[] = [];
  const states = cadenceStates(plans, team, clock, forecast);
  for (const plan of plans) {
    const assessed = forecast.get(plan.id);
    const first = Math.max(clock.dayOf(plan.createdAt) + 1, -365);
    const last = plan.churnAt ? clock.dayOf(plan.churnAt) : -1;
    const add = (kind: ActivityKind, day: number, role: ActorRole, options: Options = {}) => {
      if (day < first || day > last) return;
      const at = clock.on(day, plan.region, options.hour ?? random.int(9, 16), random.pick([0, 15, 30, 45]));
      const creator = team.person(plan, role, at);
      const staff = (options.with ?? [])
        .map((teamRole) => team.holder(plan.id, [teamRole], at))
        .filter((member): member is StaffMember => member !== null && member.id !== creator.id);
      specs.push({
        plan,
        kind,
        at,
        creator,
        staff: [...new Map(staff.map((member) => [member.id, member])).values()],
        contactRoles: options.contacts ?? [],
        contactCount: options.contactCount ?? (options.contacts ? random.int(1, 3) : 0),
        summary: options.summary ?? null,
        actionItems: options.actionItems ?? 0,
        purposes: options.purposes ?? [],
      });
    };
    const managed = team.of(plan.id).filter((item) => item.role === 'tam');
    // While a TAM is on the account, and while it is a customer.
    const tamFrom = Math.min(...managed.map((item) => clock.dayOf(item.startsAt)));
    const tamTo = Math.max(...managed.map((item) => (item.endsAt ? clock.dayOf(item.endsAt) - 1 : -1)));
    const tamWindow = [Math.max(first, tamFrom), Math.min(last, tamTo)] as const;
    const customerWindow = [plan.wonAt ? clock.dayOf(plan.wonAt) : first, last] as const;
    const spread = (
      window: readonly [number, number],
      count: number,
      kind: ActivityKind,
      role: ActorRole,
      options: Options = {},
    ) => {
      for (let index = 0; index < count; index++) add(kind, random.int(window[0], window[1]), role, options);
    };

    // Onboarding: kickoff within two weeks, weekly calls until done, then the cadence.
    let cadenceFrom = first;
    if (plan.onboardingAt) {
      const start = clock.dayOf(plan.onboardingAt);
      const kickoff = start + random.int(3, 10);
      const done = plan.final.onboardingCompletedAt
        ? clock.dayOf(new Date(plan.final.onboardingCompletedAt))
        : -1;
      add('kickoff', kickoff, 'tam', {
        with: ['sal', 'ae', 'sa'],
        contacts: EXECUTIVES,
        contactCount: 3,
        actionItems: 3,
      });
      for (
        let day = kickoff + random.int(5, 9), count = 0;
        day <= done && count < 6;
        day += random.int(6, 10), count++
      ) {
        add('onboarding_call', day, 'tam', {
          with: ['pse'],
          contacts: CUSTOMER_SIDE,
          actionItems: random.int(1, 2),
        });
      }
      cadenceFrom = Math.max(done, kickoff + 28);
      // The first cadence call (due 30 days into onboarding), missed by a few.
      if (!plan.final.onboardingCompletedAt && random.chance(0.85)) {
        add('cadence_call', start + random.int(15, 28), 'tam', { contacts: CUSTOMER_SIDE, actionItems: 1 });
      }
    }
    // Cadence calls while a TAM is on the account, at the interval its priority asks for, the
    // last one leaving the account on cadence, due soon or overdue today (neglected: overdue).
    const interval = cadenceInterval(plan, assessed);
    for (const assignment of managed) {
      const from = Math.max(cadenceFrom, clock.dayOf(assignment.startsAt));
      const current = assignment.endsAt === null || assignment.endsAt.getTime() > clock.now.getTime();
      let day: number;
      if (current) {
        const state = states.get(plan.id) ?? 'ok';
        day =
          state === 'ok'
            ? -random.int(2, interval - 10)
            : state === 'due_soon'
              ? -random.int(interval - 6, interval - 3)
              : -random.int(interval + 3, interval + Math.min(interval, 40));
      } else {
        day = clock.dayOf(assignment.endsAt!) - 1 - random.int(0, Math.round(interval / 2));
      }
      for (; day >= from; day -= interval + random.int(-7, 1)) {
        add('cadence_call', day, 'tam', { contacts: CUSTOMER_SIDE, actionItems: random.int(0, 3) });
      }
    }
    const tamNow = team.holder(plan.id, ['tam'], clock.now) !== null;
    if (managed.length > 0) {
      let ebrs = plan.tier === 1 ? random.int(1, 2) : plan.tier === 2 && random.chance(0.5) ? 1 : 0;
      // Pr1: an EBR within the last year, a few a year ago (due about now: overdue by days, not
      // months); this year's customers are not due yet.
      if (tamNow && assessed?.priority.priority === 'pr1' && !plan.onboardingAt) {
        const lapsing = random.chance(0.06);
        const from = Math.max(tamWindow[0], lapsing ? -365 : -330);
        add('ebr', random.int(from, lapsing ? Math.max(from, -350) : -20), 'tam', {
          with: ['sal', 'ae', 'sa'],
          contacts: EXECUTIVES,
          contactCount: 3,
          actionItems: 3,
          hour: 14,
        });
        ebrs = Math.max(0, ebrs - 1);
      }
      spread(tamWindow, ebrs, 'ebr', 'tam', {
        with: ['sal', 'ae', 'sa'],
        contacts: EXECUTIVES,
        contactCount: 3,
        actionItems: 3,
        hour: 14,
      });
      spread(tamWindow, plan.tier <= 2 ? 1 : random.int(0, 1), 'health_check', 'tam', {
        contacts: ['admin', 'technical_contact'],
        actionItems: 2,
      });
      const contacts: StakeholderRole[] = ['technical_contact', 'admin', 'champion'];
      spread(tamWindow, random.int(0, 1), 'training', 'tam', { contacts });
      spread(tamWindow, random.int(0, 2), 'email', 'tam', { contacts: ['champion'], contactCount: 1 });
      spread(tamWindow, random.int(0, 1), 'note', 'tam');
      if ((plan.segment === 'enterprise' || plan.segment === 'public_sector') && plan.tier <= 2) {
        for (let day = tamWindow[0] + random.int(10, 90); day <= tamWindow[1]; day += random.int(85, 110)) {
          add('meeting', day, 'owner', {
            with: ['tam', 'sa'],
            summary: 'Account team meeting',
            actionItems: random.int(1, 2),
          });
        }
      }
    } else if (plan.lifecycle === 'customer' || plan.lifecycle === 'new_customer') {
      spread(customerWindow, random.int(0, 2), 'email', 'owner', {
        contacts: ['champion', 'economic_buyer'],
        contactCount: 1,
      });
      if (random.chance(0.3)) {
        spread(customerWindow, 1, 'meeting', 'owner', { contacts: CUSTOMER_SIDE, actionItems: 1 });
      }
    }
    // Renewal obligations (docs/playbook.md, Obligations): between T−180 and T−120 the internal
    // review and the customer conversation, marked with their purpose; a few upcoming ones still
    // missing (not two months before the renewal: by then they are done, none overdue by months).
    const renewals = plan.events
      .filter((event) => event.kind === 'renewal')
      .map((event) => clock.dayOf(event.at));
    if (plan.final.renewalDate) renewals.push(clock.dayOfDate(plan.final.renewalDate));
    for (const renewal of managed.length > 0 || plan.churnAt ? renewals : []) {
      const missable = renewal >= 60;
      if (!missable || random.chance(0.85)) {
        add('meeting', renewal - random.int(126, 175), 'owner', {
          with: ['tam'],
          summary: 'Internal renewal review',
          actionItems: 2,
          purposes: ['renewal_review'],
        });
      }
      if (!missable || random.chance(0.85)) {
        add('meeting', renewal - random.int(110, 170), 'owner', {
          with: ['tam'],
          contacts: ['economic_buyer', 'champion', 'decision_maker'],
          contactCount: 2,
          summary: "Renewal conversation: next year's scope and terms",
          actionItems: 1,
          purposes: ['renewal_conversation'],
        });
      }
    }
    // Health yellow or red today: triage updates every 14 / 7 days since the sentiment was set
    // (lapsed on a few). Earlier red periods: a few updates, and escalations for the worst.
    const colour = assessed?.health.colour;
    const triaging = tamNow && (colour === 'yellow' || colour === 'red');
    if (triaging) {
      const every = colour === 'red' ? TRIAGE_DAYS.redEveryDays : TRIAGE_DAYS.yellowEveryDays;
      const setDay = plan.final.sentimentSetAt ? clock.dayOf(new Date(plan.final.sentimentSetAt)) : -60;
      const since = random.chance(0.15) ? random.int(every + 2, every + 20) : random.int(1, every - 3);
      for (let day = -since; day > Math.max(setDay, -90); day -= every - random.int(0, 2)) {
        add('triage_update', day, 'tam', {
          with: colour === 'red' ? ['sal', 'ae'] : [],
          actionItems: random.int(0, 1),
        });
      }
    }
    // Flagged Requires Triage: the update that says why, with the account owner.
    const flagged = plan.events.find((event) => event.kind === 'triage');
    if (flagged) {
      add('triage_update', clock.dayOf(flagged.at), 'tam', {
        with: ['sal', 'ae'],
        summary: random.pick(TRIAGE_REASONS),
        actionItems: 2,
        hour: 17,
      });
    }
    for (const period of managed.length > 0 ? sentimentPeriods(plan, clock) : []) {
      if (period.colour === 'red') {
        const until = Math.min(period.to, last);
        for (
          let day = period.from + 2, count = 0;
          day <= until && count < 4 && !(triaging && period.to === -1);
          day += random.int(8, 16), count++
        ) {
          add('triage_update', day, 'tam', { with: ['sal', 'ae'], actionItems: random.int(0, 1) });
        }
        if (random.chance(0.4)) {
          add('escalation_update', period.from + 1, 'tam', {
            with: ['sal', 'ae'],
            contacts: ['champion'],
            actionItems: 2,
          });
          add('escalation_update', period.from + random.int(5, 10), 'tam', {
            with: ['sal', 'ae'],
            contacts: ['champion'],
          });
        }
      }
    }
    // Sales touches: the SDR on leads, discovery and demos once qualified.
    if (plan.lifecycle === 'lead' || plan.qualifiedAt) {
      const until = plan.qualifiedAt ? clock.dayOf(plan.qualifiedAt) : -1;
      for (let index = random.int(1, 3); index > 0; index--) {
        add('email', random.int(first, Math.max(first, until)), 'sdr', {
          contacts: ['technical_contact', 'champion'],
          contactCount: 1,
          summary: random.pick(PROSPECT_EMAILS),
        });
      }
    }
    if (plan.qualifiedAt) {
      const qualified = clock.dayOf(plan.qualifiedAt);
      const won = plan.wonAt ? clock.dayOf(plan.wonAt) : -1;
      add('meeting', qualified + random.int(2, 7), 'owner', {
        with: ['sa'],
        contacts: ['champion', 'decision_maker'],
        summary: 'Discovery meeting: current toolchain',
        actionItems: 2,
      });
      add('demo', Math.min(won, qualified + random.int(10, 20)), 'owner', {
        with: ['sa'],
        contacts: CUSTOMER_SIDE,
        contactCount: 2,
      });
    }
  }
  return specs;
}
