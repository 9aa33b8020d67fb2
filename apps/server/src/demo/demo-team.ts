import type { Region, TeamRole } from '@liaison/contracts';
import { teamAssignments } from '../db/schema.ts';
import { presentTeamAssignment, type TeamAssignmentRow } from '../features/team/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { AccountPlan, ActorRole, Assignment, StaffMember } from './demo-model.ts';
import { ENGAGEMENT_WEIGHT } from './demo-model.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { importActor, type Staff, userActor } from './demo-staff.ts';
import { DAY_MS, type DemoClock } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

/** Rebalancing during the year: some of `to`'s accounts were `from`'s until `day`. */
const REBALANCES = [
  { from: 'tam_sofia', to: 'tam_lukas', day: -210, count: 3 },
  { from: 'tam_kenji', to: 'tam_ravi', day: -120, count: 2 },
];
const SA_BY_REGION: Record<Region, string> = {
  noram: 'sa_elliot',
  latam: 'sa_elliot',
  emea: 'sa_nadia',
  apac: 'sa_david',
};
const AMERICAS: Region[] = ['noram', 'latam'];
const CROSS_REGION_PENALTY = 0.25;
/** Eligible accounts deliberately left without a TAM (a gap for the manager's worklist). */
const UNSTAFFED_ELIGIBLE = 4;

const activeAt = (assignment: Assignment, at: Date) =>
  assignment.startsAt.getTime() <= at.getTime() &&
  (assignment.endsAt === null || assignment.endsAt.getTime() > at.getTime());

/** Every account team assignment, past and present, and who held a role on a given day. */
export class Team {
  readonly assignments: Assignment[] = [];
  private readonly byAccount = new Map<string, Assignment[]>();

  constructor(private readonly staff: Staff) {}

  add(assignment: Assignment): Assignment {
    this.assignments.push(assignment);
    const list = this.byAccount.get(assignment.accountId) ?? [];
    list.push(assignment);
    this.byAccount.set(assignment.accountId, list);
    return assignment;
  }

  of(accountId: string): Assignment[] {
    return this.byAccount.get(accountId) ?? [];
  }

  holder(accountId: string, roles: readonly TeamRole[], at: Date): StaffMember | null {
    const found = this.of(accountId).find((item) => roles.includes(item.role) && activeAt(item, at));
    return found ? this.staff.byId(found.userId) : null;
  }

  /**
   * When the TAM engagement in force at `at` began: the start of the unbroken chain of TAM
   * assignments covering it (a handover keeps it, a gap starts a new one); null without a TAM.
   */
  engagedSince(accountId: string, at: Date): Date | null {
    const tams = this.of(accountId)
      .filter((item) => item.role === 'tam' && item.startsAt.getTime() <= at.getTime())
      .sort((left, right) => right.startsAt.getTime() - left.startsAt.getTime());
    const current = tams.filter((item) => activeAt(item, at));
    if (current.length === 0) return null;
    let since = Math.min(...current.map((item) => item.startsAt.getTime()));
    for (const item of tams) {
      if (item.startsAt.getTime() < since && (item.endsAt === null || item.endsAt.getTime() >= since))
        since = item.startsAt.getTime();
    }
    return new Date(since);
  }

  /** Staff on the account's team at `at` (for attendees). */
  membersAt(accountId: string, at: Date): StaffMember[] {
    return this.of(accountId)
      .filter((item) => activeAt(item, at))
      .map((item) => this.staff.byId(item.userId));
  }

  /** The person who makes a change of this kind on that day; the regional manager if nobody. */
  actor(plan: AccountPlan, role: ActorRole, at: Date): HistoryActor {
    return userActor(this.person(plan, role, at));
  }

  person(plan: AccountPlan, role: ActorRole, at: Date): StaffMember {
    const owner = () => this.holder(plan.id, ['sal', 'ae'], at);
    const found =
      role === 'tam'
        ? (this.holder(plan.id, ['tam'], at) ?? owner())
        : role === 'owner'
          ? (owner() ?? this.holder(plan.id, ['sdr'], at))
          : role === 'sdr'
            ? (this.holder(plan.id, ['sdr'], at) ?? owner())
            : null;
    return found ?? this.staff.managerFor(plan.region);
  }
}

