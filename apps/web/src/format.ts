import { STAFF_ROLE_LABELS } from '@liaison/contracts';

/** Labels and number/date formatting shared by every page. Pure functions: unit-tested. */

const DAY_MS = 86_400_000;

export const segmentLabels: Record<string, string> = {
  enterprise: 'Enterprise',
  mid_market: 'Mid-market',
  smb: 'SMB',
  public_sector: 'Public sector',
};

export const regionLabels: Record<string, string> = {
  noram: 'NORAM',
  latam: 'LATAM',
  emea: 'EMEA',
  apac: 'APAC',
};

export const stageLabels: Record<string, string> = {
  lead: 'Lead',
  opportunity: 'Opportunity',
  customer: 'Customer',
  former_customer: 'Former customer',
};

export const priorityLabels: Record<string, string> = { pr1: 'P1', pr2: 'P2', pr3: 'P3', pr4: 'P4' };

export const modelLabels: Record<string, string> = {
  us_enterprise: 'US Enterprise',
  emea_enterprise: 'EMEA Enterprise',
  commercial: 'Commercial',
};

export const healthLabels: Record<string, string> = { green: 'Green', yellow: 'Yellow', red: 'Red' };

/**
 * Health can be "not scored" (`colour` and `score` null): never "Red 0". With no TAM the health
 * scorecard's measures are the TAM's; otherwise no measure is available yet.
 */
export const NOT_SCORED = 'Not scored';
export const NO_TAM_HEALTH = 'No TAM: the health scorecard is the TAM’s';
const NO_MEASURE_HEALTH = 'No health measure is available yet';
const NOT_SCORED_EITHER = `${NO_TAM_HEALTH}, or no health measure is available yet`;

/** A health colour as text: `Green`, or `Not scored` when the account has none. */
export const healthText = (colour: string | null | undefined): string =>
  colour ? label(healthLabels, colour) : NOT_SCORED;

/**
 * Why health is not scored, said plainly: from the account's TAM (when known) or the health
 * explanation's last step (`no TAM → not scored`, `no measure available → not scored`).
 */
export function notScoredReason(context: { hasTam?: boolean | null; lastStep?: string | null } = {}): string {
  const step = context.lastStep ?? '';
  if (context.hasTam === false || /\bno TAM\b/i.test(step)) return NO_TAM_HEALTH;
  if (/no measure/i.test(step) || context.hasTam === true) return NO_MEASURE_HEALTH;
  if (step) return `${step.charAt(0).toUpperCase()}${step.slice(1)}`;
  return NOT_SCORED_EITHER;
}

/** A TAM-aligned account with no TAM: its priority is provisional and it owes nothing yet. */
export const PROVISIONAL_HINT = 'No TAM yet — nothing is owed until a TAM is assigned';

export const gemstoneLabels: Record<string, string> = {
  diamond: 'Diamond',
  pearl: 'Pearl',
  sapphire: 'Sapphire',
  ruby: 'Ruby',
  quartz: 'Quartz',
};

export const obligationLabels: Record<string, string> = {
  cadence: 'Cadence call',
  onboarding_check_in: 'Onboarding check-in',
  onboarding_kickoff: 'Onboarding kick-off',
  onboarding_time_to_engage: 'Time to engage',
  onboarding_first_cadence_call: 'First cadence call',
  onboarding_time_to_first_value: 'Time to first value',
  onboarding_time_to_onboard: 'Time to onboard',
  ebr: 'Executive business review',
  success_plan: 'Success plan',
  renewal_review: 'Renewal review',
  renewal_conversation: 'Renewal conversation',
  priority_review: 'Quarterly priority review',
  triage_update: 'Triage update',
};

export const activityLabels: Record<string, string> = {
  cadence_call: 'Cadence call',
  ebr: 'EBR',
  onboarding_call: 'Onboarding call',
  kickoff: 'Kick-off',
  health_check: 'Health check',
  training: 'Training',
  demo: 'Demo',
  escalation_update: 'Escalation update',
  triage_update: 'Triage update',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
};

