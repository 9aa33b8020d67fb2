import { api } from '../../api.ts';
import { deploymentLabels, options } from '../../format.ts';
import type { AccountContext } from './AccountPage.tsx';
import { EditableSection } from './EditableSection.tsx';
import type { FieldSpec } from './profile-fields.ts';

/** How the customer runs the product: deployment, version, architecture, hosting, integrations. */
export function TechnicalProfileCard({ account, canEdit }: Pick<AccountContext, 'account' | 'canEdit'>) {
  const technicalFields: FieldSpec[] = [
    { key: 'deployment', label: 'Deployment', kind: 'select', options: options(deploymentLabels) },
    { key: 'productVersion', label: 'Product version', kind: 'text' },
    { key: 'architecture.users', label: 'Users on the instance', kind: 'number' },
    { key: 'architecture.referenceArchitecture', label: 'Reference architecture', kind: 'text' },
    { key: 'architecture.highAvailability', label: 'High availability', kind: 'switch' },
    { key: 'architecture.geo', label: 'Geo replication', kind: 'switch' },
    { key: 'hosting', label: 'Hosting', kind: 'longtext' },
    { key: 'integrations', label: 'Integrations', kind: 'list' },
    { key: 'securityCompliance', label: 'Security and compliance', kind: 'list' },
    { key: 'environments', label: 'Environments', kind: 'list' },
    { key: 'scaleNotes', label: 'Scale notes', kind: 'longtext', wide: true },
  ];

  return (
    <EditableSection
      title="Technical profile"
      testId="technicalProfile"
      fields={technicalFields}
      source={account.technicalProfile}
      version={account.technicalProfile.version}
      canEdit={canEdit}
      accountId={account.id}
      save={(payload) => api.accounts.updateTechnicalProfile(account.id, payload as never)}
      versionOf={(fresh) => fresh.technicalProfile.version}
      sourceOf={(fresh) => fresh.technicalProfile}
    />
  );
}