export function planTeams(plans: AccountPlan[], staff: Staff, clock: DemoClock): Team {
  const random = new Random('liaison-demo/team');
  const ids = new Random('liaison-demo/team-ids');
  const team = new Team(staff);
  const preImport = (member: StaffMember) =>
    new Date(Math.max(member.hiredAt.getTime(), clock.importAt.getTime() - random.int(30, 700) * DAY_MS));
  const assign = (
    plan: AccountPlan,
    member: StaffMember,
    role: TeamRole,
    startsAt: Date,
    options: { endsAt?: Date | null; endRecordedAt?: Date | null; imported?: boolean } = {},
  ) =>
    team.add({
      id: ids.uuid(),
      accountId: plan.id,
      userId: member.id,
      role,
      startsAt,
      endsAt: options.endsAt ?? null,
      createdAt: options.imported ? clock.importAt : startsAt,
      createdBy: options.imported ? 'import' : 'manager',
      endRecordedAt: options.endRecordedAt ?? null,
    });

  // Account owners (SAL for Enterprise and Public Sector, AE for Commercial) and the SDR on leads.
  const sdr = staff.get('sdr_jordan');
  for (const plan of plans) {
    const role: TeamRole = plan.segment === 'enterprise' || plan.segment === 'public_sector' ? 'sal' : 'ae';
    const owners = staff.withRole(role, plan.region);
    const owner = owners[plan.serial % owners.length]!;
    const ownedSince = plan.qualifiedAt ?? (plan.lifecycle === 'lead' ? null : plan.createdAt);
    if (plan.lifecycle === 'lead' || plan.qualifiedAt) {
      const start = plan.imported ? preImport(sdr) : plan.createdAt;
      assign(plan, sdr, 'sdr', start, {
        imported: plan.imported,
        endsAt: plan.qualifiedAt,
        endRecordedAt: plan.qualifiedAt,
      });
    }
    if (!ownedSince) continue;
    if (plan.imported && !plan.qualifiedAt) assign(plan, owner, role, preImport(owner), { imported: true });
    else assign(plan, owner, role, ownedSince);
  }
  // A territory change: five NORAM enterprise accounts move from one SAL to the other.
  const handoverAt = clock.on(-90, 'noram', 9);
  const moved = team.assignments
    .filter(
      (item) =>
        item.role === 'sal' && item.userId === staff.get('sal_ryan').id && item.createdBy === 'import',
    )
    .slice(0, 5);
  for (const item of moved) {
    Object.assign(item, { endsAt: handoverAt, endRecordedAt: handoverAt });
    assign(plans.find((plan) => plan.id === item.accountId)!, staff.get('sal_olivia'), 'sal', handoverAt);
  }

  // TAMs on eligible accounts, within capacity: tier 1 counts 1/5 of a TAM, tier 2 1/10, tier 3 1/25.
  const load = new Map<string, number>();
  const eligible = plans
    .filter((plan) => plan.tamEligible)
    .sort((left, right) => left.tier - right.tier || right.final.arr - left.final.arr);
  const unstaffed = new Set(
    random
      .sample(
        eligible.filter((plan) => plan.tier === 3 && plan.lifecycle === 'customer'),
        UNSTAFFED_ELIGIBLE,
      )
      .map((plan) => plan.id),
  );
  const tom = staff.get('tam_tom');
  for (const plan of eligible) {
    if (unstaffed.has(plan.id)) continue;
    const since = plan.onboardingAt ?? clock.importAt;
    const weight = plan.lifecycle === 'former' ? 0 : ENGAGEMENT_WEIGHT[plan.tier];
    // The Americas are one team: a NORAM or LATAM TAM takes the other region's accounts when the
    // home region's TAMs are clearly busier (the small LATAM book alone would not fill a TAM).
    const pool = AMERICAS.includes(plan.region) ? AMERICAS : [plan.region];
    const busy = (member: StaffMember) =>
      (load.get(member.id) ?? 0) + (member.region === plan.region ? 0 : CROSS_REGION_PENALTY);
    const candidates = staff
      .withRole('tam')
      .filter((member) => pool.includes(member.region))
      .filter((member) => plan.lifecycle !== 'former' || member.hiredAt < clock.importAt)
      .filter((member) => member.hiredAt < since || (plan.imported && plan.region === tom.region))
      .filter((member) => (load.get(member.id) ?? 0) + weight <= 1 + 1e-9)
      .sort((left, right) => busy(left) - busy(right));
    const tam = candidates[0];
    if (!tam) continue;
    load.set(tam.id, (load.get(tam.id) ?? 0) + weight);
    const churn = { endsAt: plan.churnAt, endRecordedAt: plan.churnAt };
    if (!plan.imported) {
      assign(plan, tam, 'tam', plan.onboardingAt!);
    } else if (tam.hiredAt > clock.importAt) {
      // The new TAM took over the book of the one who left.
      const handover = clock.on(clock.dayOf(tom.leftAt!) - random.int(0, 10), tam.region, 9);
      assign(plan, tom, 'tam', preImport(tom), { imported: true, endsAt: handover, endRecordedAt: handover });
      assign(plan, tam, 'tam', handover, churn);
    } else {
      assign(plan, tam, 'tam', preImport(tam), { imported: true, ...churn });
    }
  }
  for (const rebalance of REBALANCES) {
    const to = staff.get(rebalance.to);
    const from = staff.get(rebalance.from);
    const at = clock.on(rebalance.day, to.region, 9);
    const items = team.assignments
      .filter(
        (item) => item.role === 'tam' && item.userId === to.id && item.createdBy === 'import' && !item.endsAt,
      )
      .slice(0, rebalance.count);
    for (const item of items) {
      team.add({ ...item, id: ids.uuid(), userId: from.id, endsAt: at, endRecordedAt: at });
      Object.assign(item, { startsAt: at, createdAt: at, createdBy: 'manager' });
    }
  }

  // Solutions Architects: on the larger Enterprise accounts, and pre-sales until the SA-to-TAM handoff.
  for (const plan of plans) {
    const sa = staff.get(SA_BY_REGION[plan.region]);
    const bigEnterprise =
      plan.segment !== 'smb' && plan.segment !== 'mid_market' && plan.tier > 0 && plan.tier <= 2;
    if (plan.lifecycle === 'customer' && bigEnterprise && random.chance(0.7)) {
      assign(plan, sa, 'sa', preImport(sa), { imported: true });
    } else if (plan.qualifiedAt && plan.segment !== 'smb' && random.chance(0.7)) {
      const start = clock.on(clock.dayOf(plan.qualifiedAt) + 3, plan.region, 9);
      const handoffDay = plan.wonAt ? clock.dayOf(plan.wonAt) + random.int(14, 30) : 0;
      const ended = handoffDay < 0 ? clock.on(handoffDay, plan.region, 17) : null;
      if (start.getTime() > plan.qualifiedAt.getTime())
        assign(plan, sa, 'sa', start, { endsAt: ended, endRecordedAt: ended });
    }
  }

  // Professional Services: onboarding engagements with a planned end, and two migrations last year.
  const pse = staff.get('pse_grace');
  const migrations = plans.filter((plan) => plan.lifecycle === 'customer' && plan.tier === 1).slice(0, 2);
  for (const plan of plans) {
    const onboarding = plan.lifecycle === 'new_customer' && plan.tamEligible ? plan.onboardingAt : null;
    const migration = migrations.includes(plan) ? clock.on(-220, plan.region, 9) : null;
    const start = onboarding ? clock.on(clock.dayOf(onboarding) + 5, plan.region, 9) : migration;
    if (start) assign(plan, pse, 'pse', start, { endsAt: new Date(start.getTime() + 90 * DAY_MS) });
  }
  return team;
}

