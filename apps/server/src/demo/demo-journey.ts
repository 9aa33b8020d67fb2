import type { OpportunityStage } from '@liaison/contracts';
import type { Person } from '@liaison/domain';
import type { OpportunityRow } from '../features/opportunities/index.ts';
import { runOtherWorkflows } from './demo-journey-others.ts';
import { type StageMove, scheduleSteps, stageFor } from './demo-journey-schedule.ts';
import {
  isConversation,
  type JourneyInputs,
  type JourneyWorld,
  journeyWorld,
  person,
} from './demo-journey-world.ts';
import type { AccountPlan, Assignment } from './demo-model.ts';
import { DAY_MS } from './demo-time.ts';
import type { HistoryLog } from './demo-timeline.ts';
import { emptyJourneyRows, type JourneyRows, WorkflowRun } from './demo-workflow-run.ts';

const SA_BY_REGION: Record<string, string> = {
  noram: 'sa_elliot',
  latam: 'sa_elliot',
  emea: 'sa_nadia',
  apac: 'sa_david',
};
/** How many days ago the owner started the journey of the lead at step 1, 2, 3, 4: a step a week or so. */
const LEAD_AGES = [2, 9, 20, 30];
/** The documents steps produce, by output kind, as their owners title them. */
const DOCUMENTS: Record<string, string> = {
  blueprint: 'solution blueprint',
  sow: 'statement of work',
  pov_plan: 'proof of value plan',
  success_criteria: 'success criteria',
  contract: 'order form and subscription agreement',
  kick_off_plan: 'kick-off plan',
  implementation_plan: 'implementation plan',
};

interface Pick {
  plan: AccountPlan;
  target: number;
  moves: StageMove[];
  start: Date;
}

/** The stage moves of every opportunity, from the history the demo recorded for them (one pass). */
function stageMoves(log: HistoryLog): (opportunityId: string | undefined) => StageMove[] {
  const byOpportunity = new Map<string, StageMove[]>();
  for (const { at, record } of log.changesOf('opportunity')) {
    const stage = (record.after as { stage?: OpportunityStage } | null)?.stage;
    const moves = byOpportunity.get(record.entityId) ?? [];
    if (stage && stage !== moves.at(-1)?.stage) moves.push({ at, stage });
    byOpportunity.set(record.entityId, moves);
  }
  return (opportunityId) => (opportunityId ? (byOpportunity.get(opportunityId) ?? []) : []);
}

/**
 * Which account shows which step as its journey's current one: leads for steps 1–4 (the journey
 * just started by their new owner), prospects in the stage of steps 5–16 (the most recently moved
 * first), and the latest TAM-aligned new customers for 17–21 (then two finished journeys): the
 * most recent ones, so nothing the journey leaves open has been waiting for months.
 */
