import type { HealthColour, SuccessPlanStatus } from '@liaison/contracts';
import type { Assessment } from '@liaison/domain';
import { successPlanObjectives, successPlans } from '../db/schema.ts';
import {
  type ObjectiveRow,
  presentObjective,
  presentSuccessPlanRecord,
  type SuccessPlanRow,
} from '../features/success-plans/index.ts';
import type { AccountPlan } from './demo-model.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { Team } from './demo-team.ts';
import { OBJECTIVES, STRATEGIES } from './demo-text-playbook.ts';
import type { DemoClock } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

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
) {
  const random = new Random('liaison-demo/success-plans');
  const ids = new Random('liaison-demo/objective-ids');
  const planRow = rowsOf(successPlans);
  const objectiveRow = rowsOf(successPlanObjectives);
  const result = { plans: [] as SuccessPlanRow[], objectives: [] as ObjectiveRow[] };
  const gaps = new Map<string, number>();

  for (const plan of plans) {
    const tams = team.of(plan.id).filter((item) => item.role === 'tam');
    if (tams.length === 0) continue;
    const tamFrom = Math.max(Math.min(...tams.map((item) => clock.dayOf(item.startsAt))), -330);
    const churnDay = plan.churnAt ? clock.dayOf(plan.churnAt) : null;
    const onboardingDay = plan.onboardingAt ? clock.dayOf(plan.onboardingAt) : null;
    const created =
      onboardingDay !== null
        ? onboardingDay + random.int(4, 12)
        : random.int(tamFrom, Math.max(tamFrom, -45));
    const assessed = forecast.get(plan.id);
    const priority = assessed?.priority.priority === 'pr1' ? 'pr1' : 'pr2';
    const early = onboardingDay !== null && onboardingDay > -21;
    let status: SuccessPlanStatus | 'none' = early
      ? 'draft'
      : random.weighted<SuccessPlanStatus | 'none'>([
          ['active', 86],
          ['draft', 9],
          ['none', 5],
        ]);
    // Objectives: how many the priority asks for; off track more often on an unhealthy account
    // (Pr1 needs every objective green: its TAM keeps them there more often).
    let count = random.weighted(OBJECTIVE_COUNTS[priority][status === 'active' ? 'active' : 'draft']);
    const healthy = assessed?.health.colour === 'green' || assessed?.health.colour == null;
    let troubled = random.chance(priority === 'pr2' ? 0.35 : healthy ? 0.04 : 0.2);
    // Each TAM lets at most two plans fall short of the standard; the others are kept up.
    const tamNow = team.holder(plan.id, ['tam'], clock.now);
    const short = status === 'none' || (priority === 'pr1' ? count < 3 || troubled : count < 1);
    if (tamNow && short && !early) {
      const used = gaps.get(tamNow.id) ?? 0;
      if (used >= MAX_GAPS_PER_TAM) {
        status = 'active';
        count = Math.max(count, priority === 'pr1' ? 3 : 1);
        troubled = troubled && priority === 'pr2';
      } else gaps.set(tamNow.id, used + 1);
    }
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
        (fields, meta) => planRow({ accountId: plan.id, ...meta, ...fields }),
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
        for (const step of steps) {
          day = random.int(day, Math.max(day, lastDay - 3));
          const when = at(day, 16);
          objectiveVersions.push({ at: when, actor: byTam(when), fields: { ...fields, status: step } });
          day += 3;
        }
      }
      const id = ids.uuid();
      result.objectives.push(
        materialise(
          log,
          { entityType: 'objective', entityId: id, accountId: plan.id },
          objectiveVersions,
          (state, meta) => objectiveRow({ id, accountId: plan.id, ...meta, ...state }),
          presentObjective,
        )!,
      );
    });
  }
  return result;
}