export const purposeLabels: Record<string, string> = {
  renewal_review: 'Renewal review (internal)',
  renewal_conversation: 'Renewal conversation (customer)',
};

export const staffRoleLabels: Record<string, string> = STAFF_ROLE_LABELS;

export const teamRoleLabels: Record<string, string> = {
  tam: 'Technical Account Manager',
  sal: 'Strategic Account Leader',
  ae: 'Account Executive',
  sa: 'Solutions Architect',
  pse: 'Professional Services',
  sdr: 'Sales Development',
};

export const stakeholderLabels: Record<string, string> = {
  champion: 'Champion',
  economic_buyer: 'Economic buyer',
  decision_maker: 'Decision maker',
  technical_contact: 'Technical contact',
  executive_sponsor: 'Executive sponsor',
  admin: 'Admin',
};

export const opportunityTypeLabels: Record<string, string> = {
  new_business: 'New business',
  growth: 'Growth',
  tier_upgrade: 'Tier upgrade',
  renewal: 'Renewal',
};

export const opportunityStageLabels: Record<string, string> = {
  discovery: 'Discovery',
  scoping: 'Scoping',
  technical_evaluation: 'Technical evaluation',
  proposal: 'Proposal',
  negotiating: 'Negotiating',
  closed_won: 'Closed won',
  closed_lost: 'Closed lost',
};

export const deploymentLabels: Record<string, string> = {
  self_managed: 'Self-managed',
  saas: 'SaaS',
  dedicated: 'Dedicated',
};

/** `snake_case_words` → `Snake case words`. */
export function humanize(value: string): string {
  const spaced = value.replace(/[_-]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export const label = (labels: Record<string, string>, value: string | null | undefined): string =>
  value == null ? '—' : (labels[value] ?? humanize(value));

/** Options for a Select from a label table. */
export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, text]) => ({ value, label: text }));

/** `$1.2M`, `$306k`, `$950`: compact US dollars. */
export function money(value: number | null | undefined): string {
  if (value == null) return '—';
  const sign = value < 0 ? '−' : '';
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `${sign}$${trim(abs / 1_000_000, abs >= 10_000_000 ? 0 : 2)}M`;
  if (abs >= 1_000) return `${sign}$${trim(abs / 1_000, abs >= 100_000 ? 0 : 1)}k`;
  return `${sign}$${Math.round(abs)}`;
}

function trim(value: number, digits: number): string {
  return value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1');
}

/** `$306,000`. */
export function moneyFull(value: number | null | undefined): string {
  if (value == null) return '—';
  return value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
}

export function count(value: number | null | undefined): string {
  return value == null ? '—' : value.toLocaleString('en-US');
}

/** `0.88` → `88%`. */
export function percent(share: number | null | undefined, digits = 0): string {
  if (share == null) return '—';
  return `${(share * 100).toFixed(digits)}%`;
}

/** The UTC day of an instant or date, `YYYY-MM-DD`. */
export function dayOf(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Date(value).toISOString().slice(0, 10);
}

/** Whole UTC days from `from` to `to` (both days or instants). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return Math.round((Date.parse(dayOf(to)) - Date.parse(dayOf(from))) / DAY_MS);
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-11-25` or an instant → `Nov 25, 2026` (UTC: dates in Liaison are UTC days). */
export function date(value: string | null | undefined, withYear = true): string {
  if (!value) return '—';
  const day = dayOf(value);
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const text = `${monthNames[month! - 1]} ${dayOfMonth}`;
  return withYear ? `${text}, ${year}` : text;
}

/** `Nov 25, 2026, 14:05 UTC`. */
export function dateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const instant = new Date(value);
  const time = instant.toISOString().slice(11, 16);
  return `${date(value)}, ${time} UTC`;
}

/** Relative to today: `today`, `tomorrow`, `in 5 days`, `yesterday`, `12 days ago`. */
export function relativeDay(value: string, today: Date | string = new Date()): string {
  const days = daysBetween(today, value);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  if (days > 0) return days < 60 ? `in ${days} days` : `in ${Math.round(days / 30)} months`;
  const ago = -days;
  if (ago < 60) return `${ago} days ago`;
  if (ago < 730) return `${Math.round(ago / 30)} months ago`;
  return `${Math.round(ago / 365)} years ago`;
}

