import type { Person } from '@liaison/domain';
import { isConversation, type JourneyWorld } from './demo-journey-world.ts';
import type { AccountPlan } from './demo-model.ts';
import { DAY_MS } from './demo-time.ts';
import { type JourneyRows, WorkflowRun } from './demo-workflow-run.ts';

const days = (at: Date, count: number) => new Date(at.getTime() + count * DAY_MS);
const person = (member: { id: string; name: string }): Person => ({ userId: member.id, name: member.name });

/** The logged activity that can stand for a step's meeting: the account's first one after `after`. */
function meetingAfter(w: JourneyWorld, plan: AccountPlan, after: Date, before: Date) {
  return w.inputs.activities
    .filter(
      (activity) =>
        activity.accountId === plan.id &&
        isConversation(activity) &&
        Date.parse(activity.occurredAt) > after.getTime() &&
        Date.parse(activity.occurredAt) < before.getTime(),
    )
    .sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt))[0];
}

/** Who does a step: the person it names when still on the team (or named on it), else the owner. */
function doer(w: JourneyWorld, run: WorkflowRun, plan: AccountPlan, stepId: string, at: Date): Person {
  const row = run.step(stepId);
  const named = (run.instance.context as { tam: Person | null }).tam;
  const known =
    w.teamAt(plan.id, at).some((member) => member.userId === row.responsibleUserId) ||
    named?.userId === row.responsibleUserId ||
    w.managers(plan.region).some((manager) => manager.userId === row.responsibleUserId);
  return row.responsibleUserId && known
    ? { userId: row.responsibleUserId, name: row.responsibleName ?? '' }
    : w.owner(plan, at);
}

/**
 * Closed-won starts the Welcome call and the SA→TAM handoff (journey-hooks.ts): the most recent
 * win keeps its handoff waiting for the TAM's acceptance; the others went through, accepted
 * once the TAM was on the team (so acceptance changes no assignment).
 */
function afterTheWin(w: JourneyWorld, out: JourneyRows, won: { plan: AccountPlan; run: WorkflowRun }[]) {
  const now = w.inputs.clock.now;
  const latest = now.getTime() - 3_600_000;
  const winOf = (run: WorkflowRun) => new Date(run.step('18').openedAt!);
  const newest = [...won].sort((a, b) => winOf(b.run).getTime() - winOf(a.run).getTime())[0];
  for (const { plan, run: journey } of won) {
    const at = winOf(journey);
    const owner = w.owner(plan, at);
    const tam = (journey.instance.context as { tam: Person | null }).tam;
    const situation = { furthestStage: 'closed_won' as const, events: ['closed_won' as const] };
    const welcome = new WorkflowRun(
      w,
      out,
      plan,
      'welcome_call',
      at,
      owner,
      { tam: null, reason: null, note: null },
      situation,
    );
    // Scheduled once the TAM who leads it is on the team (onboarding).
    const tamSince = w.inputs.team
      .of(plan.id)
      .find((item) => item.role === 'tam' && item.userId === tam?.userId);
    const scheduled = new Date(
      Math.min(Math.max(days(at, 2).getTime(), (tamSince?.startsAt.getTime() ?? 0) + 3_600_000), latest),
    );
    welcome.complete('schedule', scheduled, doer(w, welcome, plan, 'schedule', scheduled));
    // The newest customer's call is scheduled, not held yet: a Welcome call running.
    const call = plan === newest?.plan ? undefined : meetingAfter(w, plan, scheduled, now);
    if (call) {
      const held = new Date(Date.parse(call.occurredAt) + 2 * 3_600_000);
      welcome.complete('hold', held, doer(w, welcome, plan, 'hold', held), { activityId: call.id });
    }
    welcome.replanOverdue(now, owner);
    welcome.finish();
    const handoff = new WorkflowRun(
      w,
      out,
      plan,
      'sa_tam_handoff',
      at,
      owner,
      { tam, reason: null, note: null, startedBySa: null },
      situation,
    );
    const reviewAt = days(at, 3);
    if (reviewAt.getTime() < latest)
      handoff.complete(
        'general_account_review',
        reviewAt,
        doer(w, handoff, plan, 'general_account_review', reviewAt),
        {
          data: { account_name: plan.name },
        },
      );
    const technicalAt = days(at, 6);
    if (handoff.isOpen('technical_handoff') && technicalAt.getTime() < latest)
      handoff.complete(
        'technical_handoff',
        technicalAt,
        doer(w, handoff, plan, 'technical_handoff', technicalAt),
      );
    const intro = handoff.isOpen('tam_introduction') ? meetingAfter(w, plan, technicalAt, now) : undefined;
    if (intro) {
      const introAt = new Date(Date.parse(intro.occurredAt) + 3_600_000);
      handoff.complete('tam_introduction', introAt, doer(w, handoff, plan, 'tam_introduction', introAt), {
        activityId: intro.id,
      });
      const acceptAt = new Date(
        Math.max(introAt.getTime() + DAY_MS, (tamSince?.startsAt.getTime() ?? 0) + 3_600_000),
      );
      if (plan !== newest?.plan && tam && acceptAt.getTime() < latest)
        handoff.complete('accept', acceptAt, tam);
    }
    handoff.replanOverdue(now, owner);
    handoff.finish();
  }
}

