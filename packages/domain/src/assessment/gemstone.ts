import type { Playbook } from '../playbook/playbook-schema.ts';
import { type Explanation, explain, usd } from './explanation.ts';
import type { Gemstone } from './vocabulary.ts';

export interface GemstoneResult {
  gemstone: Gemstone;
  explanation: Explanation;
}

/**
 * Gemstone (docs/playbook.md, Gemstone), first match wins, every comparison strict (`>`): a gemstone
 * matches when licensed users > usersAbove, or the plan is the playbook's ultimate plan and
 * users > ultimateUsersAbove, or ARR (used as iACV, USD) > arrAbove. No match → quartz.
 */
export function gemstone(
  input: { licensedUsers: number; plan: string; arr: number },
  playbook: Playbook,
): GemstoneResult {
  const rules = playbook.gemstones;
  const ultimate = input.plan === rules.ultimatePlan;
  const path: string[] = [];
  for (const name of ['diamond', 'pearl', 'sapphire', 'ruby'] as const) {
    const r = rules[name];
    const reasons: string[] = [];
    if (input.licensedUsers > r.usersAbove) reasons.push(`users ${input.licensedUsers} > ${r.usersAbove}`);
    if (ultimate && r.ultimateUsersAbove !== null && input.licensedUsers > r.ultimateUsersAbove)
      reasons.push(`${rules.ultimatePlan} and users ${input.licensedUsers} > ${r.ultimateUsersAbove}`);
    if (input.arr > r.arrAbove) reasons.push(`iACV ${usd(input.arr)} > ${usd(r.arrAbove)}`);
    if (reasons.length > 0) {
      path.push(`${name}? yes (${reasons.join('; ')}) → ${name}`);
      return {
        gemstone: name,
        explanation: explain('gemstone', path, {
          licensedUsers: input.licensedUsers,
          plan: input.plan,
          ultimate,
          iacv: input.arr,
        }),
      };
    }
    path.push(`${name}? no`);
  }
  path.push('otherwise → quartz');
  return {
    gemstone: 'quartz',
    explanation: explain('gemstone', path, {
      licensedUsers: input.licensedUsers,
      plan: input.plan,
      ultimate,
      iacv: input.arr,
    }),
  };
}