/** Assignment rows and their history: created (at the import or by a manager), ended later. */
export function buildTeamRows(
  team: Team,
  plans: AccountPlan[],
  staff: Staff,
  log: HistoryLog,
): TeamAssignmentRow[] {
  const row = rowsOf(teamAssignments);
  const regionOf = new Map(plans.map((plan) => [plan.id, plan.region]));
  return team.assignments.map((item) => {
    const manager = userActor(staff.managerFor(regionOf.get(item.accountId)!));
    const fields = { startsAt: item.startsAt.toISOString(), endsAt: item.endsAt?.toISOString() ?? null };
    const versions: Version<typeof fields>[] = [
      {
        at: item.createdAt,
        actor: item.createdBy === 'import' ? importActor : manager,
        fields: item.endRecordedAt ? { ...fields, endsAt: null } : fields,
      },
    ];
    if (item.endRecordedAt) versions.push({ at: item.endRecordedAt, actor: manager, fields });
    return materialise(
      log,
      { entityType: 'team_assignment', entityId: item.id, accountId: item.accountId },
      versions,
      (state, meta): TeamAssignmentRow => ({
        ...row({
          id: item.id,
          accountId: item.accountId,
          userId: item.userId,
          role: item.role,
          ...meta,
          ...state,
        }),
        userName: staff.byId(item.userId).name,
      }),
      presentTeamAssignment,
    )!;
  });
}
