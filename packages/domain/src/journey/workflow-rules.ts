import type { AccountSegment, OpportunityStage, TeamRole } from '../assessment/vocabulary.ts';
import type { WorkflowStepTemplate, WorkflowTemplate } from './workflow-schema.ts';
import { isArtefactKind, type RaciRole, type StepState, type WorkflowEvent } from './workflow-vocabulary.ts';

/** Stages in the order an opportunity moves through them; closed-lost is not on the way. */
const STAGE_ORDER: readonly OpportunityStage[] = [
  'discovery',
  'scoping',
  'technical_evaluation',
  'proposal',
  'negotiating',
  'closed_won',
];

/** Position of a stage on the way to closed-won (closed-lost: -1, it gates and starts nothing). */
export const stageRank = (stage: OpportunityStage): number => STAGE_ORDER.indexOf(stage);

export const RACI_ROLE_LABELS: Record<RaciRole, string> = {
  sal: 'SAL',
  ae: 'AE',
  sa: 'SA',
  tam: 'TAM',
  pse: 'PSE',
  sdr: 'SDR',
  account_owner: 'SAL/AE',
  account_team: 'Account team',
  tam_manager: 'TAM manager',
  customer: 'Customer',
};

export interface StepProgress {
  stepId: string;
  state: StepState;
  /** When its start condition first held; null while it waits. */
  openedAt: string | null;
}

export interface WorkflowSituation {
  /** The furthest stage the account's opportunity has reached (null: none yet). */
  opportunityStage: OpportunityStage | null;
  /** Events that have happened on this instance (closed-won, the disengagement flag). */
  events: readonly WorkflowEvent[];
}

const settled = (state: StepState | undefined) => state === 'done' || state === 'skipped';

/** Why a step may start now, in words; null when none of its conditions holds. */
export function startReason(
  step: WorkflowStepTemplate,
  progress: ReadonlyMap<string, StepProgress>,
  situation: WorkflowSituation,
): string | null {
  const { afterSteps, opportunityStage, event } = step.startsWhen;
  if (afterSteps.length === 0 && opportunityStage === null && event === null)
    return 'starts with the workflow';
  if (afterSteps.length > 0 && afterSteps.every((id) => settled(progress.get(id)?.state)))
    return `step${afterSteps.length > 1 ? 's' : ''} ${afterSteps.join(', ')} settled`;
  if (
    opportunityStage !== null &&
    situation.opportunityStage !== null &&
    stageRank(situation.opportunityStage) >= stageRank(opportunityStage) &&
    stageRank(opportunityStage) >= 0
  )
    return `the opportunity reached ${opportunityStage}`;
  if (event !== null && situation.events.includes(event)) return `${event.replace('_', '-')} happened`;
  return null;
}

/**
 * The steps that open now: not opened yet and one of their conditions holds. Opening a step
 * settles nothing, so one pass finds them all (docs/journey.md, What starts a step).
 */
export function stepsToOpen(
  template: WorkflowTemplate,
  progress: ReadonlyMap<string, StepProgress>,
  situation: WorkflowSituation,
): { stepId: string; reason: string }[] {
  const opened: { stepId: string; reason: string }[] = [];
  for (const step of template.steps) {
    const current = progress.get(step.id);
    if (current?.openedAt || settled(current?.state)) continue;
    const reason = startReason(step, progress, situation);
    if (reason) opened.push({ stepId: step.id, reason });
  }
  return opened;
}

/** Due date (YYYY-MM-DD) of a step opened at `openedAt`. */
export function stepDueOn(step: WorkflowStepTemplate, openedAt: string): string {
  const due = new Date(openedAt);
  due.setUTCDate(due.getUTCDate() + step.dueDays);
  return due.toISOString().slice(0, 10);
}

export interface GateStep {
  stepId: string;
  state: StepState;
  /** Whether the output the step must produce exists (an artefact attached, a meeting logged, …). */
  outputPresent: boolean;
}

