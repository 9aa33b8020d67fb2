import { api } from '../../api.ts';
import { humanize, options, stageLabels } from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import type { AccountContext } from './AccountPage.tsx';
import { EditableSection } from './EditableSection.tsx';
import type { FieldSpec } from './profile-fields.ts';

/** The account's own fields (plan, ARR, users, dates, qualify-up flags, stages adopted), edited in place. */
export function AccountDetailsCard({ account, canEdit }: Pick<AccountContext, 'account' | 'canEdit'>) {
  // Plans and stages are the playbook's vocabularies (the server checks membership).
  const playbook = usePlaybook();
  const stages = playbook.stages.map((stage) => ({ value: stage, label: humanize(stage) }));
  const plans = playbook.plans.map((plan) => ({ value: plan, label: humanize(plan) }));

  const accountFields: FieldSpec[] = [
    { key: 'industry', label: 'Industry', kind: 'text' },
    { key: 'plan', label: 'Plan', kind: 'select', options: plans },
    { key: 'arr', label: 'ARR (USD)', kind: 'money' },
    { key: 'relationshipStage', label: 'Relationship stage', kind: 'select', options: options(stageLabels) },
    { key: 'licensedUsers', label: 'Licensed users', kind: 'number' },
    { key: 'activeUsers', label: 'Active users', kind: 'number' },
    { key: 'lam', label: 'LAM (seats the customer could use)', kind: 'number' },
    { key: 'renewalDate', label: 'Renewal date', kind: 'date' },
    { key: 'contractStart', label: 'Contract start', kind: 'date' },
    { key: 'onboardingStartedAt', label: 'Onboarding started', kind: 'instant' },
    { key: 'onboardingCompletedAt', label: 'Onboarding completed', kind: 'instant' },
    { key: 'lastPriorityReviewAt', label: 'Last quarterly priority review', kind: 'instant' },
    { key: 'atRisk', label: 'At risk of contraction or churn', kind: 'switch' },
    { key: 'qualifyUp.keyLogo', label: 'Key logo', kind: 'switch' },
    { key: 'qualifyUp.caseStudy', label: 'Case study', kind: 'switch' },
    { key: 'qualifyUp.channelInitiative', label: 'Channel initiative', kind: 'switch' },
    { key: 'stagesAdopted', label: 'Stages adopted', kind: 'multi', options: stages, wide: true },
  ];

  return (
    <EditableSection
      title="Account details"
      testId="account-details"
      fields={accountFields}
      source={account}
      version={account.version}
      canEdit={canEdit}
      accountId={account.id}
      save={(payload) => api.accounts.update(account.id, payload as never)}
      versionOf={(fresh) => fresh.version}
      sourceOf={(fresh) => fresh}
      columns={3}
    />
  );
}
