import { StaffRole, type TeamRole } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories, type Staff } from '../factories.ts';
import { createTestApp } from '../test-app.ts';
import { allows, callRoute, type RouteCase, type Setup, unknownTarget, withRole } from './route-table.ts';

// Runs rows of the route table as callers of each role and checks each call against the policy
// table: refused (403 FORBIDDEN) exactly when the policy says no, else a real 2xx.

export const STAFF_ROLES = StaffRole.options;

type Outcome = 'allowed' | 'refused';

/** Calls the row's route as `caller` on a target built for the call, and checks the outcome. */
async function expectOutcome(setup: Setup, row: RouteCase, outcome: Outcome, seat?: TeamRole) {
  const target = { ...unknownTarget(), ...(await row.target?.(setup)) };
  if (seat) await setup.f.assign({ id: target.accountId }, setup.caller.user, seat);
  const response = await callRoute(setup.caller, row.route, row, target);
  await row.settle?.(setup.app, response);
  const seen = `${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  if (outcome === 'refused') {
    expect(seen).toMatch(/^403 .*"code":"FORBIDDEN"/);
  } else {
    // A 2xx, not merely "not 403": it proves the call is valid, which the anonymous sweep relies on.
    expect(seen).toMatch(/^2\d\d /);
  }
}

/** One test per role × route, the expected outcome computed by the real policy functions. */
export async function describeRoleMatrix(area: string, rows: RouteCase[]) {
  const app = await createTestApp();
  const f = factories(app);
  const callers = new Map<StaffRole, Staff>();
  for (const role of STAFF_ROLES) callers.set(role, await f.buildUser({ roles: [role] }));

  describe.each(STAFF_ROLES)(
    `${area}, as a caller whose only role is %s, not on the account team`,
    (role) => {
      const cases = rows.map((row) => {
        const outcome: Outcome = allows(row, { user: withRole(role), teamRoles: [] }) ? 'allowed' : 'refused';
        return [row.route, row.guard, outcome, row] as const;
      });
      it.each(cases)('%s (%s): %s', async (_route, _guard, outcome, row) => {
        await expectOutcome({ f, app, caller: callers.get(role)! }, row, outcome);
      });
    },
  );
}

/** Team members (one staff role, one seat on the target account's team) against the given rows. */
export async function describeMembershipMatrix(
  members: readonly (readonly [StaffRole, TeamRole])[],
  rows: RouteCase[],
) {
  const app = await createTestApp();
  const f = factories(app);
  describe.each(members)('as a caller whose only role is %s, on the account team as %s', (role, seat) => {
    let caller: Staff | undefined;
    const cases = rows.map((row) => {
      const allowed = allows(row, { user: withRole(role), teamRoles: [seat] });
      return [row.route, row.guard, allowed ? 'allowed' : 'refused', row] as const;
    });
    it.each(cases)('%s (%s): %s', async (_route, _guard, outcome, row) => {
      caller ??= await f.buildUser({ roles: [role] });
      await expectOutcome({ f, app, caller }, row, outcome, seat);
    });
  });
}
