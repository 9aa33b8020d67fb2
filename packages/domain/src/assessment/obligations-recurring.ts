import type { Playbook } from '../playbook/playbook-schema.ts';
import { type AccountView, lastActivity } from './account-view.ts';
import { dateOfDay, dayOf, fiscalQuarterOf, toMillis } from './calendar.ts';
import { explain } from './explanation.ts';
import type { HealthResult } from './health.ts';
import {
  clockAnchor,
  engagementFloor,
  notBeforeEngagement,
  type Obligation,
  type ObligationKind,
  statusFor,
  statusText,
} from './obligation-types.ts';
import type { PriorityModel } from './vocabulary.ts';

function recurring(
  kind: ObligationKind,
  view: AccountView,
  playbook: Playbook,
  anchor: { day: number; immediate?: boolean; satisfiedBy: string | null; steps: string[] },
  intervalDays: number,
  inputs: Record<string, unknown>,
): Obligation {
  const dueDay = anchor.immediate ? view.today : anchor.day + intervalDays;
  const status = statusFor(dueDay, view.today, playbook);
  const path = [...anchor.steps];
  if (!anchor.immediate)
    path.push(`${dateOfDay(anchor.day)} + ${intervalDays} days → due ${dateOfDay(dueDay)}`);
  path.push(statusText(status, dueDay, view.today));
  return {
    kind,
    dueDate: dateOfDay(dueDay),
    status,
    fulfilled: false,
    satisfiedBy: anchor.satisfiedBy,
    explanation: explain(`obligation.${kind}`, path, { ...inputs, intervalDays }),
  };
}

/**
 * Cadence call: every 28 days during onboarding (a check-in), else Pr1 every 30 days and Pr2
 * every 60 (Commercial Pr2 90), counted from the last cadence or onboarding call, else the
 * onboarding start, else the TAM's assignment.
 */
export function cadenceObligation(
  view: AccountView,
  playbook: Playbook,
  model: PriorityModel,
  priority: 'pr1' | 'pr2',
): Obligation {
  const cfg = playbook.obligations.cadence;
  const interval = view.inOnboarding ? cfg.onboardingCheckInDays : cfg.intervalDays[model][priority];
  const anchor = clockAnchor(
    view,
    lastActivity(view, cfg.clockActivityKinds),
    cfg.clockActivityKinds.join(' or '),
    playbook,
  );
  const rule = view.inOnboarding
    ? `in onboarding: a check-in every ${interval} days`
    : `${priority.toUpperCase()} (${model}): a cadence call every ${interval} days`;
  return recurring(
    view.inOnboarding ? 'onboarding_check_in' : 'cadence',
    view,
    playbook,
    { ...anchor, satisfiedBy: anchor.activity?.activity.id ?? null, steps: [rule, anchor.step] },
    interval,
    { priority, model, inOnboarding: view.inOnboarding, activityKinds: cfg.clockActivityKinds },
  );
}

/** EBR: at least one every `everyDays` (365) for the configured priorities (Pr1). */
export function ebrObligation(view: AccountView, playbook: Playbook): Obligation {
  const days = playbook.obligations.ebr.everyDays;
  const anchor = clockAnchor(view, lastActivity(view, ['ebr']), 'EBR', playbook);
  return recurring(
    'ebr',
    view,
    playbook,
    {
      ...anchor,
      satisfiedBy: anchor.activity?.activity.id ?? null,
      steps: [`an EBR at least every ${days} days`, anchor.step],
    },
    days,
    {},
  );
}

/**
 * Quarterly priority review: after a review in fiscal quarter Q the next is due by the last day
 * of Q+1; never reviewed → by the end of the current quarter.
 */
export function priorityReviewObligation(view: AccountView, playbook: Playbook): Obligation {
  const start = playbook.fiscalYearStartMonth;
  const lastAt = view.facts.lastPriorityReviewAt;
  const floor = engagementFloor(view, playbook);
  const reviewed = lastAt !== null && toMillis(lastAt) <= view.now ? dayOf(lastAt) : null;
  // A review before the TAM's engagement was someone else's: this TAM has not reviewed yet.
  const last = reviewed !== null && floor !== null && reviewed < floor.day ? null : reviewed;
  const current = fiscalQuarterOf(view.today, start);
  let dueDay: number;
  let step: string;
  if (last === null) {
    dueDay = current.endDay;
    step = `${reviewed !== null ? `last reviewed ${dateOfDay(reviewed)}, before the TAM's engagement` : 'never reviewed'} → due by the end of FY${current.fiscalYear} Q${current.quarter}`;
  } else {
    const q = fiscalQuarterOf(last, start);
    const next = fiscalQuarterOf(q.endDay + 1, start);
    dueDay = next.endDay;
    step = `last reviewed ${dateOfDay(last)} (FY${q.fiscalYear} Q${q.quarter}) → next due by the end of FY${next.fiscalYear} Q${next.quarter}`;
  }
  const status = statusFor(dueDay, view.today, playbook);
  return {
    kind: 'priority_review',
    dueDate: dateOfDay(dueDay),
    status,
    fulfilled: false,
    satisfiedBy: null,
    explanation: explain('obligation.priority_review', [step, statusText(status, dueDay, view.today)], {
      lastPriorityReviewAt: lastAt,
      fiscalYearStartMonth: start,
    }),
  };
}

/**
 * Triage updates while health is yellow (every 14 days) or red (every 7), counted from the
 * later of the last triage update and the day a yellow/red sentiment was set; neither → today.
 */
export function triageObligation(view: AccountView, playbook: Playbook, h: HealthResult): Obligation | null {
  if (h.colour !== 'yellow' && h.colour !== 'red') return null;
  const cfg = playbook.obligations.triage;
  const interval = h.colour === 'red' ? cfg.redEveryDays : cfg.yellowEveryDays;
  const update = lastActivity(view, ['triage_update']);
  const s = view.facts.sentiment;
  const sentimentDay = s && s.value !== 'green' && toMillis(s.setAt) <= view.now ? dayOf(s.setAt) : null;
  const steps = [`health ${h.colour}: a triage update every ${interval} days`];
  let anchor: { day: number; immediate?: boolean; satisfiedBy: string | null; steps: string[] };
  if (update && (sentimentDay === null || update.day >= sentimentDay)) {
    steps.push(`last triage update ${update.activity.id} on ${dateOfDay(update.day)}`);
    anchor = { day: update.day, satisfiedBy: update.activity.id, steps };
  } else if (sentimentDay !== null) {
    steps.push(`no triage update since the ${s?.value} sentiment was set on ${dateOfDay(sentimentDay)}`);
    anchor = { day: sentimentDay, satisfiedBy: null, steps };
  } else {
    steps.push('no triage update logged and no yellow/red sentiment date → due today');
    anchor = { day: view.today, immediate: true, satisfiedBy: null, steps };
  }
  const floored = notBeforeEngagement(view, playbook, anchor.day);
  if (floored.step && !anchor.immediate) {
    steps.push(floored.step);
    anchor = { day: floored.day, satisfiedBy: null, steps };
  }
  return recurring('triage_update', view, playbook, anchor, interval, { healthColour: h.colour });
}
