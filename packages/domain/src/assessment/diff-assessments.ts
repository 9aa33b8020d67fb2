import type { Assessment } from './assess-account.ts';

export type AssessmentChangeField =
  | 'engagementTier'
  | 'priority'
  | 'healthColour'
  | 'healthScore'
  | 'obligations';

export interface AssessmentChange {
  field: AssessmentChangeField;
  before: unknown;
  after: unknown;
}

export interface AssessmentDiff {
  accountId: string;
  /** Empty when nothing the dry-run reports differs. */
  changes: AssessmentChange[];
}

/** The part of an obligation the dry-run compares. */
export interface ObligationSummary {
  kind: string;
  dueDate: string;
  status: string;
  fulfilled: boolean;
}

const summarise = (a: Assessment): ObligationSummary[] =>
  a.obligations
    .map((o) => ({ kind: o.kind, dueDate: o.dueDate, status: o.status, fulfilled: o.fulfilled }))
    .sort((x, y) => (x.kind < y.kind ? -1 : x.kind > y.kind ? 1 : 0));

/**
 * What differs between two assessments of the same account (e.g. under the current and a
 * candidate playbook): engagement tier, priority, health colour and score, and obligations
 * (kind, due date, status, fulfilled). Explanations are not compared.
 */
export function diffAssessments(before: Assessment, after: Assessment): AssessmentDiff {
  const changes: AssessmentChange[] = [];
  const add = (field: AssessmentChangeField, b: unknown, a: unknown) => {
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  };
  add('engagementTier', before.engagementTier.tier, after.engagementTier.tier);
  add('priority', before.priority.priority, after.priority.priority);
  add('healthColour', before.health.colour, after.health.colour);
  add('healthScore', before.health.score, after.health.score);
  add('obligations', summarise(before), summarise(after));
  return { accountId: after.accountId, changes };
}

/**
 * Pairs two assessments of a book by account id and returns only the accounts that changed
 * (accounts present on one side only are reported with the missing side as null).
 */
export function diffBooks(before: readonly Assessment[], after: readonly Assessment[]): AssessmentDiff[] {
  const old = new Map(before.map((a) => [a.accountId, a]));
  const seen = new Set<string>();
  const out: AssessmentDiff[] = [];
  for (const a of after) {
    seen.add(a.accountId);
    const b = old.get(a.accountId);
    if (!b) {
      out.push({
        accountId: a.accountId,
        changes: [{ field: 'priority', before: null, after: a.priority.priority }],
      });
      continue;
    }
    const diff = diffAssessments(b, a);
    if (diff.changes.length > 0) out.push(diff);
  }
  for (const b of before)
    if (!seen.has(b.accountId))
      out.push({
        accountId: b.accountId,
        changes: [{ field: 'priority', before: b.priority.priority, after: null }],
      });
  return out;
}
