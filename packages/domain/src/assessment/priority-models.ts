import { dayOf, toMillis } from './calendar.ts';
import { usd } from './explanation.ts';
import {
  atRiskSignal,
  initiativeThisQuarter,
  type ModelVerdict,
  objectivesCaptured,
  type PriorityContext,
  stagesAdoptedCount,
  tierUpgradeStep,
} from './priority-signals.ts';

const quarterText = (ctx: PriorityContext) =>
  `FY${ctx.quarter.fiscalYear} Q${ctx.quarter.quarter} (${ctx.quarter.start} – ${ctx.quarter.end})`;

/** First rule of every model: a customer in onboarding is Pr1 until onboarding is complete. */
function onboardingStep(ctx: PriorityContext): string {
  return `in onboarding? ${ctx.view.inOnboarding ? 'yes → Pr1' : 'no'}`;
}

/**
 * US Enterprise flowchart (docs/playbook.md, Priority), first "yes" → Pr1, else Pr2: in
 * onboarding; open tier upgrade closing within the window (default 183 days); stage adoption,
 * then infrastructure change, overlapping this fiscal quarter needing > 2 h/week; at risk;
 * within the first 45 days since onboarding started (inclusive, completed or not).
 */
export function usEnterpriseModel(ctx: PriorityContext): ModelVerdict {
  const { view, playbook } = ctx;
  const cfg = playbook.priority.usEnterprise;
  const path = [onboardingStep(ctx)];
  const inputs: Record<string, unknown> = { inOnboarding: view.inOnboarding, quarter: quarterText(ctx) };
  const p1 = (): ModelVerdict => ({ priority: 'pr1', path, inputs });
  if (view.inOnboarding) return p1();
  const upgrade = tierUpgradeStep(view, cfg.tierUpgradeWindowDays);
  path.push(upgrade.hit ? `${upgrade.step} → Pr1` : upgrade.step);
  if (upgrade.hit) return p1();
  for (const [kind, label] of [
    ['stage_adoption', 'stage adoption'],
    ['infrastructure_change', 'infrastructure change'],
  ] as const) {
    const hit = initiativeThisQuarter(view, kind, cfg.initiativeHoursPerWeekAbove, ctx.quarter);
    path.push(
      `${label} in ${quarterText(ctx)} needing > ${cfg.initiativeHoursPerWeekAbove} h/week? ${hit ? `yes (${hit.id}, ${hit.hoursPerWeek} h/week) → Pr1` : 'no'}`,
    );
    if (hit) return p1();
  }
  const risk = atRiskSignal(ctx);
  path.push(risk.atRisk ? `${risk.step} → Pr1` : risk.step);
  if (risk.atRisk) return p1();
  const start = view.onboardingStartDay;
  const day = start === null ? null : view.today - start;
  const early = day !== null && day <= cfg.onboardingWindowDays;
  path.push(
    day === null
      ? 'within the first days of onboarding? no (never started)'
      : `within the first ${cfg.onboardingWindowDays} days of onboarding? ${early ? `yes (day ${day}) → Pr1` : `no (day ${day})`}`,
  );
  inputs['daysSinceOnboardingStart'] = day;
  if (early) return p1();
  path.push('otherwise → Pr2');
  return { priority: 'pr2', path, inputs };
}

/**
 * EMEA Enterprise (docs/playbook.md, Priority): in onboarding → Pr1; otherwise an approved TAM
 * proposal decides; without one, any of the playbook's parameters recorded as applying today
 * suggests Pr1, else Pr2.
 */
