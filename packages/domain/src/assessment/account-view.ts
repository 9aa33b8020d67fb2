import type { AccountFacts, ActivityFact, TeamAssignmentFact } from './account-facts.ts';
import { dayOf, toMillis } from './calendar.ts';
import type { ActivityKind, TeamRole } from './vocabulary.ts';

/** An activity with its instant and day pre-computed. */
export interface DatedActivity {
  activity: ActivityFact;
  at: number;
  day: number;
}

/**
 * The facts of one account seen from `now`: activities after `now` dropped, current team
 * members, onboarding state. Built once per assessment so rules stay cheap.
 */
export interface AccountView {
  facts: AccountFacts;
  now: number;
  today: number;
  /** Activities at or before `now`, oldest first (ties by id). */
  activities: DatedActivity[];
  /** Team assignments in force at `now` (startsAt ≤ now < endsAt). */
  currentTeam: TeamAssignmentFact[];
  onboardingStarted: boolean;
  /** Started and not completed at `now`. */
  inOnboarding: boolean;
  /** Day onboarding started, when it has started. */
  onboardingStartDay: number | null;
  /** The TAM's engagement in force at `now`, or null when the account has no TAM. */
  tamEngagement: TamEngagement | null;
}

/**
 * The current TAM engagement: it began when the unbroken chain of TAM assignments that covers
 * `now` began. A handover (the next TAM starts when, or before, the previous one ends) keeps the
 * chain, so the clocks keep running; a gap (an instant with no TAM) starts a new engagement.
 */
export interface TamEngagement {
  /** Instant the engagement began, and its UTC day. */
  since: number;
  day: number;
  /** The TAM in force now (the latest assignment if several). */
  userId: string;
}

function tamEngagementAt(team: readonly TeamAssignmentFact[], now: number): TamEngagement | null {
  const periods = team
    .filter((a) => a.role === 'tam' && toMillis(a.startsAt) <= now)
    .map((a) => ({ start: toMillis(a.startsAt), end: a.endsAt === null ? Infinity : toMillis(a.endsAt), a }))
    .filter((p) => p.end > p.start)
    .sort((x, y) => y.start - x.start);
  const current = periods.filter((p) => p.end > now);
  if (current.length === 0) return null;
  const holder = current[0]!;
  // Latest start first: a period reaching back to `since` (touching or overlapping) extends the
  // chain; every period passed over starts after the chain's start, so one pass is enough.
  let since = Math.min(...current.map((p) => p.start));
  for (const p of periods) if (p.start < since && p.end >= since) since = p.start;
  return { since, day: dayOf(since), userId: holder.a.userId };
}

function inForce(a: TeamAssignmentFact, now: number): boolean {
  return toMillis(a.startsAt) <= now && (a.endsAt === null || toMillis(a.endsAt) > now);
}

const byTime = (a: DatedActivity, b: DatedActivity) =>
  a.at - b.at || (a.activity.id < b.activity.id ? -1 : a.activity.id > b.activity.id ? 1 : 0);

export function viewAccount(facts: AccountFacts, now: number): AccountView {
  const activities: DatedActivity[] = [];
  let sorted = true;
  for (const activity of facts.activities) {
    const at = toMillis(activity.occurredAt);
    if (at > now) continue;
    const dated = { activity, at, day: dayOf(at) };
    const prev = activities[activities.length - 1];
    if (prev && byTime(prev, dated) > 0) sorted = false;
    activities.push(dated);
  }
  // Activities usually arrive in time order; sort only when they do not.
  if (!sorted) activities.sort(byTime);
  const ob = facts.onboarding;
  const startMs = ob ? toMillis(ob.startedAt) : null;
  const onboardingStarted = startMs !== null && startMs <= now;
  const completed = ob?.completedAt ? toMillis(ob.completedAt) <= now : false;
  return {
    facts,
    now,
    today: dayOf(now),
    activities,
    currentTeam: facts.team.filter((a) => inForce(a, now)),
    onboardingStarted,
    inOnboarding: onboardingStarted && !completed,
    onboardingStartDay: onboardingStarted && startMs !== null ? dayOf(startMs) : null,
    tamEngagement: tamEngagementAt(facts.team, now),
  };
}

/** The most recent activity of one of `kinds` (at or before now), or null. */
export function lastActivity(view: AccountView, kinds: readonly ActivityKind[]): DatedActivity | null {
  for (let i = view.activities.length - 1; i >= 0; i--) {
    const a = view.activities[i]!;
    if (kinds.includes(a.activity.kind)) return a;
  }
  return null;
}

/** The earliest activity matching `test` on or after day `fromDay`, or null. */
export function firstActivityFrom(
  view: AccountView,
  fromDay: number,
  test: (a: ActivityFact) => boolean,
): DatedActivity | null {
  return view.activities.find((a) => a.day >= fromDay && test(a.activity)) ?? null;
}

/** Current members holding `role`, latest assignment first. */
export function currentMembers(view: AccountView, role: TeamRole): TeamAssignmentFact[] {
  const members = view.currentTeam.filter((a) => a.role === role);
  return members.length < 2 ? members : members.sort((a, b) => toMillis(b.startsAt) - toMillis(a.startsAt));
}
