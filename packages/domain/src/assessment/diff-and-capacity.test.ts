import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts } from './account-facts.ts';
import { assessBook } from './assess-account.ts';
import { capacityLoad, p1Guidance } from './capacity.ts';
import { diffAssessments, diffBooks } from './diff-assessments.ts';
import { activity, assessIn, instantDaysAgo, makeFacts, NOW, playbookWith } from './test-fixtures.ts';

const arrs = [700_000, 600_000, 599_999, 500_000, 300_000, 120_000];
const book: AccountFacts[] = arrs.map((arr, i) => makeFacts({ id: `a${i}`, name: `A${i}`, arr }));

describe('dry-run diff', () => {
  it('lists exactly the accounts whose tier moves when tier 1 rises to $600k', () => {
    const raised = playbookWith((p) => {
      p.tiers[0]!.minArr = 600_000;
    });
    const diffs = diffBooks(assessBook(book, defaultPlaybook, NOW), assessBook(book, raised, NOW));
    expect(diffs).toEqual([
      { accountId: 'a2', changes: [{ field: 'engagementTier', before: 'tier1', after: 'tier2' }] },
      { accountId: 'a3', changes: [{ field: 'engagementTier', before: 'tier1', after: 'tier2' }] },
    ]);
  });

  it('reports priority, health and obligation changes', () => {
    const before = assessIn(makeFacts());
    const after = assessIn(makeFacts({ sentiment: { value: 'red', setAt: instantDaysAgo(1), reason: 'x' } }));
    const fields = diffAssessments(before, after).changes.map((c) => c.field);
    expect(fields).toEqual(['priority', 'healthColour', 'healthScore', 'obligations']);
  });

  it('reports nothing for identical assessments', () => {
    expect(diffAssessments(assessIn(makeFacts()), assessIn(makeFacts())).changes).toEqual([]);
  });

  it('reports a moved due date as an obligation change', () => {
    const before = assessIn(makeFacts({ activities: [activity('cadence_call', 10)] }));
    const after = assessIn(makeFacts({ activities: [activity('cadence_call', 1)] }));
    const change = diffAssessments(before, after).changes;
    expect(change.map((c) => c.field)).toEqual(['obligations']);
  });

  it('reports accounts present on one side only', () => {
    const [a, b] = assessBook(book.slice(0, 2), defaultPlaybook, NOW);
    expect(diffBooks([a!], [b!]).map((d) => d.accountId)).toEqual(['a1', 'a0']);
  });
});

describe('capacityLoad (Σ 1/accounts per TAM)', () => {
  it('adds each account’s share of a TAM', () => {
    // tier1 ×4 (1/5 each), tier2 (1/10), tier3 (1/25)
    const load = capacityLoad(assessBook(book, defaultPlaybook, NOW), defaultPlaybook);
    expect(load.load).toBe(0.94);
    expect(load.byTier).toEqual({
      tier1: { accounts: 4, accountsPerTam: 5, load: 0.8 },
      tier2: { accounts: 1, accountsPerTam: 10, load: 0.1 },
      tier3: { accounts: 1, accountsPerTam: 25, load: 0.04 },
    });
  });

  it('is exactly 1.0 for a full book of 25 tier-3 accounts and counts digital as 0', () => {
    const full = Array.from({ length: 25 }, (_, i) =>
      makeFacts({ id: `t${i}`, name: `T${i}`, arr: 100_000 }),
    );
    const digital = makeFacts({ id: 'd', name: 'D', arr: 10_000 });
    const load = capacityLoad(assessBook([...full, digital], defaultPlaybook, NOW), defaultPlaybook);
    expect(load.load).toBe(1);
    expect(load.byTier['digital']).toEqual({ accounts: 1, accountsPerTam: null, load: 0 });
  });
});

describe('P1 share guidance', () => {
  const usBook = (p1: number, total: number) =>
    Array.from({ length: total }, (_, i) => makeFacts({ id: `u${i}`, name: `U${i}`, atRisk: i < p1 }));

  it.each([
    [2, 10, false],
    [3, 10, true],
    [4, 10, true],
    [5, 10, false],
  ])('US Enterprise: %i of %i as P1 → within guidance %s', (p1, total, within) => {
    const [g] = p1Guidance(assessBook(usBook(p1, total), defaultPlaybook, NOW), defaultPlaybook);
    expect(g).toMatchObject({ model: 'us_enterprise', p1, accounts: total, withinGuidance: within });
  });

  it.each([
    [4, false],
    [5, true],
    [8, true],
    [9, false],
  ])('EMEA Enterprise: %i P1 accounts → within guidance %s', (p1, within) => {
    const facts = Array.from({ length: 12 }, (_, i) =>
      makeFacts({
        id: `e${i}`,
        name: `E${i}`,
        region: 'emea',
        emeaParameters:
          i < p1 ? [{ id: 'x', parameter: 'tam_handover', startsOn: '2025-01-01', endsOn: null }] : [],
      }),
    );
    const [g] = p1Guidance(assessBook(facts, defaultPlaybook, NOW), defaultPlaybook);
    expect(g).toMatchObject({
      model: 'emea_enterprise',
      p1,
      withinGuidance: within,
      guidance: '5–8 P1 accounts',
    });
  });

  it('has no guidance for Commercial', () => {
    const [g] = p1Guidance(
      assessBook([makeFacts({ segment: 'smb' })], defaultPlaybook, NOW),
      defaultPlaybook,
    );
    expect(g).toMatchObject({ model: 'commercial', withinGuidance: null });
  });
});
