import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { AccountFacts } from './account-facts.ts';
import { buildBookContext } from './book-context.ts';
import { makeFacts, NOW } from './test-fixtures.ts';

const acct = (id: string, name: string, arr: number, extra: Partial<AccountFacts> = {}) =>
  makeFacts({ id, name, arr, segment: 'mid_market', ...extra });

const ranks = (facts: AccountFacts[]) =>
  Object.fromEntries(buildBookContext(facts, defaultPlaybook, NOW).commercialRanks);

describe('buildBookContext: Commercial ranking by ARR', () => {
  it('ranks by ARR descending, ties by name then id', () => {
    expect(
      ranks([
        acct('c', 'Beta', 200_000),
        acct('b', 'Alpha', 200_000),
        acct('a', 'Alpha', 200_000),
        acct('d', 'Zulu', 900_000),
      ]),
    ).toEqual({ d: 1, a: 2, b: 3, c: 4 });
  });

  it('compares names by code unit (upper case before lower case)', () => {
    expect(ranks([acct('x', 'acme', 100_000), acct('y', 'Acme', 100_000)])).toEqual({ y: 1, x: 2 });
  });

  it.each<[string, Partial<AccountFacts>]>([
    ['enterprise accounts', { segment: 'enterprise' }],
    ['public sector accounts', { segment: 'public_sector' }],
    ['unmanaged accounts (free plan, no TAM)', { plan: 'free', team: [] }],
  ])('leaves out %s', (_label, extra) => {
    expect(ranks([acct('in', 'In', 100_000), acct('out', 'Out', 900_000, extra)])).toEqual({ in: 1 });
  });

  it('ranks smb and accounts managed only through a TAM', () => {
    expect(
      ranks([acct('s', 'S', 100_000, { segment: 'smb' }), acct('t', 'T', 50_000, { plan: 'free' })]),
    ).toEqual({ s: 1, t: 2 });
  });

  it('reports the top N and how many were ranked', () => {
    const book = buildBookContext([acct('a', 'A', 1)], defaultPlaybook, NOW);
    expect(book).toMatchObject({ topN: 30, rankedCount: 1 });
  });
});
