import type { HealthColour, SuccessPlanStatus } from '@liaison/contracts';
import type { Assessment } from '@liaison/domain';
import { successPlanObjectives, successPlans } from '../db/schema.ts';
import type { PriorityExceptionRow } from '../features/priority-inputs/index.ts';
import {
  type ObjectiveRow,
  presentObjective,
  presentSuccessPlanRecord,
  type SuccessPlanRow,
} from '../features/success-plans/index.ts';
import type { AccountPlan } from './demo-model.ts';
import type { P1Plan } from './demo-p1-balance.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { Team } from './demo-team.ts';
import { OBJECTIVES, STRATEGIES } from './demo-text-playbook.ts';
import type { DemoClock } from './demo-time.ts';
import { type HistoryLog, materialise, stampingStatusChange, type Version } from './demo-timeline.ts';

type PlanFields = Pick<SuccessPlanRow, 'status' | 'strategy'>;
type ObjectiveFields = Pick<ObjectiveRow, 'title' | 'description' | 'status' | 'dueDate'>;

/** Objectives per plan by the priority the engine gives (Pr1 needs ≥ 3, all green). */
const OBJECTIVE_COUNTS: Record<
  'pr1' | 'pr2',
  Record<'active' | 'draft', readonly (readonly [number, number])[]>
> = {
  pr1: {
    active: [
      [3, 38],
      [4, 32],
      [5, 22],
      [2, 3],
    ],
    draft: [
      [1, 10],
      [2, 15],
      [3, 45],
      [4, 30],
    ],
  },
  pr2: {
    active: [
      [1, 20],
      [2, 35],
      [3, 30],
      [4, 15],
    ],
    draft: [
      [0, 20],
      [1, 40],
      [2, 40],
    ],
  },
};

const MAX_GAPS_PER_TAM = 2;
/**
 * A plan short of its standard fell short lately (docs/playbook.md, Obligations: due 30 days
 * after it stopped meeting it): drafted or activated within these days, so a TAM's week shows it
 * overdue by weeks, not by months; an account never given a plan has had its TAM about as long.
 */
const FELL_SHORT: readonly [number, number] = [-100, -40];
/** Objectives off track today left green (or slid further) since this day at the earliest. */
const SLID_SINCE = -80;

/**
 * Success plans of the TAM-managed accounts, as the TAMs wrote them during the year: a draft
 * with its objectives, activated a few weeks later (most), still a draft (some) or never written
 * (a few); closed when the customer churned. Objective colours follow the account's health, and
 * change over time.
 */