/**
 * A TAM handover on a rebalanced NORAM account (Marcus's to Jenna, the newest TAM), a
 * disengagement on a candidate (renewed below the TAM threshold), and an SA overlap on the
 * newest licence expansion of an account with an SA.
 */
function elsewhere(w: JourneyWorld, out: JourneyRows, used: Set<string>) {
  const { plans, staff, clock, opportunities } = w.inputs;
  const now = clock.now;
  const free = plans.filter((plan) => !used.has(plan.id) && plan.lifecycle === 'customer');
  const holds = (plan: AccountPlan, key: string) => w.holder(plan, 'tam', now)?.userId === staff.get(key).id;

  const rebalanced = free.filter((plan) => holds(plan, 'tam_marcus') && plan.tier === 3)[0];
  if (rebalanced) {
    const start = days(now, -9);
    const manager = person(staff.managerFor(rebalanced.region));
    const incoming = person(staff.get('tam_jenna'));
    const run = new WorkflowRun(
      w,
      out,
      rebalanced,
      'tam_handover',
      start,
      manager,
      { tam: incoming, reason: null, note: 'Rebalancing the NORAM book towards Jenna.' },
      { furthestStage: null, events: [] },
    );
    const reviewed = days(now, -6);
    run.complete('review', reviewed, doer(w, run, rebalanced, 'review', reviewed), {
      data: {
        notes: 'Stable account; monthly cadence with the platform team; renewal prep starts next quarter.',
      },
    });
    run.finish();
    used.add(rebalanced.id);
  }

  const candidate = free.find(
    (plan) => !used.has(plan.id) && plan.tamEligible && plan.tier === 0 && w.holder(plan, 'tam', now),
  );
  if (candidate) {
    const start = days(now, -12);
    const tam = w.holder(candidate, 'tam', start)!;
    const run = new WorkflowRun(
      w,
      out,
      candidate,
      'disengagement',
      start,
      tam,
      { tam: null, reason: 'below_threshold_downgrade', note: null },
      { furthestStage: null, events: ['disengagement_flag'] },
    );
    const talked = days(now, -8);
    run.complete('talk_with_manager', talked, doer(w, run, candidate, 'talk_with_manager', talked));
    run.finish();
    used.add(candidate.id);
  }

  const elliot = staff.get('sa_elliot').id;
  const expansion = opportunities
    .filter((row) => row.type === 'growth' && row.stage !== 'closed_won' && row.stage !== 'closed_lost')
    .map((row) => ({ row, plan: free.find((plan) => plan.id === row.accountId && !used.has(plan.id)) }))
    .filter(({ plan }) => plan && w.holder(plan, 'sa', now))
    // Elliot Park's if any: the SA who signs in to the demo sees it on their list.
    .sort(
      (a, b) =>
        Number(w.holder(b.plan!, 'sa', now)?.userId === elliot) -
          Number(w.holder(a.plan!, 'sa', now)?.userId === elliot) ||
        Date.parse(b.row.createdAt) - Date.parse(a.row.createdAt),
    )[0];
  if (expansion?.plan) {
    const start = new Date(expansion.row.createdAt);
    const run = new WorkflowRun(
      w,
      out,
      expansion.plan,
      'sa_overlap',
      start,
      w.owner(expansion.plan, start),
      { tam: null, reason: 'licence_expansion', note: null },
      { furthestStage: null, events: [] },
    );
    run.replanOverdue(now, w.owner(expansion.plan, now));
    run.finish();
  }
}

export function runOtherWorkflows(
  w: JourneyWorld,
  out: JourneyRows,
  won: { plan: AccountPlan; run: WorkflowRun }[],
): void {
  afterTheWin(w, out, won);
  elsewhere(w, out, new Set(out.instances.map((instance) => instance.accountId)));
}
