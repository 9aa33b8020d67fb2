import type { Playbook } from '../playbook/playbook-schema.ts';
import { type AccountView, currentMembers, type DatedActivity } from './account-view.ts';
import { dateOfDay, dayOf } from './calendar.ts';
import type { Explanation } from './explanation.ts';

export const OBLIGATION_KINDS = [
  'cadence',
  'onboarding_check_in',
  'onboarding_kickoff',
  'onboarding_time_to_engage',
  'onboarding_first_cadence_call',
  'onboarding_time_to_first_value',
  'onboarding_time_to_onboard',
  'ebr',
  'success_plan',
  'renewal_review',
  'renewal_conversation',
  'priority_review',
  'triage_update',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** How a list names an obligation (the task list's title for it). */
export const OBLIGATION_LABELS: Record<ObligationKind, string> = {
  cadence: 'Cadence call',
  onboarding_check_in: 'Onboarding check-in',
  onboarding_kickoff: 'Onboarding kick-off',
  onboarding_time_to_engage: 'Onboarding: time to engage',
  onboarding_first_cadence_call: 'Onboarding: first cadence call',
  onboarding_time_to_first_value: 'Onboarding: time to first value',
  onboarding_time_to_onboard: 'Onboarding: time to onboard',
  ebr: 'Executive business review',
  success_plan: 'Success plan',
  renewal_review: 'Internal renewal review',
  renewal_conversation: 'Renewal conversation with the customer',
  priority_review: 'Quarterly priority review',
  triage_update: 'Triage update',
};

/** ok: not due within `dueSoonDays` (or fulfilled); due_soon: due within them; overdue: past due. */
export type ObligationStatus = 'ok' | 'due_soon' | 'overdue';

/** Something the TAM owes the account, with its due date and what satisfied it. */
export interface Obligation {
  kind: ObligationKind;
  /** Date it is due (inclusive: due today is not overdue). */
  dueDate: string;
  status: ObligationStatus;
  /**
   * True when a one-off obligation is done or a standing requirement is met; recurring
   * obligations (cadence, EBR, triage updates, priority review) are never fulfilled, their due
   * date moves instead.
   */
  fulfilled: boolean;
  /** Activity that satisfied it (for recurring ones: the activity that restarted the clock). */
  satisfiedBy: string | null;
  explanation: Explanation;
}

/** Status of an unfulfilled obligation due on `dueDay`. */
export function statusFor(dueDay: number, today: number, playbook: Playbook): ObligationStatus {
  if (today > dueDay) return 'overdue';
  return dueDay - today <= playbook.obligations.dueSoonDays ? 'due_soon' : 'ok';
}

export function statusText(status: ObligationStatus, dueDay: number, today: number): string {
  if (status === 'overdue') return `${today - dueDay} day(s) past due → overdue`;
  if (status === 'due_soon') return `due in ${dueDay - today} day(s) → due soon`;
  return `due in ${dueDay - today} day(s) → ok`;
}

/**
 * The day no clock may start before (docs/playbook.md, Obligations): the start of the TAM's
 * current engagement, when obligations require a TAM; null otherwise.
 */
export function engagementFloor(view: AccountView, playbook: Playbook): { day: number; step: string } | null {
  const engagement = view.tamEngagement;
  if (!playbook.obligations.requireTam || engagement === null) return null;
  return { day: engagement.day, step: `TAM engaged since ${dateOfDay(engagement.day)}` };
}

/** `day`, or the engagement floor when that is later (with the step that says so). */
export function notBeforeEngagement(
  view: AccountView,
  playbook: Playbook,
  day: number,
): { day: number; step: string | null } {
  const floor = engagementFloor(view, playbook);
  return floor && floor.day > day
    ? { day: floor.day, step: `${floor.step}: no clock starts before it` }
    : { day, step: null };
}

export interface Anchor {
  day: number;
  /** Nothing to count from: the obligation is due today. */
  immediate: boolean;
  activity: DatedActivity | null;
  step: string;
}

/**
 * The clock of a recurring obligation: the last qualifying activity, else onboarding start,
 * else the current TAM's assignment (the latest one); with none of these it is due today.
 */
export function clockAnchor(
  view: AccountView,
  last: DatedActivity | null,
  what: string,
  playbook: Playbook,
): Anchor {
  const floor = engagementFloor(view, playbook);
  const before = (day: number) => floor !== null && day < floor.day;
  if (last && !before(last.day))
    return {
      day: last.day,
      immediate: false,
      activity: last,
      step: `last ${what}: ${last.activity.kind} ${last.activity.id} on ${dateOfDay(last.day)}`,
    };
  const earlier = last
    ? `last ${what} ${dateOfDay(last.day)} is before the TAM's engagement`
    : `no ${what} logged`;
  if (view.onboardingStartDay !== null && !before(view.onboardingStartDay))
    return {
      day: view.onboardingStartDay,
      immediate: false,
      activity: null,
      step: `${earlier}; clock starts at onboarding start ${dateOfDay(view.onboardingStartDay)}`,
    };
  if (floor)
    return {
      day: floor.day,
      immediate: false,
      activity: null,
      step: `${earlier}; clock starts: ${floor.step}`,
    };
  const tam = currentMembers(view, 'tam')[0];
  if (tam) {
    const day = dayOf(tam.startsAt);
    return {
      day,
      immediate: false,
      activity: null,
      step: `${earlier}; clock starts at TAM ${tam.userId}'s assignment ${dateOfDay(day)}`,
    };
  }
  return {
    day: view.today,
    immediate: true,
    activity: null,
    step: `no ${what} logged, no onboarding, no TAM → due today`,
  };
}

/** Start of the standing requirements (success plan): onboarding start, else TAM assignment, else today. */
export function engagementStart(view: AccountView): { day: number; step: string } {
  if (view.onboardingStartDay !== null)
    return { day: view.onboardingStartDay, step: `onboarding started ${dateOfDay(view.onboardingStartDay)}` };
  const tam = currentMembers(view, 'tam')[0];
  if (tam)
    return { day: dayOf(tam.startsAt), step: `TAM ${tam.userId} assigned ${dateOfDay(dayOf(tam.startsAt))}` };
  return { day: view.today, step: 'no onboarding and no TAM: counted from today' };
}
