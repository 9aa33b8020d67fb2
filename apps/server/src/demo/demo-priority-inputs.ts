import type { InitiativeKind } from '@liaison/contracts';
import { defaultPlaybook, type PriorityModel } from '@liaison/domain';
import { emeaParameters, priorityInitiatives, priorityProposals } from '../db/schema.ts';
import {
  type EmeaParameterRow,
  type InitiativeRow,
  type PriorityProposalRow,
  presentEmeaParameter,
  presentInitiative,
  presentPriorityProposal,
} from '../features/priority-inputs/index.ts';
import type { AccountPlan } from './demo-model.ts';
import type { P1Plan } from './demo-p1-balance.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { type Staff, userActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { EMEA_NOTES, INITIATIVES, PARAMETER_PHRASES, PROPOSAL_REASONS } from './demo-text-playbook.ts';
import type { DemoClock } from './demo-time.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

/** US Enterprise accounts with work needing > 2 h of TAM time a week this quarter. */
const ACTIVE_INITIATIVES = 5;
const EMEA_PARAMETERS = defaultPlaybook.priority.emeaEnterprise.parameters.map((parameter) => parameter.id);

const modelOf = (plan: AccountPlan): PriorityModel =>
  defaultPlaybook.priority.modelBySegment[plan.segment][plan.region];

/** Customers with a TAM today, in a priority model. */
export function managedIn(plans: AccountPlan[], team: Team, clock: DemoClock, model: PriorityModel) {
  return plans.filter(
    (plan) =>
      (plan.lifecycle === 'customer' || plan.lifecycle === 'new_customer') &&
      modelOf(plan) === model &&
      team.holder(plan.id, ['tam'], clock.now) !== null,
  );
}

/** Dated records (initiatives, parameters) created by the TAM, and ended later by an edit. */
function datedVersions<F extends { endsOn: string | null }>(
  plan: AccountPlan,
  team: Team,
  clock: DemoClock,
  fields: F,
  createdDay: number,
  endRecorded: boolean,
): Version<F>[] {
  const at = clock.on(Math.min(createdDay, -1), plan.region, 15);
  const versions: Version<F>[] = [
    { at, actor: team.actor(plan, 'tam', at), fields: endRecorded ? { ...fields, endsOn: null } : fields },
  ];
  if (endRecorded && fields.endsOn) {
    const ended = clock.on(clock.dayOfDate(fields.endsOn), plan.region, 16);
    versions.push({ at: ended, actor: team.actor(plan, 'tam', ended), fields });
  }
  return versions;
}

/**
 * A handful of stage-adoption and infrastructure-change initiatives on US Enterprise accounts:
 * on those `p1` makes P1 by one, then on big accounts already P1 (most of them in trouble: the
 * initiative is often why); the two that do not count this quarter on accounts kept Pr2.
 */
