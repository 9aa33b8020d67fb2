import { accounts } from '../db/schema.ts';
import { type AccountRow, presentAccountSummary } from '../features/accounts/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { AccountExtras, ExtraFields } from './demo-account-extras.ts';
import type { AccountPlan, AccountState } from './demo-model.ts';
import { rowsOf } from './demo-rows.store.ts';
import { importActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import { type HistoryLog, materialise, type Version } from './demo-timeline.ts';

type Fields = AccountState & ExtraFields;

/**
 * Account rows in their final state, and their history: created at the import (or by the SDR),
 * then every edit of the story, and of the playbook inputs kept on the account (first value,
 * reviews, qualify-up, ticket feed), at its instant by whoever held the role that day.
 */
export function buildAccountRows(
  plans: AccountPlan[],
  team: Team,
  log: HistoryLog,
  extras: Map<string, AccountExtras>,
): AccountRow[] {
  const row = rowsOf(accounts);
  return plans.map((plan) => {
    const extra = extras.get(plan.id) ?? { initial: {}, edits: [] };
    let state: Fields = { ...plan.initial, ...extra.initial };
    const creator = plan.imported ? importActor : team.actor(plan, 'sdr', plan.createdAt);
    const versions: Version<Fields>[] = [{ at: plan.createdAt, actor: creator, fields: state }];
    const edits: { at: Date; actor: () => HistoryActor; fields: Partial<Fields> }[] = [
      ...plan.events.map((event) => ({
        at: event.at,
        actor: () => team.actor(plan, event.by, event.at),
        fields: event.after,
      })),
      ...extra.edits.map((edit) => ({ at: edit.at, actor: () => edit.actor, fields: edit.fields })),
    ].sort((left, right) => left.at.getTime() - right.at.getTime());
    for (const edit of edits) {
      state = { ...state, ...edit.fields };
      versions.push({ at: edit.at, actor: edit.actor(), fields: state });
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
