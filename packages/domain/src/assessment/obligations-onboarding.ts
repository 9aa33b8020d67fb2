import type { Playbook } from '../playbook/playbook-schema.ts';
import { type AccountView, type DatedActivity, firstActivityFrom } from './account-view.ts';
import { dateOfDay, dayOf, toMillis } from './calendar.ts';
import { explain } from './explanation.ts';
import {
  notBeforeEngagement,
  type Obligation,
  type ObligationKind,
  statusFor,
  statusText,
} from './obligation-types.ts';
import type { ActivityKind } from './vocabulary.ts';

function oneOff(
  kind: ObligationKind,
  view: AccountView,
  playbook: Playbook,
  due: { day: number; step: string },
  done: { by: DatedActivity | null; at: number | null; step: string },
  inputs: Record<string, unknown>,
): Obligation {
  const fulfilled = done.at !== null;
  const status = fulfilled ? 'ok' : statusFor(due.day, view.today, playbook);
  const path = [due.step, done.step];
  path.push(fulfilled ? 'done → ok' : statusText(status, due.day, view.today));
  return {
    kind,
    dueDate: dateOfDay(due.day),
    status,
    fulfilled,
    satisfiedBy: done.by?.activity.id ?? null,
    explanation: explain(`obligation.${kind}`, path, inputs),
  };
}

function byActivity(view: AccountView, start: number, kinds: readonly ActivityKind[], label: string) {
  const hit = firstActivityFrom(view, start, (a) => kinds.includes(a.kind));
  return {
    by: hit,
    at: hit?.at ?? null,
    step: hit
      ? `first ${label}: ${hit.activity.kind} ${hit.activity.id} on ${dateOfDay(hit.day)}`
      : `no ${label} logged since onboarding started`,
  };
}

/**
 * Onboarding goals while onboarding runs (docs/playbook.md, Obligations), each counted in days
 * from onboarding start: kickoff ≤ 14, time to engage (first call/meeting) ≤ 14, first cadence
 * call ≤ 30, time to first value ≤ 30 from the contract start (onboarding start when unknown),
 * time to onboard ≤ 45.
 */
export function onboardingObligations(view: AccountView, playbook: Playbook): Obligation[] {
  const start = view.onboardingStartDay;
  if (!view.inOnboarding || start === null) return [];
  const cfg = playbook.obligations.onboarding;
  const startText = dateOfDay(start);
  // The goals' clocks start with the onboarding, but never before the TAM's engagement.
  const from = notBeforeEngagement(view, playbook, start);
  const fromText = from.step ? ` (${from.step})` : '';
  const due = (days: number, goal: string) => ({
    day: from.day + days,
    step: `${goal} within ${days} days of onboarding start ${startText}${fromText}`,
  });
  const inputs = { onboardingStartedAt: view.facts.onboarding?.startedAt };
  const firstValueAt = view.facts.onboarding?.firstValueAt ?? null;
  const valueReached = firstValueAt !== null && toMillis(firstValueAt) <= view.now;
  const contract = view.facts.contractStart;
  const valueFrom = notBeforeEngagement(view, playbook, contract === null ? start : dayOf(contract));
  return [
    oneOff(
      'onboarding_kickoff',
      view,
      playbook,
      due(cfg.kickoffDays, 'kick-off call'),
      byActivity(view, start, ['kickoff'], 'kick-off'),
      inputs,
    ),
    oneOff(
      'onboarding_time_to_engage',
      view,
      playbook,
      due(cfg.timeToEngageDays, 'first call or meeting'),
      byActivity(view, start, cfg.engageActivityKinds, 'call or meeting'),
      { ...inputs, activityKinds: cfg.engageActivityKinds },
    ),
    oneOff(
      'onboarding_first_cadence_call',
      view,
      playbook,
      due(cfg.firstCadenceCallDays, 'first cadence call'),
      byActivity(view, start, ['cadence_call'], 'cadence call'),
      inputs,
    ),
    oneOff(
      'onboarding_time_to_first_value',
      view,
      playbook,
      {
        day: valueFrom.day + cfg.timeToFirstValueDays,
        step: `first value within ${cfg.timeToFirstValueDays} days of ${contract === null ? `onboarding start ${startText} (no contract start)` : `contract start ${contract}`}${valueFrom.step ? ` (${valueFrom.step})` : ''}`,
      },
      {
        by: null,
        at: valueReached ? toMillis(firstValueAt) : null,
        step: valueReached ? `first value reached ${firstValueAt}` : 'first value not reached yet',
      },
      { ...inputs, contractStart: contract, firstValueAt },
    ),
    oneOff(
      'onboarding_time_to_onboard',
      view,
      playbook,
      due(cfg.timeToOnboardDays, 'onboarding completed'),
      { by: null, at: null, step: 'onboarding not completed yet' },
      inputs,
    ),
  ];
}
