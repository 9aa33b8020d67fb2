import type { OpportunityStage, OpportunityType } from '@liaison/contracts';
import { defaultPlaybook } from '@liaison/domain';
import { opportunities } from '../db/schema.ts';
import { type OpportunityRow, presentOpportunity } from '../features/opportunities/index.ts';
import { seatPrice } from './demo-account-values.ts';
import type { AccountPlan } from './demo-model.ts';
import type { P1Plan } from './demo-p1-balance.ts';
import { Random, roundTo, salesforceId } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { importActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { type DemoClock, fiscalYear } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

type Fields = Pick<OpportunityRow, 'name' | 'type' | 'stage' | 'amount' | 'closeDate' | 'externalIds'>;

const OPEN: OpportunityStage[] = ['discovery', 'scoping', 'technical_evaluation', 'proposal', 'negotiating'];
const OPEN_WEIGHTS: (readonly [OpportunityStage, number])[] = [
  ['discovery', 25],
  ['scoping', 20],
  ['technical_evaluation', 20],
  ['proposal', 20],
  ['negotiating', 15],
];
const WON_PATHS: Record<OpportunityType, OpportunityStage[]> = {
  new_business: [...OPEN, 'closed_won'],
  renewal: ['discovery', 'proposal', 'negotiating', 'closed_won'],
  growth: ['discovery', 'scoping', 'proposal', 'closed_won'],
  tier_upgrade: ['discovery', 'technical_evaluation', 'proposal', 'negotiating', 'closed_won'],
};

interface Spec {
  type: OpportunityType;
  label: string;
  amount: number;
  /** Close day (past for closed, future for open). */
  closeDay: number;
  createdDay: number;
  /** The stages it went through, the current one last. */
  path: OpportunityStage[];
}

/**
 * The pipeline: what happened during the year (won and lost deals) and what is open now. An open
 * tier upgrade closes within six months on the accounts `p1` makes P1 by one, beyond that on the
 * accounts it keeps Pr2 (docs/playbook.md, US Enterprise).
 */
export function buildOpportunityRows(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  log: HistoryLog,
  p1: P1Plan,
) {
  const random = new Random('liaison-demo/opportunities');
  const ids = new Random('liaison-demo/opportunity-ids');
  const row = rowsOf(opportunities);
  const rows: OpportunityRow[] = [];
  let serial = 0;
  const openPath = (stage: OpportunityStage) =>
    OPEN.slice(0, OPEN.indexOf(stage) + 1).filter(
      (_stage, index, all) => index === 0 || index === all.length - 1 || random.chance(0.7),
    );
  const lostPath = (): OpportunityStage[] => [...OPEN.slice(0, random.int(1, 4)), 'closed_lost'];
  const ultimate = (plan: AccountPlan) => (plan.final.plan === 'ultimate' ? 'Ultimate' : 'Premium');

  for (const plan of plans) {
    const specs: Spec[] = [];
    const arrDelta = (before: number | undefined, after: number | undefined) =>
      Math.max(0, (after ?? 0) - (before ?? 0));
    for (const event of plan.events) {
      const day = clock.dayOf(event.at);
      if (event.kind === 'renewal') {
        const closeDate = clock.date(day);
        const amount = arrDelta(event.before.arr, event.after.arr);
        specs.push({
          type: 'renewal',
          label: `Renewal ${fiscalYear(closeDate)}`,
          amount,
          closeDay: day,
          createdDay: day - random.int(90, 150),
          path: WON_PATHS.renewal,
        });
      } else if (event.kind === 'plan_upgrade') {
        const amount = arrDelta(event.before.arr, event.after.arr);
        specs.push({
          type: 'tier_upgrade',
          label: 'Upgrade to Ultimate',
          amount,
          closeDay: day,
          createdDay: day - random.int(60, 120),
          path: WON_PATHS.tier_upgrade,
        });
      } else if (event.kind === 'seat_growth') {
        const seats = (event.after.licensedUsers ?? 0) - (event.before.licensedUsers ?? 0);
        specs.push({
          type: 'growth',
          label: `+${seats} seats`,
          amount: arrDelta(event.before.arr, event.after.arr),
          closeDay: day,
          createdDay: day - random.int(30, 90),
          path: WON_PATHS.growth,
        });
      } else if (event.kind === 'won') {
        const label = `New ${ultimate(plan)} (${plan.final.licensedUsers} seats)`;
        specs.push({
          type: 'new_business',
          label,
          amount: plan.final.arr,
          closeDay: day,
          createdDay: clock.dayOf(plan.qualifiedAt!),
          path: WON_PATHS.new_business,
        });
      } else if (event.kind === 'churn') {
        specs.push({
          type: 'renewal',
          label: `Renewal ${fiscalYear(clock.date(day))}`,
          amount: event.before.arr ?? 0,
          closeDay: day,
          createdDay: day - random.int(120, 180),
          path: [...OPEN.slice(0, 4), 'closed_lost'],
        });
      }
    }
    const paying = plan.lifecycle === 'customer' || plan.lifecycle === 'new_customer';
    const renewalDay = plan.final.renewalDate ? clock.dayOfDate(plan.final.renewalDate) : null;
    if (paying && renewalDay !== null && renewalDay <= 270) {
      const stage: OpportunityStage =
        renewalDay <= 45
          ? 'negotiating'
          : renewalDay <= 90
            ? 'proposal'
            : renewalDay <= 150
              ? random.pick(['scoping', 'technical_evaluation'] as const)
              : 'discovery';
      const amount = roundTo(plan.final.arr * random.float(0, 0.15), 100);
      specs.push({
        type: 'renewal',
        label: `Renewal ${fiscalYear(plan.final.renewalDate!)}`,
        amount,
        closeDay: renewalDay,
        createdDay: Math.min(-2, renewalDay - random.int(180, 200)),
        path: openPath(stage),
      });
    }
    if (plan.lifecycle === 'customer' && plan.final.plan === 'premium' && plan.final.arr >= 40_000) {
      const amount = roundTo(plan.final.arr * random.float(0.4, 0.9), 100);
      const driver = p1.drivers.get(plan.id) === 'tier_upgrade';
      if (driver || random.chance(0.3)) {
        const window = defaultPlaybook.priority.usEnterprise.tierUpgradeWindowDays;
        specs.push({
          type: 'tier_upgrade',
          label: 'Upgrade to Ultimate',
          amount,
          closeDay: driver
            ? random.int(20, window - 15)
            : p1.quiet.has(plan.id)
              ? random.int(window + 7, 270)
              : random.int(20, 270),
          createdDay: random.int(-200, -10),
          path: openPath(random.weighted(OPEN_WEIGHTS)),
        });
      } else if (random.chance(0.1)) {
        const closeDay = random.int(-300, -20);
        specs.push({
          type: 'tier_upgrade',
          label: 'Upgrade to Ultimate',
          amount,
          closeDay,
          createdDay: closeDay - random.int(60, 120),
          path: lostPath(),
        });
      }
    }
    if (plan.lifecycle === 'customer') {
      const seats = Math.max(5, roundTo(plan.final.licensedUsers * random.float(0.1, 0.3), 5));
      const amount = roundTo(seats * seatPrice(plan.final.plan) * 0.9, 100);
      if (random.chance(0.2)) {
        specs.push({
          type: 'growth',
          label: `+${seats} seats`,
          amount,
          closeDay: random.int(15, 240),
          createdDay: random.int(-150, -5),
          path: openPath(random.weighted(OPEN_WEIGHTS)),
        });
      } else if (random.chance(0.06)) {
        const closeDay = random.int(-280, -20);
        specs.push({
          type: 'growth',
          label: `+${seats} seats`,
          amount,
          closeDay,
          createdDay: closeDay - random.int(40, 90),
          path: lostPath(),
        });
      }
    }
    const since = clock.dayOf(plan.qualifiedAt ?? plan.createdAt);
    const dealSize = roundTo(random.logUniform(15_000, 400_000), 500);
    if (plan.lifecycle === 'opportunity') {
      specs.push({
        type: 'new_business',
        label: `New ${random.pick(['Premium', 'Ultimate'])}`,
        amount: dealSize,
        closeDay: random.int(15, 180),
        createdDay: since,
        path: openPath(random.weighted(OPEN_WEIGHTS)),
      });
    } else if (plan.lifecycle === 'lead' && random.chance(0.3) && since + 45 <= -5) {
      const closeDay = random.int(since + 45, -5);
      specs.push({
        type: 'new_business',
        label: 'New Premium',
        amount: dealSize,
        closeDay,
        createdDay: since,
        path: lostPath(),
      });
    } else if (plan.lifecycle === 'lead' && random.chance(0.12)) {
      specs.push({
        type: 'new_business',
        label: 'New Premium',
        amount: dealSize,
        closeDay: random.int(60, 200),
        createdDay: since,
        path: ['discovery'],
      });
    }

    for (const spec of specs) {
      const imported = spec.createdDay <= clock.dayOf(clock.importAt);
      const createdAt = imported
        ? clock.importAt
        : clock.on(Math.max(spec.createdDay, clock.dayOf(plan.createdAt) + 1), plan.region, 10);
      const closed = spec.path.at(-1) === 'closed_won' || spec.path.at(-1) === 'closed_lost';
      const createdDay = clock.dayOf(createdAt);
      const endAt = closed
        ? clock.on(spec.closeDay, plan.region, 17)
        : clock.on(random.int(Math.min(-1, createdDay + 1), -1), plan.region, 16);
      // Too little time to have moved through the stages: created at its current stage.
      const span = endAt.getTime() - createdAt.getTime();
      const path = span < spec.path.length * 3_600_000 ? spec.path.slice(-1) : spec.path;
      const base: Fields = {
        name: `${plan.name} - ${spec.label}`,
        type: spec.type,
        stage: path[0]!,
        amount: spec.amount,
        closeDate: clock.date(spec.closeDay),
        externalIds: imported ? { salesforce: salesforceId('006', ++serial) } : {},
      };
      const versions: Version<Fields>[] = path.map((stage, index) => {
        const at =
          index === 0
            ? createdAt
            : new Date(createdAt.getTime() + Math.round((span * index) / (path.length - 1)));
        const actor = index === 0 && imported ? importActor : team.actor(plan, 'owner', at);
        return { at, actor, fields: { ...base, stage } };
      });
      const id = ids.uuid();
      rows.push(
        materialise(
          log,
          { entityType: 'opportunity', entityId: id, accountId: plan.id },
          versions,
          (fields, meta) => row({ id, accountId: plan.id, ...meta, ...fields }),
          presentOpportunity,
        )!,
      );
    }
  }
  return rows;
}