export function buildInitiativeRows(
  plans: AccountPlan[],
  team: Team,
  clock: DemoClock,
  log: HistoryLog,
  p1: P1Plan,
) {
  const random = new Random('liaison-demo/initiatives');
  const ids = new Random('liaison-demo/initiative-ids');
  const row = rowsOf(priorityInitiatives);
  const quarter = clock.quarter(0);
  const previous = clock.quarter(-1);
  const accounts = random.shuffle(managedIn(plans, team, clock, 'us_enterprise'));
  const driven = accounts.filter((plan) => p1.drivers.get(plan.id) === 'initiative');
  const p1Anyway = accounts.filter((plan) => !p1.quiet.has(plan.id) && !driven.includes(plan));
  const big = p1Anyway.filter((plan) => plan.tier >= 1 && plan.tier <= 2);
  const troubled = (plan: AccountPlan) => plan.final.atRisk || plan.final.sentiment !== 'green';
  const candidates = [
    ...driven,
    ...big.filter(troubled).slice(0, 3),
    ...big.filter((plan) => !troubled(plan)),
    ...p1Anyway.filter((plan) => !big.includes(plan)),
  ];
  const rows: InitiativeRow[] = [];
  const add = (plan: AccountPlan, kind: InitiativeKind, start: number, end: number | null, hours: number) => {
    const fields = {
      kind,
      description: random.pick(INITIATIVES[kind]),
      startsOn: clock.date(start),
      endsOn: end === null ? null : clock.date(end),
      hoursPerWeek: hours,
    };
    const id = ids.uuid();
    const versions = datedVersions(
      plan,
      team,
      clock,
      fields,
      start - random.int(2, 12),
      end !== null && end < 0,
    );
    rows.push(
      materialise(
        log,
        { entityType: 'initiative', entityId: id, accountId: plan.id },
        versions,
        (state, meta) => row({ id, accountId: plan.id, ...meta, ...state }),
        presentInitiative,
      )!,
    );
  };
  const kinds: InitiativeKind[] = ['stage_adoption', 'infrastructure_change'];
  candidates.slice(0, Math.max(ACTIVE_INITIATIVES, driven.length)).forEach((plan, index) => {
    const start = random.int(quarter.start - 50, Math.max(quarter.start - 50, -8));
    add(
      plan,
      kinds[index % 2]!,
      start,
      random.chance(0.3) ? null : random.int(30, 150),
      random.pick([3, 4, 5, 6, 8]),
    );
  });
  // Two that do not count this quarter: one ended last quarter, one needing exactly 2 h a week.
  const [ended, light] = accounts.filter((plan) => p1.quiet.has(plan.id));
  if (ended) add(ended, 'infrastructure_change', previous.start - 40, previous.start + 20, 6);
  if (light) add(light, 'stage_adoption', quarter.start - 20, random.int(40, 120), 2);
  return rows;
}

/** EMEA parameters on EMEA Enterprise accounts: most have one applying, some had one that ended. */
export function buildEmeaParameterRows(plans: AccountPlan[], team: Team, clock: DemoClock, log: HistoryLog) {
  const random = new Random('liaison-demo/emea-parameters');
  const ids = new Random('liaison-demo/emea-parameter-ids');
  const row = rowsOf(emeaParameters);
  const rows: EmeaParameterRow[] = [];
  for (const plan of managedIn(plans, team, clock, 'emea_enterprise')) {
    const specs: { parameter: string; start: number; end: number | null }[] = [];
    const tamSince = clock.dayOf(
      team.of(plan.id).find((item) => item.role === 'tam' && item.endsAt === null)!.startsAt,
    );
    if (plan.imported && tamSince > -330)
      specs.push({ parameter: 'tam_handover', start: tamSince, end: tamSince + random.int(45, 75) });
    const candidates = EMEA_PARAMETERS.filter(
      (parameter) =>
        parameter !== 'tam_handover' &&
        (parameter !== 'seat_gap_to_lam' || (plan.final.lam ?? 0) > plan.final.licensedUsers * 1.5) &&
        (parameter !== 'onboarding_most_users' || plan.final.activeUsers < plan.final.licensedUsers * 0.7),
    );
    const applying = random.chance(0.6) ? (random.chance(0.25) ? 2 : 1) : 0;
    for (const parameter of random.sample(candidates, applying)) {
      specs.push({
        parameter,
        start: random.int(-160, -12),
        end: random.chance(0.5) ? null : random.int(20, 140),
      });
    }
    if (random.chance(0.3)) {
      const start = random.int(-320, -160);
      specs.push({ parameter: random.pick(candidates), start, end: random.int(start + 30, -20) });
    }
    for (const spec of specs) {
      const fields = {
        parameter: spec.parameter,
        note: random.pick(EMEA_NOTES[spec.parameter] ?? ['']) || null,
        startsOn: clock.date(spec.start),
        endsOn: spec.end === null ? null : clock.date(spec.end),
      };
      const id = ids.uuid();
      rows.push(
        materialise(
          log,
          { entityType: 'emea_parameter', entityId: id, accountId: plan.id },
          datedVersions(plan, team, clock, fields, spec.start, spec.end !== null && spec.end < 0),
          (state, meta) => row({ id, accountId: plan.id, ...meta, ...state }),
          presentEmeaParameter,
        )!,
      );
    }
  }
  return rows;
}

