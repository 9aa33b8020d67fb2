import type { Playbook } from '../playbook/playbook-schema.ts';
import type { AccountView } from './account-view.ts';
import { dateOfDay, dayOf, toMillis } from './calendar.ts';
import { explain } from './explanation.ts';
import {
  engagementFloor,
  engagementStart,
  type Obligation,
  statusFor,
  statusText,
} from './obligation-types.ts';

interface Cause {
  day: number;
  step: string;
}

const later = (a: Cause | null, b: Cause | null): Cause | null => (!a ? b : !b ? a : b.day > a.day ? b : a);
const known = (instant: string | null | undefined, now: number): number | null =>
  instant && toMillis(instant) <= now ? dayOf(instant) : null;

/**
 * Success plan standard (docs/playbook.md, Obligations): Pr1 ≥ 3 objectives, all green; Pr2 ≥ 1
 * objective — counted in the plan in force (draft or active; a closed plan counts as none;
 * `requireActive` excludes drafts); fulfilled while the standard is met.
 *
 * Due (`countFrom: unmet`): `graceDays` after the plan last stopped meeting the standard — the
 * earliest of the objectives not green now left green, the plan was closed, the account became
 * Pr1 — and never before the TAM's engagement start + `graceDays`, so "overdue by N days" never
 * exceeds the time since its cause. `countFrom: engagement`: `dueDays` after onboarding start,
 * else the TAM's assignment (the earlier reading).
 */
export function successPlanObligation(
  view: AccountView,
  playbook: Playbook,
  priority: 'pr1' | 'pr2',
): Obligation {
  const cfg = playbook.obligations.successPlan;
  const need = cfg[priority];
  const plan = view.facts.successPlan;
  const inForce = plan !== null && (need.requireActive ? plan.status === 'active' : plan.status !== 'closed');
  const objectives = inForce ? plan.objectives : [];
  const enough = objectives.length >= need.minObjectives;
  const nonGreenObjectives = objectives.filter((o) => o.status !== 'green');
  const green = !need.allGreen || nonGreenObjectives.length === 0;
  const met = inForce && enough && green;
  const rule = `${priority.toUpperCase()}: ${need.requireActive ? 'an active' : 'a draft or active'} success plan with ≥ ${need.minObjectives} objective(s)${need.allGreen ? ', all green' : ''}`;
  const nonGreen = nonGreenObjectives.map((o) => o.id);
  const state = !plan
    ? 'no success plan'
    : !inForce
      ? `${plan.status} plan does not count`
      : `${plan.status} plan, ${objectives.length} objective(s)${nonGreen.length ? `, not green: ${nonGreen.join(', ')}` : ''}`;

  let dueDay: number;
  const dueSteps: string[] = [];
  if (cfg.countFrom === 'engagement') {
    const from = engagementStart(view);
    dueDay = from.day + cfg.dueDays;
    dueSteps.push(`${from.step} + ${cfg.dueDays} days → due ${dateOfDay(dueDay)}`);
  } else {
    // Met: the grace would start today, should the standard stop being met.
    const cause = met
      ? { day: view.today, step: 'met today' }
      : unmetSince(view, playbook, priority, { inForce, enough, green });
    const from = cause ?? { day: engagementStart(view).day, step: engagementStart(view).step };
    dueDay = from.day + cfg.graceDays;
    dueSteps.push(`${from.step} + ${cfg.graceDays} days' grace → due ${dateOfDay(dueDay)}`);
  }
  const status = met ? 'ok' : statusFor(dueDay, view.today, playbook);
  return {
    kind: 'success_plan',
    dueDate: dateOfDay(dueDay),
    status,
    fulfilled: met,
    satisfiedBy: null,
    explanation: explain(
      'obligation.success_plan',
      [rule, state, ...dueSteps, met ? 'met → ok' : `not met: ${statusText(status, dueDay, view.today)}`],
      { planStatus: plan?.status ?? null, objectives: objectives.length, nonGreen, countFrom: cfg.countFrom },
    ),
  };
}

/** When the plan last stopped meeting the standard, as far as the facts tell, with its cause. */
function unmetSince(
  view: AccountView,
  playbook: Playbook,
  priority: 'pr1' | 'pr2',
  state: { inForce: boolean; enough: boolean; green: boolean },
): Cause | null {
  const plan = view.facts.successPlan;
  const planChanged = known(plan?.statusChangedAt, view.now);
  let failure: Cause | null = null;
  if (!plan) failure = null;
  else if (!state.inForce)
    failure =
      planChanged === null
        ? null
        : { day: planChanged, step: `plan ${plan.status} since ${dateOfDay(planChanged)}` };
  else if (!state.enough)
    failure =
      planChanged === null
        ? null
        : {
            day: planChanged,
            step: `too few objectives since the plan became ${plan.status} on ${dateOfDay(planChanged)}`,
          };
  else if (!state.green) {
    // The plan has not been all green since the earliest of its non-green objectives left green.
    for (const o of plan.objectives.filter((x) => x.status !== 'green')) {
      const day = known(o.statusChangedAt, view.now) ?? planChanged;
      if (day === null) continue;
      if (!failure || day < failure.day)
        failure = { day, step: `objective ${o.id} ${o.status} since ${dateOfDay(day)}` };
    }
  }
  // A stricter standard applies from the day the account became Pr1.
  const previous = view.facts.previousPriority;
  const pr1 =
    priority === 'pr1' && previous
      ? previous.priority === 'pr1'
        ? known(previous.since, view.now)
        : view.today
      : null;
  const becamePr1 = pr1 === null ? null : { day: pr1, step: `Pr1 since ${dateOfDay(pr1)}` };
  const floor = engagementFloor(view, playbook);
  const onboarding =
    view.onboardingStartDay === null
      ? null
      : { day: view.onboardingStartDay, step: `onboarding started ${dateOfDay(view.onboardingStartDay)}` };
  // Never before the TAM's engagement (or the customer's onboarding) began.
  const cause = later(
    later(later(failure, becamePr1), floor ? { day: floor.day, step: floor.step } : null),
    onboarding,
  );
  if (!cause) return null;
  const named = [failure, becamePr1].filter((c): c is Cause => c !== null && c.day <= cause.day);
  return {
    day: cause.day,
    step: `not met since ${dateOfDay(cause.day)} (${cause.step}${named.length && !named.includes(cause) ? `; ${named.map((c) => c.step).join('; ')}` : ''})`,
  };
}
