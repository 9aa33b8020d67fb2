import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import { gemstone } from './gemstone.ts';

describe('gemstone (R1, strict ">", first match wins)', () => {
  it.each([
    // The rule's three worked examples: users > 500; Ultimate and users > 1,000; both at the strict edge.
    [501, 'premium', 0, 'ruby'],
    [1500, 'ultimate', 0, 'pearl'],
    [500, 'premium', 50_000, 'quartz'],
    // Users boundaries.
    [5001, 'premium', 0, 'diamond'],
    [5000, 'premium', 0, 'pearl'],
    [2501, 'premium', 0, 'pearl'],
    [2500, 'premium', 0, 'sapphire'],
    [1001, 'premium', 0, 'sapphire'],
    [1000, 'premium', 0, 'ruby'],
    // Ultimate boundaries.
    [2001, 'ultimate', 0, 'diamond'],
    [2000, 'ultimate', 0, 'pearl'],
    [2001, 'premium', 0, 'sapphire'],
    [1001, 'ultimate', 0, 'pearl'],
    [1000, 'ultimate', 0, 'ruby'],
    // iACV (ARR) boundaries.
    [0, 'free', 500_001, 'diamond'],
    [0, 'free', 500_000, 'pearl'],
    [0, 'free', 250_001, 'pearl'],
    [0, 'free', 250_000, 'sapphire'],
    [0, 'free', 100_001, 'sapphire'],
    [0, 'free', 100_000, 'ruby'],
    [0, 'free', 50_001, 'ruby'],
    [0, 'free', 50_000, 'quartz'],
  ])('users %i, plan %s, iACV %i → %s', (licensedUsers, plan, arr, expected) => {
    expect(gemstone({ licensedUsers, plan, arr }, defaultPlaybook).gemstone).toBe(expected);
  });

  it('explains which condition matched', () => {
    const result = gemstone({ licensedUsers: 1500, plan: 'ultimate', arr: 0 }, defaultPlaybook);
    expect(result.explanation.path).toEqual([
      'diamond? no',
      'pearl? yes (ultimate and users 1500 > 1000) → pearl',
    ]);
    expect(result.explanation.inputs).toMatchObject({ licensedUsers: 1500, ultimate: true, iacv: 0 });
  });
});