/** The due line of an obligation: `overdue by 12 days`, `due today`, `due in 3 days`. */
export function dueText(dueDate: string, today: Date | string = new Date()): string {
  const days = daysBetween(today, dueDate);
  if (days < 0) return `overdue by ${plural(-days, 'day')}`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${plural(days, 'day')}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** A value from an explanation's `inputs`, readable: money-like keys as dollars, arrays joined. */
export function inputValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (/arr|iacv|amount|money|minimum/i.test(key) && Math.abs(value) >= 1000) return moneyFull(value);
    return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (value.every((item) => typeof item !== 'object' || item === null))
      return value.map((item) => inputValue(key, item)).join(', ');
  }
  return JSON.stringify(value);
}

/** The first day (UTC) of each of the last `months` months, oldest first, ending with today. */
export function monthlyInstants(now: Date, months: number): string[] {
  const points: string[] = [];
  for (let back = months - 1; back >= 1; back--) {
    const instant = new Date(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, Math.min(now.getUTCDate(), 28), 12),
    );
    points.push(instant.toISOString());
  }
  points.push(now.toISOString());
  return points;
}

/** End of a UTC day: the record "as of" a date includes everything that happened that day. */
export function endOfDay(day: string): string {
  return `${day}T23:59:59.999Z`;
}

interface ObligationBrief {
  kind: string;
  dueDate: string;
  status: string;
  fulfilled: boolean;
}

const isObligationList = (value: unknown): value is ObligationBrief[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'kind' in item);

/**
 * One dry-run change (`field`, before → after) as short lines a TAM reads; tier ids are named by
 * `tierName` (the playbook's tier names, `useTierName`).
 */
export function describeChange(
  field: string,
  before: unknown,
  after: unknown,
  tierName: (tier: string) => string = humanize,
): string[] {
  const name = humanize(field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase());
  const text = (value: unknown): string => {
    // Health with no colour or score is "not scored" (never "Red 0" or a blank).
    if (/colou?r/i.test(field) && (typeof value === 'string' || value === null)) return healthText(value);
    if (/health ?score/i.test(field) && value === null) return NOT_SCORED.toLowerCase();
    if (value === null || value === undefined) return '—';
    if (/tier/i.test(field) && typeof value === 'string') return tierName(value);
    if (/priority/i.test(field) && typeof value === 'string') return label(priorityLabels, value);
    if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  if (isObligationList(before) || isObligationList(after)) {
    const was = new Map((isObligationList(before) ? before : []).map((item) => [item.kind, item]));
    const now = new Map((isObligationList(after) ? after : []).map((item) => [item.kind, item]));
    const lines: string[] = [];
    for (const [kind, next] of now) {
      const previous = was.get(kind);
      const what = label(obligationLabels, kind);
      if (!previous) lines.push(`${what}: new, due ${date(next.dueDate)}`);
      else if (previous.dueDate !== next.dueDate)
        lines.push(`${what}: due ${date(previous.dueDate)} → ${date(next.dueDate)}`);
      else if (previous.fulfilled !== next.fulfilled)
        lines.push(`${what}: ${next.fulfilled ? 'now met' : 'no longer met'}`);
      else if (previous.status !== next.status)
        lines.push(`${what}: ${humanize(previous.status)} → ${humanize(next.status)}`);
    }
    for (const kind of was.keys())
      if (!now.has(kind)) lines.push(`${label(obligationLabels, kind)}: no longer required`);
    return lines.length ? lines : [`${name}: changed`];
  }
  return [`${name}: ${text(before)} → ${text(after)}`];
}

/** How long ago an instant was, roughly: `just now`, `5 min ago`, `3 h ago`, `2 days ago`. */
export function timeAgo(value: string, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - Date.parse(value)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  return days < 60 ? `${plural(days, 'day')} ago` : `${Math.round(days / 30)} months ago`;
}
