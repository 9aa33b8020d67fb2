import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { ThreadPost } from '../projects/response-tracking.ts';
import type { AccountFacts } from './account-facts.ts';
import { health } from './health.ts';
import { makeFacts, playbookWith, viewAt } from './test-fixtures.ts';

// Responsiveness as a health measure (docs/projects.md): off by default, so the scorecard is the
// handbook's four; turned on, it reads the project's threads with the playbook's SLA at `now`.
// NOW (test-fixtures) is Sunday 2025-06-15 12:00 UTC.
const post = (at: string, by: 'customer' | 'staff', internal = false): ThreadPost => ({ at, by, internal });
const answeredIn = (hours: number) => ({
  state: 'closed' as const,
  posts: [
    post('2025-06-02T09:00:00.000Z', 'customer'),
    post(new Date(Date.parse('2025-06-02T09:00:00.000Z') + hours * 3_600_000).toISOString(), 'staff'),
  ],
});
const late = { state: 'open' as const, posts: [post('2025-06-09T09:00:00.000Z', 'customer')] };
const on = playbookWith((p) => {
  p.projects.responsiveness.healthMeasure = true;
});
const reading = (facts: Partial<AccountFacts>, playbook = on) =>
  health(viewAt(makeFacts(facts)), playbook).measures.find((m) => m.measure === 'responsiveness');

describe('the responsiveness health measure', () => {
  it('is not on the scorecard by default', () => {
    expect(reading({ projectThreads: [answeredIn(2)] }, defaultPlaybook)).toBeUndefined();
  });

  it.each([
    ['no project data: left out', undefined, null],
    ['nothing answered, nothing late: left out', [], null],
    ['answered within hours', [answeredIn(4)], 'green'],
    ['answered in 2 business days', [answeredIn(48)], 'yellow'],
    ['answered in a week', [answeredIn(24 * 7)], 'red'],
    ['fast, but one customer waits past the SLA', [answeredIn(4), late], 'yellow'],
  ] as [string, AccountFacts['projectThreads'], string | null][])('%s', (_name, threads, colour) => {
    const measure = reading(threads === undefined ? {} : { projectThreads: threads });
    expect(measure?.colour ?? null).toBe(colour);
    expect(measure?.weight).toBe(5);
  });
});
