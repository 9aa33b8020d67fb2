import type { Playbook } from '../playbook/playbook-schema.ts';
import { responsiveness, responsivenessColour, trackResponses } from '../projects/response-tracking.ts';
import type { AccountFacts } from './account-facts.ts';
import { type AccountView, lastActivity } from './account-view.ts';
import { dateOfDay, dayOf, toMillis } from './calendar.ts';
import { type Explanation, explain, usd } from './explanation.ts';
import type { HealthColour } from './vocabulary.ts';

const DAY_MS = 86_400_000;

export type HealthMeasureId =
  | 'sentiment'
  | 'engagement'
  | 'success_plan'
  | 'support_tickets'
  | 'responsiveness';

/**
 * Responsiveness to the customer (docs/projects.md): the median first response to the customer's
 * issues in business days against the playbook's bands; a post past its SLA makes it at least
 * yellow. No project data, or nothing answered and nothing late → left out.
 */
export function responsivenessMeasure(view: AccountView, playbook: Playbook): MeasureReading {
  const threads = view.facts.projectThreads;
  const cfg = playbook.projects;
  const now = new Date(view.now).toISOString();
  const figure = responsiveness(
    (threads ?? []).map((thread) => trackResponses(thread.posts, thread.state, cfg.responseSla, now)),
  );
  const colour = threads ? responsivenessColour(figure, cfg.responsiveness) : null;
  const bands = `green ≤ ${cfg.responsiveness.greenMaxDays} business days, yellow ≤ ${cfg.responsiveness.yellowMaxDays}`;
  const step =
    colour === null
      ? 'no answered customer issue and none waiting past the SLA → left out'
      : `median first response ${figure.medianFirstResponseBusinessDays ?? '—'} business days, ${figure.overdue} waiting past the SLA → ${colour}`;
  return { colour, explanation: explain('health.responsiveness', [bands, step], { ...figure }) };
}

/** A measure's colour, or null when it is left out (no data, or onboarding grace). */
export interface MeasureReading {
  colour: HealthColour | null;
  explanation: Explanation;
}

/** TAM sentiment as set; left out when none was ever set. Staleness is flagged separately. */
export function sentimentMeasure(facts: AccountFacts): MeasureReading {
  const s = facts.sentiment;
  if (!s)
    return {
      colour: null,
      explanation: explain('health.sentiment', ['no TAM sentiment set → left out'], {}),
    };
  return {
    colour: s.value,
    explanation: explain('health.sentiment', [`TAM sentiment ${s.value} (set ${s.setAt})`], {
      sentiment: s.value,
      setAt: s.setAt,
      reason: s.reason,
    }),
  };
}

/**
 * Engagement recency (docs/playbook.md, Health): whole days since the last activity of the
 * playbook's recency kinds (default cadence call or meeting), against the band of the account's
 * segment and ARR. Nothing logged → red.
 */
export function engagementMeasure(view: AccountView, playbook: Playbook): MeasureReading {
  const { facts } = view;
  const cfg = playbook.health.engagement;
  const bands = cfg[facts.segment];
  const band = bands.find((b) => facts.arr >= b.minArr) ?? bands[bands.length - 1]!;
  const bandText = `${facts.segment}${bands.length > 1 ? ` with ARR ≥ ${usd(band.minArr)}` : ''}: green ≤ ${band.greenMaxDays} d, yellow ≤ ${band.yellowMaxDays} d`;
  const last = lastActivity(view, cfg.activityKinds);
  const inputs: Record<string, unknown> = {
    segment: facts.segment,
    arr: facts.arr,
    activityKinds: cfg.activityKinds,
    greenMaxDays: band.greenMaxDays,
    yellowMaxDays: band.yellowMaxDays,
  };
  if (!last)
    return {
      colour: 'red',
      explanation: explain(
        'health.engagement',
        [bandText, `no ${cfg.activityKinds.join(' or ')} logged → red`],
        inputs,
      ),
    };
  const age = view.today - last.day;
  const colour: HealthColour =
    age <= band.greenMaxDays ? 'green' : age <= band.yellowMaxDays ? 'yellow' : 'red';
  return {
    colour,
    explanation: explain(
      'health.engagement',
      [bandText, `last ${last.activity.kind} on ${dateOfDay(last.day)}, ${age} days ago → ${colour}`],
      { ...inputs, lastActivityId: last.activity.id, daysSince: age },
    ),
  };
}

/**
 * Success plan (docs/playbook.md, Health): no plan in force or no objectives → red; draft → yellow;
 * active → green.
 */
export function successPlanMeasure(facts: AccountFacts): MeasureReading {
  const plan = facts.successPlan;
  const objectives = plan && plan.status !== 'closed' ? plan.objectives.length : 0;
  const inputs = { planStatus: plan?.status ?? null, objectives };
  let step: string;
  let colour: HealthColour;
  if (!plan || plan.status === 'closed') [step, colour] = [`no success plan in force → red`, 'red'];
  else if (objectives === 0) [step, colour] = [`${plan.status} plan without objectives → red`, 'red'];
  else if (plan.status === 'draft')
    [step, colour] = [`draft plan with ${objectives} objective(s) → yellow`, 'yellow'];
  else [step, colour] = [`active plan with ${objectives} objective(s) → green`, 'green'];
  return { colour, explanation: explain('health.success_plan', [step], inputs) };
}

/**
 * Tickets opened in the window: after `now − windowDays × 24 h` and not after `now` (instants,
 * not calendar days: docs/playbook.md, "Support tickets").
 */
export function recentTicketCount(openedAt: readonly string[], now: number, windowDays: number): number {
  const windowStart = now - windowDays * DAY_MS;
  let count = 0;
  for (const instant of openedAt) {
    const opened = toMillis(instant);
    if (opened > windowStart && opened <= now) count += 1;
  }
  return count;
}

/**
 * Support tickets opened in the playbook's window (default the last 30 days), by the playbook's
 * bands; no data → left out (docs/playbook.md, Health).
 */
export function supportTicketMeasure(view: AccountView, playbook: Playbook): MeasureReading {
  const tickets = view.facts.supportTickets;
  if (!tickets)
    return {
      colour: null,
      explanation: explain('health.support_tickets', ['no ticket data → left out'], {}),
    };
  const windowDays = playbook.health.supportTicketWindowDays;
  const count = recentTicketCount(tickets.openedAt, view.now, windowDays);
  const bands = playbook.health.supportTicketBands;
  const band = bands.find((b) => b.upTo === null || count <= b.upTo) ?? bands[bands.length - 1]!;
  const range = band.upTo === null ? 'no upper bound' : `≤ ${band.upTo}`;
  return {
    colour: band.colour,
    explanation: explain(
      'health.support_tickets',
      [`${count} ticket(s) opened in the last ${windowDays} days, band ${range} → ${band.colour}`],
      { recentTickets: count, windowDays },
    ),
  };
}

/** Whole days since the sentiment was set, and whether that is more than the stale limit. */
export function sentimentAge(facts: AccountFacts, today: number, playbook: Playbook) {
  if (!facts.sentiment) return { ageDays: null, stale: false };
  const ageDays = today - dayOf(facts.sentiment.setAt);
  return { ageDays, stale: ageDays > playbook.health.staleSentimentDays };
}
