import type { TeamRole } from '@liaison/contracts';
import type { Person } from '@liaison/domain';
import type { ActivityRow } from '../features/activities/index.ts';
import type { OpportunityRow } from '../features/opportunities/index.ts';
import type { AccountPlan, Assignment, StaffMember } from './demo-model.ts';
import { Random } from './demo-random.ts';
import type { Staff } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import type { DemoClock } from './demo-time.ts';
import type { HistoryLog } from './demo-timeline.ts';
import type { Member, RunEnv } from './demo-workflow-run.ts';

export interface JourneyInputs {
  plans: AccountPlan[];
  team: Team;
  staff: Staff;
  clock: DemoClock;
  log: HistoryLog;
  opportunities: OpportunityRow[];
  activities: ActivityRow[];
  contacts: { id: string; accountId: string; name: string }[];
}

/** Who the demo's journeys and workflows put on teams (the SA engaged at step 3, the PSE, the owner). */
export interface JourneyWorld extends RunEnv {
  inputs: JourneyInputs;
  extra: Assignment[];
  assign(plan: AccountPlan, member: StaffMember, role: TeamRole, at: Date): void;
  holder(plan: AccountPlan, role: TeamRole, at: Date): Member | null;
  owner(plan: AccountPlan, at: Date): Person;
}

const active = (item: Assignment, at: Date) =>
  item.startsAt.getTime() <= at.getTime() && (item.endsAt === null || item.endsAt.getTime() > at.getTime());
/** Activities that are a conversation with the customer: what a step's logged meeting can be. */
const CONVERSATIONS = new Set([
  'cadence_call',
  'ebr',
  'onboarding_call',
  'kickoff',
  'health_check',
  'training',
  'demo',
  'meeting',
]);
export const isConversation = (activity: { kind: string }) => CONVERSATIONS.has(activity.kind);

export const person = (member: StaffMember): Person => ({ userId: member.id, name: member.name });

export function journeyWorld(inputs: JourneyInputs): JourneyWorld {
  const { team, staff, log } = inputs;
  const ids = new Random('liaison-demo/journey-ids');
  const extra: Assignment[] = [];
  const managers = staff.withRole('tam_manager');
  const teamAt = (accountId: string, at: Date): Member[] =>
    [...team.of(accountId), ...extra.filter((item) => item.accountId === accountId)]
      .filter((item) => active(item, at))
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map((item) => ({ userId: item.userId, name: staff.byId(item.userId).name, role: item.role }));
  const holder = (plan: AccountPlan, role: TeamRole, at: Date) =>
    teamAt(plan.id, at).find((member) => member.role === role) ?? null;
  return {
    inputs,
    log,
    ids,
    extra,
    teamAt,
    managers: (region) =>
      [...managers]
        .sort(
          (a, b) => Number(b.region === region) - Number(a.region === region) || a.name.localeCompare(b.name),
        )
        .map(person),
    holder,
    owner: (plan, at) =>
      holder(plan, plan.segment === 'enterprise' || plan.segment === 'public_sector' ? 'sal' : 'ae', at) ??
      holder(plan, 'sal', at) ??
      holder(plan, 'ae', at) ??
      person(staff.managerFor(plan.region)),
    assign(plan, member, role, at) {
      // Until the same person's later assignment in that role (the PSE's onboarding engagement).
      const next = team
        .of(plan.id)
        .filter((item) => item.userId === member.id && item.role === role && item.startsAt > at)
        .map((item) => item.startsAt.getTime());
      const ends = next.length > 0 ? new Date(Math.min(...next)) : null;
      extra.push({
        id: ids.uuid(),
        accountId: plan.id,
        userId: member.id,
        role,
        startsAt: at,
        endsAt: ends,
        createdAt: at,
        createdBy: 'manager',
        endRecordedAt: ends,
      });
    },
  };
}
