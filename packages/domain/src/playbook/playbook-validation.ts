import { usd } from '../assessment/explanation.ts';
import { journeyIssues } from '../journey/workflow-validation.ts';
import { projectSettingsIssues } from '../projects/project-rules.ts';
import type { Playbook, RecencyBand } from './playbook-schema.ts';

export type IssuePath = (string | number)[];

export interface CrossFieldIssue {
  path: IssuePath;
  message: string;
}

/** `['tiers', 1, 'minArr']` → `tiers[1].minArr`; the empty path is `playbook`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'playbook' : out;
}

function duplicates(list: readonly string[], at: IssuePath, issues: CrossFieldIssue[]): void {
  const seen = new Map<string, number>();
  list.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else
      issues.push({
        path: [...at, index],
        message: `${formatIssuePath([...at, index])} duplicates ${formatIssuePath([...at, first])} ("${value}")`,
      });
  });
}

function knownPlan(playbook: Playbook, at: IssuePath, plan: string, issues: CrossFieldIssue[]): void {
  if (!playbook.plans.includes(plan))
    issues.push({
      path: at,
      message: `${formatIssuePath(at)} "${plan}" is not one of plans (${playbook.plans.join(', ')})`,
    });
}

/** Each later value must be strictly below the previous one. */
function descending(values: { path: IssuePath; value: number | null }[], issues: CrossFieldIssue[]): void {
  let previous: { path: IssuePath; value: number } | undefined;
  for (const entry of values) {
    if (entry.value === null) continue;
    if (previous && entry.value >= previous.value)
      issues.push({
        path: entry.path,
        message: `${formatIssuePath(entry.path)} must be below ${formatIssuePath(previous.path)} (${entry.value} is not below ${previous.value})`,
      });
    previous = { path: entry.path, value: entry.value };
  }
}

function recencyIssues(bands: RecencyBand[], at: IssuePath, issues: CrossFieldIssue[]): void {
  descending(
    bands.map((band, i) => ({ path: [...at, i, 'minArr'], value: band.minArr })),
    issues,
  );
  bands.forEach((band, i) => {
    if (band.greenMaxDays >= band.yellowMaxDays) {
      const p = [...at, i, 'yellowMaxDays'];
      issues.push({
        path: p,
        message: `${formatIssuePath(p)} must be above ${formatIssuePath([...at, i, 'greenMaxDays'])} (${band.yellowMaxDays} is not above ${band.greenMaxDays})`,
      });
    }
  });
  const last = bands.length - 1;
  if (bands[last] && bands[last].minArr !== 0) {
    const p = [...at, last, 'minArr'];
    issues.push({ path: p, message: `${formatIssuePath(p)} must be 0 so that every ARR falls in a band` });
  }
}

function ticketIssues(playbook: Playbook, issues: CrossFieldIssue[]): void {
  const bands = playbook.health.supportTicketBands;
  const at: IssuePath = ['health', 'supportTicketBands'];
  bands.forEach((band, i) => {
    const isLast = i === bands.length - 1;
    const p = [...at, i, 'upTo'];
    if (isLast && band.upTo !== null)
      issues.push({
        path: p,
        message: `${formatIssuePath(p)} must be null: the last band has no upper bound`,
      });
    if (!isLast && band.upTo === null)
      issues.push({ path: p, message: `${formatIssuePath(p)} may be null only in the last band` });
    const prev = i > 0 ? bands[i - 1]?.upTo : undefined;
    if (band.upTo !== null && prev !== undefined && prev !== null && band.upTo <= prev)
      issues.push({
        path: p,
        message: `${formatIssuePath(p)} must be above ${formatIssuePath([...at, i - 1, 'upTo'])} (${band.upTo} is not above ${prev})`,
      });
  });
}

function tierIssues(playbook: Playbook, issues: CrossFieldIssue[]): void {
  duplicates(
    playbook.tiers.map((t) => t.id),
    ['tiers'],
    issues,
  );
  playbook.tiers.forEach((tier, i) => {
    if (tier.id === 'digital')
      issues.push({
        path: ['tiers', i, 'id'],
        message: `tiers[${i}].id "digital" is reserved for accounts below every tier`,
      });
    const prev = playbook.tiers[i - 1];
    if (prev && tier.minArr >= prev.minArr)
      issues.push({
        path: ['tiers', i, 'minArr'],
        message: `tiers[${i}].minArr must be below tiers[${i - 1}].minArr (${usd(tier.minArr)} is not below ${usd(prev.minArr)})`,
      });
  });
}

