import type { AccountSummary } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import { statesAt } from '../history/index.ts';
import type { RecordBundle } from './record-bundle.ts';

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
