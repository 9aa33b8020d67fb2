import type { Playbook } from '../playbook/playbook-schema.ts';
import type { AccountFacts } from './account-facts.ts';
import { type AccountView, currentMembers } from './account-view.ts';
import { type Explanation, explain, usd, yesNo } from './explanation.ts';

export interface TamAlignmentResult {
  /** Plan ≥ the minimum plan and ARR ≥ the minimum ARR (inclusive). */
  eligible: boolean;
  /** A TAM is on the account team now. */
  hasTam: boolean;
  /** User ids of the current TAMs, latest assignment first. */
  tamUserIds: string[];
  /** Eligible with no TAM: a TAM manager should assign one. */
  needsTam: boolean;
  /** A TAM is assigned but the account is not (or no longer) eligible. */
  disengagementCandidate: boolean;
  /** Eligible or has a TAM: the account goes through a priority model (Pr1/Pr2). */
  managed: boolean;
  explanation: Explanation;
}

/** Rank of a plan in the playbook's plan order (lowest 0), -1 when the plan is unknown. */
export const planRank = (plan: string, playbook: Playbook): number => playbook.plans.indexOf(plan);

/** Eligibility alone: Premium and above with ARR ≥ $100k get a TAM (docs/playbook.md, TAM alignment). */
export function isTamEligible(facts: Pick<AccountFacts, 'plan' | 'arr'>, playbook: Playbook): boolean {
  const { minimumPlan, minimumArr } = playbook.tamAlignment;
  const rank = planRank(facts.plan, playbook);
  return rank >= 0 && rank >= planRank(minimumPlan, playbook) && facts.arr >= minimumArr;
}

/** TAM alignment (docs/playbook.md, TAM alignment) and what a manager should do about it. */
export function tamAlignment(view: AccountView, playbook: Playbook): TamAlignmentResult {
  const { facts } = view;
  const { minimumPlan, minimumArr } = playbook.tamAlignment;
  const rank = planRank(facts.plan, playbook);
  const planOk = rank >= 0 && rank >= planRank(minimumPlan, playbook);
  const arrOk = facts.arr >= minimumArr;
  const eligible = planOk && arrOk;
  const tams = currentMembers(view, 'tam');
  const hasTam = tams.length > 0;
  const path = [
    `plan "${facts.plan}" ≥ ${minimumPlan}? ${rank < 0 ? 'no (plan not in the plan list)' : yesNo(planOk)}`,
    `ARR ${usd(facts.arr)} ≥ ${usd(minimumArr)}? ${yesNo(arrOk)}`,
    `eligible for a TAM? ${yesNo(eligible)}`,
    `TAM assigned? ${hasTam ? `yes (${tams.map((t) => t.userId).join(', ')})` : 'no'}`,
  ];
  const needsTam = eligible && !hasTam;
  const disengagementCandidate = hasTam && !eligible;
  if (needsTam) path.push('eligible without a TAM → needs a TAM');
  else if (disengagementCandidate)
    path.push('TAM on an account below the threshold → disengagement candidate');
  else path.push(eligible ? 'eligible and aligned → ok' : 'not eligible and no TAM → digital / unmanaged');
  return {
    eligible,
    hasTam,
    tamUserIds: tams.map((t) => t.userId),
    needsTam,
    disengagementCandidate,
    managed: eligible || hasTam,
    explanation: explain('tam_alignment', path, {
      plan: facts.plan,
      arr: facts.arr,
      minimumPlan,
      minimumArr,
      tamUserIds: tams.map((t) => t.userId),
    }),
  };
}