function healthIssues(playbook: Playbook, issues: CrossFieldIssue[]): void {
  const { points, thresholds } = playbook.health;
  if (!(points.red <= points.yellow && points.yellow <= points.green))
    issues.push({
      path: ['health', 'points'],
      message: `health.points must satisfy red ≤ yellow ≤ green (got red ${points.red}, yellow ${points.yellow}, green ${points.green})`,
    });
  if (thresholds.yellow >= thresholds.green)
    issues.push({
      path: ['health', 'thresholds', 'yellow'],
      message: `health.thresholds.yellow must be below health.thresholds.green (${thresholds.yellow} is not below ${thresholds.green})`,
    });
  for (const segment of ['enterprise', 'mid_market', 'smb', 'public_sector'] as const)
    recencyIssues(playbook.health.engagement[segment], ['health', 'engagement', segment], issues);
  duplicates(playbook.health.engagement.activityKinds, ['health', 'engagement', 'activityKinds'], issues);
  ticketIssues(playbook, issues);
}

function gemstoneIssues(playbook: Playbook, issues: CrossFieldIssue[]): void {
  const order = ['diamond', 'pearl', 'sapphire', 'ruby'] as const;
  for (const field of ['usersAbove', 'ultimateUsersAbove', 'arrAbove'] as const)
    descending(
      order.map((g) => ({ path: ['gemstones', g, field], value: playbook.gemstones[g][field] })),
      issues,
    );
  knownPlan(playbook, ['gemstones', 'ultimatePlan'], playbook.gemstones.ultimatePlan, issues);
}

/**
 * The checks a schema cannot express field by field. Each message names the offending field
 * and the one it conflicts with, e.g. `tiers[1].minArr must be below tiers[0].minArr`.
 */
export function playbookCrossFieldIssues(playbook: Playbook): CrossFieldIssue[] {
  const issues: CrossFieldIssue[] = [];
  duplicates(playbook.plans, ['plans'], issues);
  duplicates(playbook.stages, ['stages'], issues);
  tierIssues(playbook, issues);
  knownPlan(playbook, ['tamAlignment', 'minimumPlan'], playbook.tamAlignment.minimumPlan, issues);
  gemstoneIssues(playbook, issues);
  issues.push(...journeyIssues(playbook.journey));
  issues.push(...projectSettingsIssues(playbook.projects));
  const { emeaEnterprise, commercial } = playbook.priority;
  duplicates(
    emeaEnterprise.parameters.map((p) => p.id),
    ['priority', 'emeaEnterprise', 'parameters'],
    issues,
  );
  if (emeaEnterprise.p1CountMin > emeaEnterprise.p1CountMax)
    issues.push({
      path: ['priority', 'emeaEnterprise', 'p1CountMin'],
      message: `priority.emeaEnterprise.p1CountMin must not exceed priority.emeaEnterprise.p1CountMax (${emeaEnterprise.p1CountMin} > ${emeaEnterprise.p1CountMax})`,
    });
  duplicates(commercial.topNSegments, ['priority', 'commercial', 'topNSegments'], issues);
  duplicates(playbook.priority.exceptionApproverRoles, ['priority', 'exceptionApproverRoles'], issues);
  const { renewal, cadence, onboarding, ebr } = playbook.obligations;
  if (renewal.reviewByDaysBefore >= renewal.openDaysBefore)
    issues.push({
      path: ['obligations', 'renewal', 'reviewByDaysBefore'],
      message: `obligations.renewal.reviewByDaysBefore must be below obligations.renewal.openDaysBefore (${renewal.reviewByDaysBefore} is not below ${renewal.openDaysBefore})`,
    });
  duplicates(cadence.clockActivityKinds, ['obligations', 'cadence', 'clockActivityKinds'], issues);
  duplicates(onboarding.engageActivityKinds, ['obligations', 'onboarding', 'engageActivityKinds'], issues);
  duplicates(ebr.priorities, ['obligations', 'ebr', 'priorities'], issues);
  healthIssues(playbook, issues);
  return issues;
}