/**
 * EMEA priority proposals at the last two quarterly reviews: the TAM proposes Pr1 when a
 * parameter applies that day, else Pr2; the EMEA TAM manager approves a few days later. The
 * latest proposal of a couple of accounts still waits for approval. When a parameter that still
 * applies today started after the last review approved Pr2, the TAM does not wait for the next
 * review: a few days after it started they propose Pr1, approved like the others (so the approved
 * proposal agrees with the parameters, and each TAM's EMEA book lands within the guidance).
 */
export function buildProposalRows(
  plans: AccountPlan[],
  team: Team,
  staff: Staff,
  clock: DemoClock,
  log: HistoryLog,
  reviews: Map<string, Date[]>,
  parameters: EmeaParameterRow[],
) {
  const random = new Random('liaison-demo/proposals');
  const between = new Random('liaison-demo/proposals-between-reviews');
  const today = clock.date(0);
  const row = rowsOf(priorityProposals);
  const rows: PriorityProposalRow[] = [];
  const accounts = managedIn(plans, team, clock, 'emea_enterprise').filter((plan) => reviews.has(plan.id));
  const pending = new Set(random.sample(accounts, 2).map((plan) => plan.id));
  for (const plan of accounts) {
    const manager = staff.managerFor(plan.region);
    type Fields = Omit<PriorityProposalRow, 'accountId' | 'version' | 'createdAt' | 'updatedAt'>;
    const versions: Version<Fields>[] = [];
    const recent = reviews.get(plan.id)!.slice(-2);
    const applyingOn = (date: string) =>
      parameters.filter(
        (parameter) =>
          parameter.accountId === plan.id &&
          parameter.startsOn <= date &&
          (parameter.endsOn === null || parameter.endsOn >= date),
      );
    // The TAM proposes at `at` from the parameters applying on `date`; the manager approves
    // `approvalDays` later unless `hold` (still pending) or the approval would fall today.
    const propose = (at: Date, date: string, approvalDays: number, hold: boolean) => {
      const applying = applyingOn(date);
      const tam = team.person(plan, 'tam', at);
      const proposal: Fields = {
        priority: applying.length > 0 ? 'pr1' : 'pr2',
        reason:
          applying.length > 0
            ? `${PROPOSAL_REASONS.pr1}${applying.map((parameter) => PARAMETER_PHRASES[parameter.parameter]).join('; ')}.`
            : PROPOSAL_REASONS.pr2,
        proposedBy: tam.id,
        proposedAt: at.toISOString(),
        approvedBy: null,
        approvedAt: null,
      };
      versions.push({ at, actor: userActor(tam), fields: proposal });
      const approvedAt = clock.after(at, clock.on(clock.dayOf(at) + approvalDays, manager.region, 11), 95);
      if (clock.dayOf(approvedAt) <= -1 && !hold) {
        versions.push({
          at: approvedAt,
          actor: userActor(manager),
          fields: { ...proposal, approvedBy: manager.id, approvedAt: approvedAt.toISOString() },
        });
      }
    };
    recent.forEach((at, index) => {
      const last = index === recent.length - 1;
      propose(at, clock.date(clock.dayOf(at)), random.int(1, 6), last && pending.has(plan.id));
    });
    // A parameter that started after the last review (which approved Pr2) and applies today.
    const latest = versions.at(-1);
    const started = parameters
      .filter(
        (parameter) =>
          parameter.accountId === plan.id &&
          latest !== undefined &&
          parameter.startsOn > latest.at.toISOString().slice(0, 10) &&
          applyingOn(today).includes(parameter),
      )
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
    if (latest?.fields.approvedAt && latest.fields.priority === 'pr2' && started) {
      const day = clock.dayOfDate(started.startsOn) + between.int(2, 8);
      const at = clock.after(latest.at, clock.on(day, plan.region, 10), 120);
      if (clock.dayOf(at) <= -3) propose(at, clock.date(clock.dayOf(at)), between.int(1, 2), false);
    }
    rows.push(
      materialise(
        log,
        { entityType: 'priority_proposal', entityId: plan.id, accountId: plan.id },
        versions,
        (state, meta) => row({ accountId: plan.id, ...meta, ...state }),
        presentPriorityProposal,
      )!,
    );
  }
  return rows;
}
