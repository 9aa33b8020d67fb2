import type { AccountSummary } from '@liaison/contracts';
import { type BookContext, buildBookContext, DomainError, type Playbook } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { statesAt } from '../history/history.read-model.ts';
import { factsFromBundle, type RecordBundle } from './record-bundle.ts';

/** The account's playbook inputs exactly as the history recorded them at `at`. */
export async function loadBundleAsOf(executor: Executor, accountId: string, at: Date): Promise<RecordBundle> {
  const states = await statesAt(executor, accountId, at.toISOString());
  const of = <T>(type: string) =>
    states.filter((state) => state.entityType === type).map((state) => state.snapshot as unknown as T);
  const [account] = of<AccountSummary>('account');
  if (!account)
    throw new DomainError('NOT_FOUND', `Account ${accountId} did not exist at ${at.toISOString()}`);
  const [successPlan] = of<RecordBundle['successPlan']>('success_plan');
  const [priorityProposal] = of<RecordBundle['priorityProposal']>('priority_proposal');
  return {
    account: { ...emptyNewFields, ...account },
    team: of('team_assignment'),
    opportunities: of('opportunity'),
    activities: of<RecordBundle['activities'][number]>('activity').map((activity) => ({
      ...activity,
      purposes: activity.purposes ?? [],
    })),
    successPlan: successPlan ?? null,
    objectives: of('objective'),
    supportTickets: of('support_ticket'),
    initiatives: of('initiative'),
    emeaParameters: of('emea_parameter'),
    priorityProposal: priorityProposal ?? null,
    priorityExceptions: of('priority_exception'),
  };
}

// Snapshots written before a field existed lack it; these are the values it had then.
const emptyNewFields: Pick<
  AccountSummary,
  'firstValueAt' | 'qualifyUp' | 'lastPriorityReviewAt' | 'supportTicketsTracked'
> = {
  firstValueAt: null,
  qualifyUp: { keyLogo: false, caseStudy: false, channelInitiative: false, triageMoreAttention: false },
  lastPriorityReviewAt: null,
  supportTicketsTracked: false,
};

/**
 * The Commercial ranking as the book stood at `at`, rebuilt from the history's account and
 * team snapshots ("why was this account P1 on June 30?" needs the ranking of June 30).
 */
export async function loadBookContextAsOf(
  executor: Executor,
  playbook: Playbook,
  at: Date,
): Promise<BookContext> {
  const instant = at.toISOString();
  const segments = playbook.priority.commercial.topNSegments;
  const result = await executor.execute<{
    entity_type: string;
    account_id: string;
    snapshot: Record<string, unknown>;
  }>(sql`
    SELECT DISTINCT ON (entity_type, entity_id) entity_type, account_id, snapshot
    FROM history
    WHERE entity_type IN ('account', 'team_assignment') AND occurred_at <= ${instant}
    ORDER BY entity_type, entity_id, occurred_at DESC, id DESC`);
  const teams = new Map<string, RecordBundle['team']>();
  const accounts: AccountSummary[] = [];
  for (const row of result.rows) {
    if (!row.snapshot) continue;
    if (row.entity_type === 'account') {
      const account = row.snapshot as unknown as AccountSummary;
      if (segments.includes(account.segment)) accounts.push({ ...emptyNewFields, ...account });
    } else {
      const list = teams.get(row.account_id) ?? [];
      list.push(row.snapshot as unknown as RecordBundle['team'][number]);
      teams.set(row.account_id, list);
    }
  }
  const facts = accounts.map((account) =>
    factsFromBundle(
      {
        account,
        team: teams.get(account.id) ?? [],
        opportunities: [],
        activities: [],
        successPlan: null,
        objectives: [],
        supportTickets: [],
        initiatives: [],
        emeaParameters: [],
        priorityProposal: null,
        priorityExceptions: [],
      },
      at,
    ),
  );
  return buildBookContext(facts, playbook, at);
}