function pickAccounts(w: JourneyWorld): Pick[] {
  const { plans, opportunities, clock } = w.inputs;
  const now = clock.now;
  const newBusiness = new Map<string, OpportunityRow>();
  for (const row of opportunities)
    if (row.type === 'new_business' && row.stage !== 'closed_lost') newBusiness.set(row.accountId, row);
  const movesOf = stageMoves(w.log);
  const picks: Pick[] = [];
  const used = new Set<string>();
  const leads = plans.filter((plan) => plan.lifecycle === 'lead' && plan.parentId === null);
  const withOpp = leads.filter((plan) => newBusiness.get(plan.id)?.stage === 'discovery');
  const without = leads.filter((plan) => !opportunities.some((row) => row.accountId === plan.id));
  for (const target of [4, 3, 2, 1]) {
    const plan = [...(target >= 3 ? withOpp : []), ...without].find((candidate) => !used.has(candidate.id));
    if (!plan) continue;
    used.add(plan.id);
    const start = new Date(now.getTime() - LEAD_AGES[target - 1]! * DAY_MS);
    picks.push({ plan, target, moves: movesOf(newBusiness.get(plan.id)?.id), start });
  }
  const lastMove = (plan: AccountPlan) => Date.parse(newBusiness.get(plan.id)!.updatedAt);
  const saNowOrNever = (plan: AccountPlan) =>
    w.holder(plan, 'sa', now) !== null || !w.inputs.team.of(plan.id).some((item) => item.role === 'sa');
  // Two more new customers whose journeys finished, some weeks after the win.
  for (const target of [...Array.from({ length: 17 }, (_, index) => index + 5), 22, 22]) {
    const stage = stageFor(target)!;
    const candidates = plans
      .filter((plan) => !used.has(plan.id) && newBusiness.get(plan.id)?.stage === stage)
      .filter((plan) =>
        stage === 'closed_won'
          ? plan.lifecycle === 'new_customer' &&
            w.holder(plan, 'tam', now) !== null &&
            // Step 19 (the SA's) still open: the SA who has it is still on the team.
            (target > 19 || saNowOrNever(plan))
          : plan.lifecycle === 'opportunity',
      )
      .sort((a, b) => Number(a.segment === 'smb') - Number(b.segment === 'smb') || lastMove(b) - lastMove(a));
    const plan = candidates[0];
    if (!plan) continue;
    used.add(plan.id);
    const opportunity = newBusiness.get(plan.id)!;
    const ownerSince = w.inputs.team
      .of(plan.id)
      // The owner and an SA already aligned were there when the journey started.
      .filter(
        (item) => item.role === 'sal' || item.role === 'ae' || (item.role === 'sa' && item.startsAt < now),
      )
      .map((item) => item.startsAt.getTime());
    const floor = now.getTime() - ((stage === 'closed_won' ? 200 : 50) - (plan.serial % 9)) * DAY_MS;
    const start = new Date(Math.max(Date.parse(opportunity.createdAt), ...ownerSince, floor) + 2 * 3_600_000);
    picks.push({ plan, target, moves: movesOf(opportunity.id), start });
  }
  return picks;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A journey from its start to `target` as the current step, stage moves and work interleaved. */
function walk(w: JourneyWorld, out: JourneyRows, pick: Pick): WorkflowRun {
  const { plan, target, moves, start } = pick;
  const { staff, clock, contacts, activities } = w.inputs;
  const now = clock.now;
  if (target <= 4 && !w.holder(plan, 'sal', start) && !w.holder(plan, 'ae', start)) {
    // The SDR's lead taken on by the owner, who starts the journey.
    const role = plan.segment === 'enterprise' || plan.segment === 'public_sector' ? 'sal' : 'ae';
    const owners = staff.withRole(role, plan.region);
    w.assign(plan, owners[plan.serial % owners.length]!, role, new Date(start.getTime() - 3_600_000));
  }
  const won = moves.find((move) => move.stage === 'closed_won')?.at;
  const until = target > 21 && won ? new Date(Math.min(won.getTime() + 45 * DAY_MS, now.getTime())) : now;
  const times = scheduleSteps(target, moves, start, now, until);
  const at = (stepId: string) => times[Number(stepId) - 1];
  // The SA who has step 19 from the win updates the technical profile before the handoff takes
  // them off the team (it depends on nothing else, so it may come before step 18).
  const leaving = won
    ? w.inputs.team
        .of(plan.id)
        .find(
          (item) => item.role === 'sa' && item.startsAt <= won && item.endsAt !== null && item.endsAt > won,
        )
    : undefined;
  if (won && leaving?.endsAt && times[18] && leaving.endsAt <= times[18])
    times[18] = new Date(Math.max(won.getTime() + 3_600_000, leaving.endsAt.getTime() - 3 * 3_600_000));
  // The SA engaged at step 3 joins the team; the PSE reviews with the TAM at step 10.
  // Already past discovery when the journey started: the SA was engaged before.
  const before = moves.filter((move) => move.at <= start).at(-1);
  const engaged =
    before && before.stage !== 'discovery' ? new Date(start.getTime() - 2 * 3_600_000) : at('3');
  if (engaged && !w.holder(plan, 'sa', engaged))
    w.assign(plan, staff.get(SA_BY_REGION[plan.region]!), 'sa', new Date(engaged.getTime() + 60_000));
  const reviewed = at('10');
  if (reviewed && !w.holder(plan, 'pse', at('11') ?? reviewed))
    w.assign(plan, staff.get('pse_grace'), 'pse', new Date(reviewed.getTime() - 3_600_000));
  const run = new WorkflowRun(
    w,
    out,
    plan,
    'journey',
    start,
    w.owner(plan, start),
    { tam: null, reason: null, note: null },
    { furthestStage: before?.stage ?? null, events: before?.stage === 'closed_won' ? ['closed_won'] : [] },
  );
  const tamNow = w.holder(plan, 'tam', now);
  const tams = staff.withRole('tam', plan.region);
  const namedTam = tamNow ?? person(tams[plan.serial % tams.length] ?? staff.get('tam_priya'));
  const site = `https://docs.example.com/${slug(plan.name)}`;
  const customer = contacts.find((contact) => contact.accountId === plan.id);
  type Event = { at: Date; apply: () => void };
  const events: Event[] = moves
    .filter((move) => move.at > start)
    .map((move) => ({ at: move.at, apply: () => run.reach(move.stage, move.at, w.owner(plan, move.at)) }));
  times.forEach((time, index) => {
    const stepId = String(index + 1);
    events.push({
      at: time,
      apply: () => {
        const row = run.step(stepId);
        const step = run.templateStep(stepId);
        const onTeam = w.teamAt(plan.id, time).some((member) => member.userId === row.responsibleUserId);
        const named = (run.instance.context as { tam: Person | null }).tam;
        const by =
          row.responsibleUserId && (onTeam || named?.userId === row.responsibleUserId)
            ? { userId: row.responsibleUserId, name: row.responsibleName ?? '' }
            : w.owner(plan, time);
        const kind = step.output?.kind;
        const document = kind ? DOCUMENTS[kind] : undefined;
        const meeting =
          kind === 'meeting'
            ? activities.find(
                (activity) =>
                  activity.accountId === plan.id &&
                  isConversation(activity) &&
                  Date.parse(activity.occurredAt) > Date.parse(row.openedAt!) &&
                  Date.parse(activity.occurredAt) < time.getTime(),
              )
            : undefined;
        if (stepId === '10') run.nameTam(namedTam, new Date(time.getTime() - 120_000), by);
        const pse = w.holder(plan, 'pse', time);
        run.complete(stepId, time, by, {
          ...(document
            ? {
                artefact: {
                  title: `${plan.name}: ${document}`,
                  url: `${site}/${kind!.replaceAll('_', '-')}`,
                },
              }
            : {}),
          ...(meeting ? { activityId: meeting.id } : {}),
          ...(stepId === '11' && pse
            ? {
                signOffs: [
                  { role: 'pse' as const, signer: pse },
                  { role: 'tam' as const, signer: namedTam },
                ],
              }
            : {}),
          ...(stepId === '15' && customer
            ? {
                signOffs: [
                  { role: 'account_owner' as const, signer: w.owner(plan, time) },
                  {
                    role: 'customer' as const,
                    signer: { userId: '', name: customer.name },
                    contactId: customer.id,
                  },
                ],
              }
            : {}),
        });
      },
    });
  });
  for (const event of events.sort((a, b) => a.at.getTime() - b.at.getTime())) event.apply();
  // The current step begun a day after it opened, when it has been open a while.
  const currentRow = target <= 21 ? run.step(String(target)) : null;
  const begun = currentRow?.openedAt ? Date.parse(currentRow.openedAt) + DAY_MS : Number.POSITIVE_INFINITY;
  if (currentRow?.responsibleUserId && begun < now.getTime() - DAY_MS)
    run.begin(String(target), new Date(begun), {
      userId: currentRow.responsibleUserId,
      name: currentRow.responsibleName ?? '',
    });
  run.replanOverdue(now, w.owner(plan, now));
  return run;
}

/**
 * The demo's journeys and workflows: an account at every step of the 21, each workflow kind
 * running somewhere (docs/journey.md). Rows built as the engine builds them, with their history;
 * the team members the journeys engaged (owners of leads, SAs, the PSE) as extra assignments.
 */
export function buildJourneyRows(inputs: JourneyInputs): { rows: JourneyRows; assignments: Assignment[] } {
  const w = journeyWorld(inputs);
  const out = emptyJourneyRows();
  const walked = pickAccounts(w).map((pick) => ({ pick, run: walk(w, out, pick) }));
  for (const { run } of walked) run.finish();
  runOtherWorkflows(
    w,
    out,
    walked.filter(({ pick }) => pick.target >= 17).map(({ pick, run }) => ({ plan: pick.plan, run })),
  );
  return { rows: out, assignments: w.extra };
}
