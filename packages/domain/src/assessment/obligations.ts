import type { Playbook } from '../playbook/playbook-schema.ts';
import { type AccountView, firstActivityFrom } from './account-view.ts';
import { dateOfDay, dayOf } from './calendar.ts';
import { explain } from './explanation.ts';
import type { HealthResult } from './health.ts';
import { successPlanObligation } from './obligation-success-plan.ts';
import { notBeforeEngagement, type Obligation, statusFor, statusText } from './obligation-types.ts';
import { onboardingObligations } from './obligations-onboarding.ts';
import {
  cadenceObligation,
  ebrObligation,
  priorityReviewObligation,
  triageObligation,
} from './obligations-recurring.ts';
import type { PriorityResult } from './priority.ts';
import type { ActivityPurpose } from './vocabulary.ts';

/**
 * Renewal (docs/playbook.md, Obligations): from T−180 days until the renewal date T, the internal
 * renewal review and the customer renewal conversation are each due by T−120, satisfied by an
 * activity marked with that purpose on or after T−180.
 */
export function renewalObligations(view: AccountView, playbook: Playbook): Obligation[] {
  const date = view.facts.renewalDate;
  if (date === null) return [];
  const cfg = playbook.obligations.renewal;
  const renewal = dayOf(date);
  const opens = renewal - cfg.openDaysBefore;
  if (view.today < opens || view.today > renewal) return [];
  // The clock starts when the window opens, or with the TAM's engagement if that is later.
  const clock = notBeforeEngagement(view, playbook, opens);
  const dueDay = clock.day + (cfg.openDaysBefore - cfg.reviewByDaysBefore);
  const make = (kind: 'renewal_review' | 'renewal_conversation', purpose: ActivityPurpose, label: string) => {
    const hit = firstActivityFrom(view, opens, (a) => a.purposes?.includes(purpose) ?? false);
    const status = hit ? 'ok' : statusFor(dueDay, view.today, playbook);
    return {
      kind,
      dueDate: dateOfDay(dueDay),
      status,
      fulfilled: hit !== null,
      satisfiedBy: hit?.activity.id ?? null,
      explanation: explain(
        `obligation.${kind}`,
        [
          `renewal ${date}: playbook opened ${dateOfDay(opens)} (T−${cfg.openDaysBefore})`,
          clock.step
            ? `${clock.step}: ${label} due ${cfg.openDaysBefore - cfg.reviewByDaysBefore} days after it, by ${dateOfDay(dueDay)}`
            : `${label} due by ${dateOfDay(dueDay)} (T−${cfg.reviewByDaysBefore})`,
          hit
            ? `logged: ${hit.activity.kind} ${hit.activity.id} on ${dateOfDay(hit.day)} → ok`
            : `not logged: ${statusText(status, dueDay, view.today)}`,
        ],
        { renewalDate: date, purpose },
      ),
    } satisfies Obligation;
  };
  return [
    make('renewal_review', 'renewal_review', 'internal renewal review'),
    make('renewal_conversation', 'renewal_conversation', 'customer renewal conversation'),
  ];
}

/**
 * Every obligation of a managed (Pr1/Pr2) account; unmanaged accounts (Pr3/Pr4) have none.
 * Order: cadence, onboarding goals, EBR, success plan, renewal, priority review, triage.
 */
export function obligations(
  view: AccountView,
  playbook: Playbook,
  p: PriorityResult,
  h: HealthResult,
): { list: Obligation[]; triage: Obligation | null } {
  if (p.model === null || (p.priority !== 'pr1' && p.priority !== 'pr2')) return { list: [], triage: null };
  // Obligations a TAM owes exist only while the account has one (docs/playbook.md, Obligations).
  if (playbook.obligations.requireTam && view.tamEngagement === null) return { list: [], triage: null };
  const list: Obligation[] = [cadenceObligation(view, playbook, p.model, p.priority)];
  list.push(...onboardingObligations(view, playbook));
  if (playbook.obligations.ebr.priorities.includes(p.priority)) list.push(ebrObligation(view, playbook));
  list.push(successPlanObligation(view, playbook, p.priority));
  list.push(...renewalObligations(view, playbook));
  if (playbook.obligations.priorityReview.enabled) list.push(priorityReviewObligation(view, playbook));
  const triage = triageObligation(view, playbook, h);
  if (triage) list.push(triage);
  return { list, triage };
}
