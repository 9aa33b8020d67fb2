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
export function clockAnchor(view: AccountView, last: DatedActivity | null, what: string): Anchor {
  if (last)
    return {
      day: last.day,
      immediate: false,
      activity: last,
      step: `last ${what}: ${last.activity.kind} ${last.activity.id} on ${dateOfDay(last.day)}`,
    };
  if (view.onboardingStartDay !== null)
    return {
      day: view.onboardingStartDay,
      immediate: false,
      activity: null,
      step: `no ${what} logged; clock starts at onboarding start ${dateOfDay(view.onboardingStartDay)}`,
    };
  const tam = currentMembers(view, 'tam')[0];
  if (tam) {
    const day = dayOf(tam.startsAt);
    return {
      day,
      immediate: false,
      activity: null,
      step: `no ${what} logged; clock starts at TAM ${tam.userId}'s assignment ${dateOfDay(day)}`,
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
