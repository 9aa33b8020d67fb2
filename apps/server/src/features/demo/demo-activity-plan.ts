import type { ActivityKind, StakeholderRole, TeamRole } from '@liaison/contracts';
import type { AccountPlan, ActorRole, StaffMember } from './demo-model.ts';
import type { Random } from './demo-random.ts';
import type { Team } from './demo-team.ts';
import { PROSPECT_EMAILS } from './demo-text-activities.ts';
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
}

interface Options {
  with?: TeamRole[];
  contacts?: StakeholderRole[];
  contactCount?: number;
  summary?: string;
  actionItems?: number;
  hour?: number;
}

const CADENCE_DAYS: Record<number, number> = { 0: 90, 1: 28, 2: 42, 3: 75 };
const CUSTOMER_SIDE: StakeholderRole[] = ['champion', 'technical_contact', 'admin', 'decision_maker'];
const EXECUTIVES: StakeholderRole[] = ['economic_buyer', 'executive_sponsor', 'champion', 'decision_maker'];

/** The colour of the account's sentiment between its changes. */
function sentimentPeriods(plan: AccountPlan, clock: DemoClock) {
  const changes = plan.events.filter((event) => event.kind === 'sentiment');
  const periods = [{ colour: plan.initial.sentiment, from: clock.dayOf(plan.createdAt), to: -1 }];
  for (const change of changes) {
    periods.at(-1)!.to = clock.dayOf(change.at) - 1;
    periods.push({ colour: change.after.sentiment ?? null, from: clock.dayOf(change.at), to: -1 });
  }
  return periods;
}

/** A year of account work: cadence, onboarding, reviews, escalations, sales touches. */
export function planActivities(plans: AccountPlan[], team: Team, clock: DemoClock, random: Random) {
  const specs: ActivitySpec[] = [];
  for (const plan of plans) {
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
    }
    // Cadence calls while a TAM is on the account (lapsed lately on neglected accounts).
    for (const assignment of managed) {
      const interval = CADENCE_DAYS[plan.tier]!;
      const from = Math.max(cadenceFrom, clock.dayOf(assignment.startsAt));
      const to = Math.min(
        assignment.endsAt ? clock.dayOf(assignment.endsAt) - 1 : -1,
        plan.neglected ? -70 : -1,
      );
      for (let day = from + random.int(2, interval); day <= to; day += interval + random.int(-5, 6)) {
        add('cadence_call', day, 'tam', { contacts: CUSTOMER_SIDE, actionItems: random.int(0, 3) });
      }
    }
    if (managed.length > 0) {
      const ebrs = plan.tier === 1 ? random.int(1, 2) : plan.tier === 2 && random.chance(0.5) ? 1 : 0;
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
    // Renewal reviews 120 days ahead, for renewals this year and the next one.
    const renewals = plan.events
      .filter((event) => event.kind === 'renewal')
      .map((event) => clock.dayOf(event.at));
    if (plan.final.renewalDate) renewals.push(clock.dayOfDate(plan.final.renewalDate));
    for (const renewal of managed.length > 0 || plan.churnAt ? renewals : []) {
      add('meeting', renewal - 120, 'owner', {
        with: ['tam'],
        summary: 'Internal renewal review',
        actionItems: 2,
      });
    }
    // Red and yellow periods: triage updates, and escalations for the worst.
    for (const period of managed.length > 0 ? sentimentPeriods(plan, clock) : []) {
      if (period.colour === 'red') {
        const until = Math.min(period.to, last);
        for (
          let day = period.from + 2, count = 0;
          day <= until && count < 4;
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
      } else if (period.colour === 'yellow' && period.to === -1 && random.chance(0.4)) {
        for (let day = Math.max(period.from, -60) + 3; day <= -1; day += random.int(14, 20)) {
          add('triage_update', day, 'tam', { actionItems: random.int(0, 1) });
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