export function emeaEnterpriseModel(ctx: PriorityContext): ModelVerdict {
  const { view, playbook } = ctx;
  const path = [onboardingStep(ctx)];
  const known = playbook.priority.emeaEnterprise.parameters;
  const active = view.facts.emeaParameters.filter(
    (p) =>
      known.some((k) => k.id === p.parameter) &&
      dayOf(p.startsOn) <= view.today &&
      (p.endsOn === null || dayOf(p.endsOn) >= view.today),
  );
  const activeIds = [...new Set(active.map((p) => p.parameter))];
  const proposal = view.facts.priorityProposal;
  const approved =
    proposal !== null &&
    proposal.approvedBy !== null &&
    proposal.approvedBy.trim() !== '' &&
    proposal.approvedAt !== null &&
    toMillis(proposal.approvedAt) <= view.now;
  const inputs: Record<string, unknown> = {
    inOnboarding: view.inOnboarding,
    activeParameters: activeIds,
    proposal,
  };
  if (view.inOnboarding) return { priority: 'pr1', path, inputs };
  const suggested = activeIds.length > 0 ? 'pr1' : 'pr2';
  path.push(
    activeIds.length > 0
      ? `parameters applying: ${activeIds.join(', ')} → suggests Pr1`
      : 'no EMEA parameter applies → suggests Pr2',
  );
  if (approved && proposal) {
    path.push(
      `TAM ${proposal.proposedBy} proposed ${proposal.priority.toUpperCase()}, approved by ${proposal.approvedBy} on ${proposal.approvedAt} → ${proposal.priority === 'pr1' ? 'Pr1' : 'Pr2'}`,
    );
    return { priority: proposal.priority, path, inputs };
  }
  if (proposal)
    path.push(`proposal of ${proposal.priority.toUpperCase()} by ${proposal.proposedBy} not approved yet`);
  path.push(`suggestion stands → ${suggested === 'pr1' ? 'Pr1' : 'Pr2'}`);
  return { priority: suggested, path, inputs };
}

/**
 * Commercial (docs/playbook.md, Priority), first match: in onboarding → Pr1; no objectives
 * captured → Pr1; top N by ARR → Pr1; at risk → Pr1; a qualify-up consideration → Pr1;
 * ARR < $75k → Pr2; ≥ 3 stages adopted → Pr2; otherwise Pr1.
 */
export function commercialModel(ctx: PriorityContext): ModelVerdict {
  const { view, playbook } = ctx;
  const cfg = playbook.priority.commercial;
  const f = view.facts;
  const path = [onboardingStep(ctx)];
  const objectives = objectivesCaptured(view);
  const stages = stagesAdoptedCount(view, playbook);
  const inputs: Record<string, unknown> = {
    inOnboarding: view.inOnboarding,
    objectives,
    commercialRank: ctx.commercialRank,
    topN: ctx.commercialTopN,
    arr: f.arr,
    stagesAdopted: stages,
    qualifyUp: f.qualifyUp,
  };
  const verdict = (priority: 'pr1' | 'pr2'): ModelVerdict => ({ priority, path, inputs });
  if (view.inOnboarding) return verdict('pr1');
  path.push(`objectives captured? ${objectives > 0 ? `yes (${objectives})` : 'no → Pr1'}`);
  if (objectives === 0) return verdict('pr1');
  const top = ctx.commercialRank !== null && ctx.commercialRank <= ctx.commercialTopN;
  const rankText =
    ctx.commercialRank === null ? `not in the top ${ctx.commercialTopN}` : `rank ${ctx.commercialRank}`;
  path.push(`top ${ctx.commercialTopN} by ARR? ${top ? `yes (${rankText}) → Pr1` : `no (${rankText})`}`);
  if (top) return verdict('pr1');
  const risk = atRiskSignal(ctx);
  path.push(risk.atRisk ? `${risk.step} → Pr1` : risk.step);
  if (risk.atRisk) return verdict('pr1');
  const upgrade = tierUpgradeStep(view, cfg.qualifyUpTierUpgradeWindowDays);
  const flags = (['keyLogo', 'caseStudy', 'channelInitiative', 'triageMoreAttention'] as const).filter(
    (k) => f.qualifyUp[k],
  );
  const reasons = [
    ...(upgrade.hit ? [`tier upgrade ${upgrade.hit.id} closes ${upgrade.hit.closeDate}`] : []),
    ...flags,
  ];
  path.push(`qualify up? ${reasons.length > 0 ? `yes (${reasons.join(', ')}) → Pr1` : 'no'}`);
  if (reasons.length > 0) return verdict('pr1');
  const small = f.arr < cfg.p2BelowArr;
  path.push(`ARR ${usd(f.arr)} < ${usd(cfg.p2BelowArr)}? ${small ? 'yes → Pr2' : 'no'}`);
  if (small) return verdict('pr2');
  const broad = stages >= cfg.p2MinStagesAdopted;
  path.push(`${stages} stages adopted ≥ ${cfg.p2MinStagesAdopted}? ${broad ? 'yes → Pr2' : 'no'}`);
  if (broad) return verdict('pr2');
  path.push('otherwise → Pr1');
  return verdict('pr1');
}
