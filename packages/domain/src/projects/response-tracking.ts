// Response tracking (docs/projects.md): how fast staff answer what a customer writes in the
// collaboration project. Business days are Monday–Friday in UTC; the SLA's clock starts at the
// customer's post (on a weekend: the Monday after, at midnight) and runs only on business days.
// Pure: the server passes the posts and `now`.

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const isWeekend = (ms: number) => {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
};
const startOfDay = (ms: number) => ms - (((ms % DAY_MS) + DAY_MS) % DAY_MS);

/** The instant the SLA clock starts for a post at `at`: itself, or the next Monday 00:00 UTC. */
function clockStart(ms: number): number {
  let start = ms;
  while (isWeekend(start)) start = startOfDay(start) + DAY_MS;
  return start;
}

/**
 * `days` business days after an instant: the same time of day that many weekdays later. A post on
 * Friday 15:00 with 2 days is due Tuesday 15:00; one on Saturday is due Tuesday 00:00.
 */
export function addBusinessDays(instant: string, days: number): string {
  let ms = clockStart(Date.parse(instant));
  for (let left = days; left > 0; ) {
    ms += DAY_MS;
    if (!isWeekend(ms)) left -= 1;
  }
  return new Date(ms).toISOString();
}

/** Business time between two instants, in days (weekends do not count), rounded to 0.01. */
export function businessDaysBetween(from: string, to: string): number {
  let ms = clockStart(Date.parse(from));
  const end = Date.parse(to);
  if (end <= ms) return 0;
  let total = 0;
  while (ms < end) {
    const next = Math.min(startOfDay(ms) + DAY_MS, end);
    if (!isWeekend(ms)) total += next - ms;
    ms = next;
  }
  return Math.round((total / DAY_MS) * 100) / 100;
}

/** One post of an issue's thread: its description (the opening) or a comment. */
export interface ThreadPost {
  at: string;
  /** Who wrote it: the customer (a contact) or staff. */
  by: 'customer' | 'staff';
  /** An internal note: staff only, never an answer to the customer. */
  internal: boolean;
}

export interface ResponseSla {
  firstResponseDays: number;
  followUpDays: number;
}

export interface IssueResponses {
  /** The customer opened the issue: the first response is measured. */
  customerOpened: boolean;
  /** The first public staff post after the customer opened it (null: none yet). */
  firstResponseAt: string | null;
  /** Hours from the opening to the first response (wall clock). */
  firstResponseHours: number | null;
  /** Business days from the opening to the first response. */
  firstResponseBusinessDays: number | null;
  /** The oldest customer post no public staff post has answered yet (null: nothing waits). */
  waitingSince: string | null;
  /** Hours it has waited at `now`. */
  waitingHours: number | null;
  /** When the answer is due: the first-response or the follow-up SLA from `waitingSince`. */
  dueAt: string | null;
  overdue: boolean;
}

const hours = (from: string, to: string) =>
  Math.round(((Date.parse(to) - Date.parse(from)) / HOUR_MS) * 10) / 10;

/**
 * The responses of one issue at `now`. Posts in time order; the first is the opening. A closed
 * issue waits for nobody (closing it answers it). An internal note answers nobody.
 */
export function trackResponses(
  posts: readonly ThreadPost[],
  state: 'open' | 'closed',
  sla: ResponseSla,
  now: string,
): IssueResponses {
  const ordered = [...posts].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const opening = ordered[0];
  const customerOpened = opening?.by === 'customer';
  const answers = (post: ThreadPost) => post.by === 'staff' && !post.internal;
  const first = customerOpened ? ordered.slice(1).find(answers) : undefined;
  let waitingSince: string | null = null;
  for (const post of ordered) {
    if (post.by === 'customer') waitingSince ??= post.at;
    else if (answers(post)) waitingSince = null;
  }
  if (state === 'closed') waitingSince = null;
  // A customer's issue not answered yet: the first-response SLA; any later customer comment
  // (on their issue or on one staff opened): the follow-up SLA.
  const firstPending = customerOpened && !first;
  const dueAt =
    waitingSince === null
      ? null
      : addBusinessDays(waitingSince, firstPending ? sla.firstResponseDays : sla.followUpDays);
  return {
    customerOpened,
    firstResponseAt: first?.at ?? null,
    firstResponseHours: first && opening ? hours(opening.at, first.at) : null,
    firstResponseBusinessDays: first && opening ? businessDaysBetween(opening.at, first.at) : null,
    waitingSince,
    waitingHours: waitingSince === null ? null : hours(waitingSince, now),
    dueAt,
    overdue: dueAt !== null && Date.parse(now) > Date.parse(dueAt),
  };
}

/** The median of a list (null for none): the middle value, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Responsiveness {
  /** Median first response to the customer's issues, in hours and in business days. */
  medianFirstResponseHours: number | null;
  medianFirstResponseBusinessDays: number | null;
  /** Issues answered at least once, of those the customer opened. */
  answered: number;
  /** Issues waiting for staff now, and how many of them past their SLA. */
  waiting: number;
  overdue: number;
}

/** An account's responsiveness: the figure shown on the account and the optional health measure. */
export function responsiveness(issues: readonly IssueResponses[]): Responsiveness {
  const firsts = issues.filter((i) => i.firstResponseHours !== null);
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);
  return {
    medianFirstResponseHours: round(median(firsts.map((i) => i.firstResponseHours!))),
    medianFirstResponseBusinessDays: round(median(firsts.map((i) => i.firstResponseBusinessDays!))),
    answered: firsts.length,
    waiting: issues.filter((i) => i.waitingSince !== null).length,
    overdue: issues.filter((i) => i.overdue).length,
  };
}

/**
 * Responsiveness as a health measure (off by default, `projects.responsiveness`): the median first
 * response against the bands; an issue waiting past its SLA makes it at least yellow; no answered
 * issue leaves the measure out (null).
 */
export function responsivenessColour(
  figure: Responsiveness,
  bands: { greenMaxDays: number; yellowMaxDays: number },
): 'green' | 'yellow' | 'red' | null {
  const days = figure.medianFirstResponseBusinessDays;
  if (days === null) return figure.overdue > 0 ? 'yellow' : null;
  const colour = days <= bands.greenMaxDays ? 'green' : days <= bands.yellowMaxDays ? 'yellow' : 'red';
  return colour === 'green' && figure.overdue > 0 ? 'yellow' : colour;
}
