import type { Assessment, PriorityModel } from '@liaison/domain';
import { priorityExceptions } from '../db/schema.ts';
import { type PriorityExceptionRow, presentPriorityException } from '../features/priority-inputs/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { AccountPlan, StaffMember } from './demo-model.ts';
import type { P1Plan } from './demo-p1-balance.ts';
import { managedIn } from './demo-priority-inputs.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { type Staff, userActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { EXCEPTION_REASONS } from './demo-text-playbook.ts';
import { DAY_MS, type DemoClock } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

/** An instant of this fiscal quarter, before now, near `day` (the next quarterly review ends it). */
function inThisQuarter(clock: DemoClock, plan: AccountPlan, day: number): Date {
  const start = clock.quarter(0).start;
  const at = clock.on(Math.max(day, start), plan.region, 11);
  if (clock.dayOf(at) >= start) return at;
  const quarterStart = clock.today + start * DAY_MS;
  return new Date(quarterStart + (clock.now.getTime() - quarterStart) / 2);
}

/**
 * Documented exceptions: two P1 and one P2 approved this quarter (by the SAL, the TAM manager and
 * the AE), and one P1 still waiting for a decision. Chosen on accounts whose model says otherwise;
 * the US one where `p1` wants one (so each TAM's P1 share stays within the guidance).
 */
export function buildExceptionRows(
  plans: AccountPlan[],
  team: Team,
  staff: Staff,
  clock: DemoClock,
  log: HistoryLog,
  forecast: Map<string, Assessment>,
  p1: P1Plan,
) {
  const random = new Random('liaison-demo/exceptions');
  const ids = new Random('liaison-demo/exception-ids');
  const row = rowsOf(priorityExceptions);
  const rows: PriorityExceptionRow[] = [];
  const used = new Set<string>();
  // A P1 exception where the model says Pr2; a P2 one on a healthy account the model makes Pr1.
  const pick = (model: PriorityModel, priority: 'pr1' | 'pr2', owner: 'sal' | 'ae' | null) => {
    const found = random.shuffle(managedIn(plans, team, clock, model)).find((plan) => {
      const assessed = forecast.get(plan.id);
      return (
        !used.has(plan.id) &&
        assessed?.priority.priority === priority &&
        !assessed.priority.inOnboarding &&
        (priority === 'pr2' || assessed.health.colour === 'green') &&
        (owner === null || team.holder(plan.id, [owner], clock.now) !== null)
      );
    });
    if (found) used.add(found.id);
    return found;
  };
  const add = (
    plan: AccountPlan | undefined,
    kind: 'p1' | 'p2',
    approver: ((at: Date) => { member: StaffMember; role: 'tam_manager' | 'sal' | 'ae' }) | null,
  ) => {
    if (!plan) return;
    const decidedAt = approver ? inThisQuarter(clock, plan, random.int(-40, -2)) : clock.now;
    const requestedAt = clock.on(clock.dayOf(decidedAt) - random.int(1, 4), plan.region, 15);
    const requester = team.person(plan, 'tam', requestedAt);
    type Fields = Omit<PriorityExceptionRow, 'id' | 'accountId' | 'version' | 'createdAt' | 'updatedAt'>;
    const requested: Fields = {
      kind,
      reason: random.pick(EXCEPTION_REASONS[kind]),
      requestedBy: requester.id,
      requestedAt: requestedAt.toISOString(),
      status: 'requested',
      approvedBy: null,
      approvedByRole: null,
      approvedAt: null,
      expiresAt: null,
    };
    const versions: Version<Fields>[] = [{ at: requestedAt, actor: userActor(requester), fields: requested }];
    if (approver) {
      const { member, role } = approver(decidedAt);
      const actor: HistoryActor = userActor(member);
      versions.push({
        at: decidedAt,
        actor,
        fields: {
          ...requested,
          status: 'approved',
          approvedBy: member.id,
          approvedByRole: role,
          approvedAt: decidedAt.toISOString(),
        },
      });
    }
    const id = ids.uuid();
    rows.push(
      materialise(
        log,
        { entityType: 'priority_exception', entityId: id, accountId: plan.id },
        versions,
        (state, meta) => row({ id, accountId: plan.id, ...meta, ...state }),
        presentPriorityException,
      )!,
    );
  };
  // The account's SAL or AE that day (the TAM manager if the seat was empty).
  const owner = (plan: AccountPlan | undefined, role: 'sal' | 'ae') => (at: Date) => {
    const member = team.holder(plan!.id, [role], at);
    return member
      ? { member, role }
      : { member: staff.managerFor(plan!.region), role: 'tam_manager' as const };
  };
  const excepted = [...p1.drivers].find(([, driver]) => driver === 'exception');
  const usP1 = excepted && plans.find((plan) => plan.id === excepted[0]);
  if (usP1) used.add(usP1.id);
  add(usP1, 'p1', owner(usP1, 'sal'));
  const emeaP1 = pick('emea_enterprise', 'pr2', null);
  if (emeaP1) add(emeaP1, 'p1', () => ({ member: staff.managerFor(emeaP1.region), role: 'tam_manager' }));
  const commercialP2 = pick('commercial', 'pr1', 'ae');
  add(commercialP2, 'p2', owner(commercialP2, 'ae'));
  add(pick('us_enterprise', 'pr2', null), 'p1', null);
  return rows;
}
