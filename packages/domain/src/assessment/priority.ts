import type { Playbook } from '../playbook/playbook-schema.ts';
import type { PriorityExceptionFact } from './account-facts.ts';
import type { AccountView } from './account-view.ts';
import { dateOfDay, fiscalQuarterOf, toMillis } from './calendar.ts';
import { type Explanation, explain } from './explanation.ts';
import { commercialModel, emeaEnterpriseModel, usEnterpriseModel } from './priority-models.ts';
import { atRiskSignal, type ModelVerdict, type PriorityContext } from './priority-signals.ts';
import type { TamAlignmentResult } from './tam-alignment.ts';
import type { Priority, PriorityModel } from './vocabulary.ts';

export interface PriorityResult {
  priority: Priority;
  /** The model that decided a managed account; null for Pr3/Pr4. */
  model: PriorityModel | null;
  inOnboarding: boolean;
  /** At risk of contraction or churn (docs/playbook.md, At risk). */
  atRisk: boolean;
  /**
   * A managed (TAM-aligned) account without a TAM: the model's priority is shown, but nothing is
   * owed until a TAM is assigned (`obligations.requireTam`); managers see it as needing a TAM.
   */
  provisional: boolean;
  /** Id of the exception that changed the model's verdict, or null. */
  exceptionId: string | null;
  explanation: Explanation;
}

const MODEL_NAMES: Record<PriorityModel, string> = {
  us_enterprise: 'US Enterprise',
  emea_enterprise: 'EMEA Enterprise',
  commercial: 'Commercial',
};
const MS_PER_DAY = 86_400_000;

/**
 * Instant (exclusive) an exception stops counting: its `expiresAt`, but never later than the
 * start of the fiscal quarter after the one it was approved in (the next quarterly review).
 */
export function exceptionExpiry(e: PriorityExceptionFact, playbook: Playbook): number {
  const approved = toMillis(e.approvedAt);
  const quarter = fiscalQuarterOf(Math.floor(approved / MS_PER_DAY), playbook.fiscalYearStartMonth);
  const nextReview = (quarter.endDay + 1) * MS_PER_DAY;
  return e.expiresAt === null ? nextReview : Math.min(toMillis(e.expiresAt), nextReview);
}

/** Why an exception does not count now, or null when it does. */
export function exceptionProblem(e: PriorityExceptionFact, playbook: Playbook, now: number): string | null {
  if (e.reason.trim() === '') return 'no reason given';
  if (e.approvedBy.trim() === '') return 'no approver';
  if (!playbook.priority.exceptionApproverRoles.includes(e.approvedByRole))
    return `approver role ${e.approvedByRole} may not approve exceptions`;
  if (toMillis(e.approvedAt) > now) return `approved only on ${e.approvedAt}`;
  const expiry = exceptionExpiry(e, playbook);
  if (now >= expiry) return `expired on ${dateOfDay(Math.floor(expiry / MS_PER_DAY))}`;
  return null;
}

function applyExceptions(verdict: ModelVerdict, view: AccountView, playbook: Playbook) {
  const valid = (kind: 'p1' | 'p2') =>
    view.facts.priorityExceptions
      .filter((e) => e.kind === kind && exceptionProblem(e, playbook, view.now) === null)
      .sort((a, b) => toMillis(b.approvedAt) - toMillis(a.approvedAt))[0] ?? null;
  for (const e of view.facts.priorityExceptions) {
    const problem = exceptionProblem(e, playbook, view.now);
    if (problem) verdict.path.push(`${e.kind.toUpperCase()} exception ${e.id} ignored: ${problem}`);
  }
  let priority: 'pr1' | 'pr2' = verdict.priority;
  let exceptionId: string | null = null;
  const p1 = valid('p1');
  if (p1) {
    verdict.path.push(`approved P1 exception ${p1.id} ("${p1.reason}", ${p1.approvedBy}) → Pr1`);
    if (priority !== 'pr1') exceptionId = p1.id;
    priority = 'pr1';
  }
  const p2 = valid('p2');
  if (p2 && priority === 'pr1') {
    if (view.inOnboarding) verdict.path.push(`P2 exception ${p2.id} does not apply during onboarding → Pr1`);
    else {
      verdict.path.push(`approved P2 exception ${p2.id} ("${p2.reason}", ${p2.approvedBy}) → Pr2`);
      priority = 'pr2';
      exceptionId = p2.id;
    }
  }
  return { priority, exceptionId };
}

/**
 * Customer priority: unmanaged accounts are Pr3 (with a parent) or Pr4 (without); managed
 * accounts (TAM-eligible or with a TAM) go through the model the playbook maps to their
 * segment × region, then approved, unexpired exceptions are applied (P1 first, then P2).
 */
export function priority(
  view: AccountView,
  playbook: Playbook,
  alignment: TamAlignmentResult,
  ctx: Omit<PriorityContext, 'view' | 'playbook'>,
): PriorityResult {
  const full: PriorityContext = { ...ctx, view, playbook };
  const f = view.facts;
  const risk = atRiskSignal(full);
  const managedStep = `managed? ${alignment.managed ? `yes (${alignment.eligible ? 'TAM-aligned' : 'has a TAM'})` : 'no (not TAM-aligned, no TAM)'}`;
  if (!alignment.managed) {
    const child = f.parentAccountId !== null;
    const path = [managedStep, `child of another account? ${child ? 'yes → Pr3' : 'no → Pr4 (digital)'}`];
    return {
      priority: child ? 'pr3' : 'pr4',
      model: null,
      inOnboarding: view.inOnboarding,
      atRisk: risk.atRisk,
      provisional: false,
      exceptionId: null,
      explanation: explain('priority.unmanaged', path, { parentAccountId: f.parentAccountId }),
    };
  }
  const model = playbook.priority.modelBySegment[f.segment][f.region];
  const run =
    model === 'us_enterprise'
      ? usEnterpriseModel
      : model === 'emea_enterprise'
        ? emeaEnterpriseModel
        : commercialModel;
  const verdict = run(full);
  verdict.path.unshift(managedStep, `model for ${f.segment} × ${f.region}: ${MODEL_NAMES[model]}`);
  const { priority: result, exceptionId } = applyExceptions(verdict, view, playbook);
  const provisional = playbook.obligations.requireTam && view.tamEngagement === null;
  if (provisional)
    verdict.path.push(
      `no TAM → ${result.toUpperCase()} is provisional: nothing is owed until a TAM is assigned`,
    );
  return {
    priority: result,
    model,
    inOnboarding: view.inOnboarding,
    atRisk: risk.atRisk,
    provisional,
    exceptionId,
    explanation: explain(`priority.${model}`, verdict.path, {
      ...verdict.inputs,
      segment: f.segment,
      region: f.region,
      exceptions: f.priorityExceptions.map((e) => e.id),
    }),
  };
}
