import { api } from '../../api.ts';
import type { AccountContext } from './AccountPage.tsx';
import { EditableSection } from './EditableSection.tsx';
import type { FieldSpec } from './profile-fields.ts';

/** Why the customer bought and what they want from it, and who champions, buys and decides. */
export function BusinessProfileCard({ account, canEdit }: Pick<AccountContext, 'account' | 'canEdit'>) {
  const contacts = new Map(account.contacts.map((contact) => [contact.id, contact.name]));
  const contactOptions = account.contacts.map((contact) => ({ value: contact.id, label: contact.name }));

  const businessFields: FieldSpec[] = [
    { key: 'whyTheyBought', label: 'Why they bought', kind: 'longtext', wide: true },
    { key: 'objectives', label: 'Objectives', kind: 'list' },
    { key: 'desiredBusinessOutcomes', label: 'Desired business outcomes', kind: 'list' },
    { key: 'painPoints', label: 'Pain points', kind: 'list' },
    { key: 'successMetrics', label: 'Success metrics', kind: 'list' },
    { key: 'mostCompellingFeatures', label: 'Most compelling features', kind: 'list' },
    { key: 'organisationStructure', label: 'Organisation structure', kind: 'longtext' },
    { key: 'championContactId', label: 'Champion', kind: 'select', options: contactOptions },
    { key: 'economicBuyerContactId', label: 'Economic buyer', kind: 'select', options: contactOptions },
    { key: 'decisionMakerContactId', label: 'Decision maker', kind: 'select', options: contactOptions },
  ];

  return (
    <EditableSection
      title="Business profile"
      testId="businessProfile"
      fields={businessFields}
      source={account.businessProfile}
      version={account.businessProfile.version}
      canEdit={canEdit}
      accountId={account.id}
      contacts={contacts}
      save={(payload) => api.accounts.updateBusinessProfile(account.id, payload as never)}
      versionOf={(fresh) => fresh.businessProfile.version}
      sourceOf={(fresh) => fresh.businessProfile}
    />
  );
}