export interface GateProblem {
  stepId: string;
  activity: string;
  opportunityStage: OpportunityStage;
  output: string;
}

/**
 * What an opportunity leaves behind by moving to `target`: required outputs of steps the matrix
 * ties to an earlier stage, neither present nor skipped with a reason (docs/journey.md, Gates).
 */
export function gateProblems(
  template: WorkflowTemplate,
  steps: readonly GateStep[],
  target: OpportunityStage,
): GateProblem[] {
  const targetRank = stageRank(target);
  if (targetRank < 0) return [];
  const byId = new Map(steps.map((step) => [step.stepId, step]));
  const problems: GateProblem[] = [];
  for (const step of template.steps) {
    if (!step.output?.required || step.opportunityStage === null) continue;
    if (stageRank(step.opportunityStage) >= targetRank) continue;
    const current = byId.get(step.id);
    if (current?.state === 'skipped' || current?.outputPresent) continue;
    problems.push({
      stepId: step.id,
      activity: step.activity,
      opportunityStage: step.opportunityStage,
      output: step.output.description ?? step.output.kind,
    });
  }
  return problems;
}

/** Whether a step's output is an artefact (kept as a document) rather than a record or meeting. */
export const producesArtefact = (step: WorkflowStepTemplate) =>
  step.output !== null && isArtefactKind(step.output.kind);

export interface Person {
  userId: string;
  name: string;
}

export interface ResolveContext {
  segment: AccountSegment;
  team: readonly (Person & { role: TeamRole })[];
  /** The region's TAM managers (or every TAM manager when the region has none). */
  managers: readonly Person[];
  /** The TAM a handoff or handover names, when the account has no TAM yet. */
  designatedTam: Person | null;
}

export interface Resolved {
  person: Person | null;
  explanation: string;
}

const enterpriseLike = (segment: AccountSegment) => segment === 'enterprise' || segment === 'public_sector';

/**
 * Who answers for a RACI role on this account at this moment: the matrix's "Account Executive"
 * is the account owner — the SAL on Enterprise, the AE on Commercial (docs/journey.md, Who is
 * responsible).
 */
export function resolveRole(role: RaciRole, context: ResolveContext): Resolved {
  const holder = (teamRole: TeamRole) => context.team.find((member) => member.role === teamRole) ?? null;
  const person = (found: Person | null): Person | null =>
    found ? { userId: found.userId, name: found.name } : null;
  switch (role) {
    case 'account_owner':
    case 'account_team': {
      const order: TeamRole[] = enterpriseLike(context.segment) ? ['sal', 'ae'] : ['ae', 'sal'];
      for (const teamRole of order) {
        const found = holder(teamRole);
        if (found)
          return {
            person: person(found),
            explanation:
              role === 'account_team'
                ? `the account team; the ${teamRole.toUpperCase()} (${found.name}) answers for it`
                : `the ${teamRole.toUpperCase()} owns the account (${enterpriseLike(context.segment) ? 'Enterprise: SAL' : 'Commercial: AE'})`,
          };
      }
      return { person: null, explanation: 'the account has no SAL or AE on its team' };
    }
    case 'tam': {
      const found = holder('tam');
      if (found) return { person: person(found), explanation: 'the TAM on the account team' };
      if (context.designatedTam)
        return {
          person: context.designatedTam,
          explanation: 'the TAM this workflow names (not yet on the team)',
        };
      return { person: null, explanation: 'the account has no TAM yet' };
    }
    case 'tam_manager': {
      const manager = context.managers[0];
      return manager
        ? { person: manager, explanation: 'a TAM manager of the account’s region' }
        : { person: null, explanation: 'no active TAM manager' };
    }
    case 'customer':
      return { person: null, explanation: 'a contact at the customer' };
    default: {
      const found = holder(role);
      return found
        ? { person: person(found), explanation: `the ${role.toUpperCase()} on the account team` }
        : { person: null, explanation: `the account has no ${role.toUpperCase()} on its team` };
    }
  }
}
