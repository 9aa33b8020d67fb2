import { accounts } from '../../db/schema.ts';
import { type AccountRow, presentAccountSummary } from '../accounts/accounts.presenter.ts';
import type { AccountPlan, AccountState } from './demo-model.ts';
import { rowsOf } from './demo-rows.ts';
import { importActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

/**
 * Account rows in their final state, and their history: created at the import (or by the SDR),
 * then every edit of the story at its instant by whoever held the role that day.
 */
export function buildAccountRows(plans: AccountPlan[], team: Team, log: HistoryLog): AccountRow[] {
  const row = rowsOf(accounts);
  return plans.map((plan) => {
    let state: AccountState = plan.initial;
    const creator = plan.imported ? importActor : team.actor(plan, 'sdr', plan.createdAt);
    const versions: Version<AccountState>[] = [{ at: plan.createdAt, actor: creator, fields: state }];
    for (const event of plan.events) {
      state = { ...state, ...event.after };
      versions.push({ at: event.at, actor: team.actor(plan, event.by, event.at), fields: state });
    }
    const final = plan.final as Record<string, unknown>;
    const reached = state as Record<string, unknown>;
    if (Object.keys(final).some((key) => JSON.stringify(reached[key]) !== JSON.stringify(final[key]))) {
      throw new Error(`demo: the story of ${plan.name} does not end in its final state`);
    }
    return materialise(
      log,
      { entityType: 'account', entityId: plan.id, accountId: plan.id },
      versions,
      (fields, meta) => row({ ...fields, id: plan.id, ...meta }),
      presentAccountSummary,
    )!;
  });
}
