import { defaultPlaybook, type OpportunityStage, stageRank } from '@liaison/domain';
import { DAY_MS } from './demo-time.ts';

const HOUR_MS = 3_600_000;

export interface StageMove {
  at: Date;
  stage: OpportunityStage;
}

const journey = defaultPlaybook.journey.templates.find((template) => template.kind === 'journey')!;

/**
 * The stage a step's work happens in: its matrix stage, except the contract (signed while
 * negotiating, the deal closes on it) and the lead's steps before any opportunity.
 */
function workStage(stepId: string): OpportunityStage {
  if (stepId === '16') return 'negotiating';
  return journey.steps.find((step) => step.id === stepId)!.opportunityStage ?? 'discovery';
}

/**
 * When each step before `target` (by position) was done: while the opportunity was in that
 * step's stage, spread over the stage's time; a stage passed before the journey started is
 * caught up in its first days; the current stage's work is in the last weeks (before `until`,
 * when a finished journey ended). Times never go
 * back in position order, so every step's predecessors are settled before it (what opens it),
 * and the required outputs of a stage exist before the opportunity leaves it (no gate to pass).
 */
export function scheduleSteps(
  target: number,
  moves: readonly StageMove[],
  start: Date,
  now: Date,
  until = now,
): Date[] {
  const sorted = [...moves].sort((a, b) => a.at.getTime() - b.at.getTime());
  const reached = (stage: OpportunityStage, strictly: boolean) =>
    sorted.find((move) =>
      strictly ? stageRank(move.stage) > stageRank(stage) : stageRank(move.stage) >= stageRank(stage),
    )?.at ?? null;
  const latest = until.getTime() - DAY_MS;
  const windows = new Map<string, { lo: number; hi: number; ids: string[] }>();
  const steps = journey.steps.slice(0, target - 1);
  for (const step of steps) {
    const stage = workStage(step.id);
    const enter = Math.max(reached(stage, false)?.getTime() ?? start.getTime(), start.getTime());
    const leave = reached(stage, true)?.getTime() ?? null;
    let lo = enter;
    let hi = leave ?? latest;
    if (leave === null) lo = Math.max(lo, until.getTime() - 40 * DAY_MS);
    else if (leave <= start.getTime() + HOUR_MS) {
      lo = start.getTime();
      hi = start.getTime() + 3 * DAY_MS;
    }
    if (hi <= lo) lo = hi - DAY_MS;
    const key = `${lo}:${hi}`;
    const window = windows.get(key) ?? { lo, hi, ids: [] };
    window.ids.push(step.id);
    windows.set(key, window);
  }
  const times: Date[] = [];
  let previous = start.getTime();
  for (const step of steps) {
    const window = [...windows.values()].find((candidate) => candidate.ids.includes(step.id))!;
    const fraction = (window.ids.indexOf(step.id) + 1) / (window.ids.length + 1);
    const planned = window.lo + (window.hi - window.lo) * fraction;
    previous = Math.min(Math.max(planned, previous + 45 * 60_000), until.getTime() - 2 * HOUR_MS);
    times.push(new Date(previous));
  }
  return times;
}

/** The opportunity stage an account must be at for `target` to be its journey's current step. */
export function stageFor(target: number): OpportunityStage | null {
  if (target <= 4) return null;
  if (target <= 6) return 'scoping';
  if (target <= 10) return 'technical_evaluation';
  if (target <= 14) return 'proposal';
  if (target <= 16) return 'negotiating';
  return 'closed_won';
}