export function buildSuccessPlanRows(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  log: HistoryLog,
  forecast: Map<string, Assessment>,
  p1: P1Plan,
  exceptions: PriorityExceptionRow[],
) {
  const random = new Random('liaison-demo/success-plans');
  const ids = new Random('liaison-demo/objective-ids');
  const planRow = rowsOf(successPlans);
  const objectiveRow = rowsOf(successPlanObjectives);
  const result = { plans: [] as SuccessPlanRow[], objectives: [] as ObjectiveRow[] };
  const gaps = new Map<string, number>();
  // Accounts the TAMs make P1 (a driver, an approved P1 exception) are planned as Pr1 ones.
  const madeP1 = new Set([
    ...p1.drivers.keys(),
    ...exceptions
      .filter((item) => item.kind === 'p1' && item.status === 'approved')
      .map((item) => item.accountId),
  ]);

  for (const plan of plans) {
    const tams = team.of(plan.id).filter((item) => item.role === 'tam');
    if (tams.length === 0) continue;
    const tamFrom = Math.max(Math.min(...tams.map((item) => clock.dayOf(item.startsAt))), -330);
    const churnDay = plan.churnAt ? clock.dayOf(plan.churnAt) : null;
    const onboardingDay = plan.onboardingAt ? clock.dayOf(plan.onboardingAt) : null;
    let created =
      onboardingDay !== null
        ? onboardingDay + random.int(4, 12)
        : random.int(tamFrom, Math.max(tamFrom, -45));
    const assessed = forecast.get(plan.id);
    const priority = assessed?.priority.priority === 'pr1' || madeP1.has(plan.id) ? 'pr1' : 'pr2';
    const early = onboardingDay !== null && onboardingDay > -21;
    // Never written: mostly where the TAM (or the onboarding) started lately; else a late draft.
    const engaged = team.engagedSince(plan.id, clock.now);
    const engagedDay = Math.max(engaged ? clock.dayOf(engaged) : -Infinity, onboardingDay ?? -Infinity);
    const lately = engagedDay >= FELL_SHORT[0];
    let status: SuccessPlanStatus | 'none' = early
      ? 'draft'
      : random.weighted<SuccessPlanStatus | 'none'>([
          ['active', lately ? 45 : 86],
          ['draft', 9],
          ['none', lately ? 46 : 5],
        ]);
    if (status === 'none' && !lately) status = 'draft';
    // Objectives: how many the priority asks for; off track more often on an unhealthy account
    // (Pr1 needs every objective green: its TAM keeps them there more often).
    let count = random.weighted(OBJECTIVE_COUNTS[priority][status === 'active' ? 'active' : 'draft']);
    const healthy = assessed?.health.colour === 'green' || assessed?.health.colour == null;
    let troubled = random.chance(priority === 'pr2' ? 0.35 : healthy ? 0.04 : 0.2);
    const tamNow = team.holder(plan.id, ['tam'], clock.now);
    // No plan, a draft or no objective only where it cannot tip the health: the success plan
    // weighs on the score of a yellow account, not on a green one's (docs/playbook.md, Health).
    if (tamNow && !early && plan.final.sentiment !== 'green' && plan.final.sentiment !== 'red') {
      status = 'active';
      count = Math.max(count, 1);
    }
    // Each TAM lets at most two plans fall short of the standard; the others are kept up.
    const short = status === 'none' || (priority === 'pr1' ? count < 3 || troubled : count < 1);
    if (tamNow && short && !early) {
      const used = gaps.get(tamNow.id) ?? 0;
      if (used >= MAX_GAPS_PER_TAM) {
        status = 'active';
        count = Math.max(count, priority === 'pr1' ? 3 : 1);
        troubled = troubled && priority === 'pr2';
      } else gaps.set(tamNow.id, used + 1);
    }
    // Short of the standard by its number of objectives: drafted or activated lately.
    const fewer = status !== 'none' && count < (priority === 'pr1' ? 3 : 1);
    if (tamNow && fewer && !early) created = Math.max(created, random.int(FELL_SHORT[0], FELL_SHORT[1]));
    if (status === 'none' || created > -2 || (churnDay !== null && created >= churnDay - 20)) continue;

    const at = (day: number, hour = 15) => clock.on(day, plan.region, hour, random.pick([0, 15, 30, 45]));
    const createdAt = at(created, 14);
    const byTam = (when: Date) => team.actor(plan, 'tam', when);
    const draft: PlanFields = { status: 'draft', strategy: random.pick(STRATEGIES) };
    const versions: Version<PlanFields>[] = [{ at: createdAt, actor: byTam(createdAt), fields: draft }];
    const activated = Math.min(created + random.int(7, 35), churnDay ?? -1, -1);
    if (status === 'active' && activated > created) {
      const when = at(activated);
      versions.push({ at: when, actor: byTam(when), fields: { ...draft, status: 'active' } });
      if (churnDay !== null && churnDay + 3 <= -1) {
        const closed = at(churnDay + 3);
        versions.push({ at: closed, actor: byTam(closed), fields: { ...draft, status: 'closed' } });
      }
    }
    result.plans.push(
      materialise(
        log,
        { entityType: 'success_plan', entityId: plan.id, accountId: plan.id },
        versions,
        stampingStatusChange((fields, meta, statusChangedAt) =>
          planRow({ accountId: plan.id, ...meta, ...fields, statusChangedAt }),
        ),
        presentSuccessPlanRecord,
      )!,
    );

    const offTrack = troubled ? random.int(1, Math.min(2, Math.max(1, count))) : 0;
    const lastDay = churnDay !== null ? churnDay - 1 : -1;
    random.sample(OBJECTIVES, count).forEach(([title, description], index) => {
      const colour: HealthColour =
        index < offTrack ? (random.chance(healthy ? 0.15 : 0.3) ? 'red' : 'yellow') : 'green';
      const addedDay = Math.min(created + (index < 2 ? 0 : random.int(0, 120)), lastDay);
      const addedAt = clock.after(createdAt, at(addedDay, 14), 5 + index);
      const fields: ObjectiveFields = {
        title,
        description,
        status: colour === 'red' && random.chance(0.5) ? 'yellow' : 'green',
        dueDate: clock.date(random.int(Math.max(addedDay + 30, -45), 300)),
      };
      const objectiveVersions: Version<ObjectiveFields>[] = [{ at: addedAt, actor: byTam(addedAt), fields }];
      const firstDay = clock.dayOf(addedAt) + 7;
      if (firstDay < lastDay && (fields.status !== colour || random.chance(0.15))) {
        // A wobble (green → yellow → green), or the slide to where it is now.
        const steps: HealthColour[] = fields.status === colour ? ['yellow', colour] : [colour];
        let day = firstDay;
        steps.forEach((step, stepIndex) => {
          // The slide to where it is now, when off track: lately (the plan fell short lately).
          const latest = Math.max(day, lastDay - 3);
          const slid = stepIndex === steps.length - 1 && step !== 'green';
          day = random.int(slid ? Math.min(latest, Math.max(day, SLID_SINCE)) : day, latest);
          const when = at(day, 16);
          objectiveVersions.push({ at: when, actor: byTam(when), fields: { ...fields, status: step } });
          day += 3;
        });
      }
      const id = ids.uuid();
      result.objectives.push(
        materialise(
          log,
          { entityType: 'objective', entityId: id, accountId: plan.id },
          objectiveVersions,
          stampingStatusChange((state, meta, statusChangedAt) =>
            objectiveRow({ id, accountId: plan.id, ...meta, ...state, statusChangedAt }),
          ),
          presentObjective,
        )!,
      );
    });
  }
  return result;
}
