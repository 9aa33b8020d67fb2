import type { Account } from '@liaison/contracts';
import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors, isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { date, dateTime, deploymentLabels, label, moneyFull, options, stageLabels } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

type FieldKind =
  | 'text'
  | 'longtext'
  | 'list'
  | 'number'
  | 'money'
  | 'select'
  | 'switch'
  | 'date'
  | 'instant'
  | 'multi';

export interface FieldSpec {
  /** Dotted path in the record and the request, e.g. `architecture.users`. */
  key: string;
  label: string;
  kind: FieldKind;
  options?: { value: string; label: string }[];
  help?: string;
  wide?: boolean;
}

type Draft = Record<string, string | boolean | string[]>;

const read = (source: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], source);

/** Record value → form value. */
export function toDraftValue(field: FieldSpec, value: unknown): string | boolean | string[] {
  switch (field.kind) {
    case 'switch':
      return Boolean(value);
    case 'list':
      return Array.isArray(value) ? value.join('\n') : '';
    case 'multi':
      return Array.isArray(value) ? (value as string[]) : [];
    case 'number':
    case 'money':
      return value === null || value === undefined ? '' : String(value);
    case 'instant':
      return typeof value === 'string' ? value.slice(0, 10) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** Form value → request value (empty text → null, lines → list, digits → number). */
export function fromDraftValue(field: FieldSpec, value: string | boolean | string[]): unknown {
  switch (field.kind) {
    case 'switch':
    case 'multi':
      return value;
    case 'list':
      return String(value)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    case 'number':
    case 'money': {
      const text = String(value).replace(/[,$\s]/g, '');
      if (text === '') return null;
      const number = Number(text);
      return Number.isNaN(number) ? text : number;
    }
    case 'instant':
      return value ? `${value}T00:00:00.000Z` : null;
    default:
      return String(value).trim() === '' ? null : value;
  }
}

/** `{ 'architecture.users': 5 }` → `{ architecture: { users: 5 } }`. */
export function nest(flat: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(flat)) {
    const keys = path.split('.');
    let target = result;
    for (const key of keys.slice(0, -1)) {
      target[key] ??= {};
      target = target[key] as Record<string, unknown>;
    }
    target[keys[keys.length - 1]!] = value;
  }
  return result;
}

const same = (left: unknown, right: unknown) => JSON.stringify(left) === JSON.stringify(right);

function display(field: FieldSpec, value: unknown, contacts: Map<string, string>) {
  if (field.kind === 'switch') return <Text size="sm">{value ? 'Yes' : 'No'}</Text>;
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  if (field.kind === 'list')
    return (
      <List size="sm" spacing={2}>
        {(value as string[]).map((item) => (
          <List.Item key={item}>{item}</List.Item>
        ))}
      </List>
    );
  if (field.kind === 'multi')
    return (
      <Group gap={4}>
        {(value as string[]).map((item) => (
          <Badge key={item} size="sm" variant="default">
            {field.options?.find((option) => option.value === item)?.label ?? item}
          </Badge>
        ))}
      </Group>
    );
  if (field.kind === 'money') return <Text size="sm">{moneyFull(value as number)}</Text>;
  if (field.kind === 'number') return <Text size="sm">{(value as number).toLocaleString('en-US')}</Text>;
  if (field.kind === 'date') return <Text size="sm">{date(value as string)}</Text>;
  if (field.kind === 'instant') return <Text size="sm">{dateTime(value as string)}</Text>;
  if (field.kind === 'select') {
    const text =
      contacts.get(value as string) ?? field.options?.find((option) => option.value === value)?.label;
    return <Text size="sm">{text ?? String(value)}</Text>;
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {String(value)}
    </Text>
  );
}

/**
 * A record section shown as facts, edited in place. Saves only the changed fields with the
 * version it read; a 400 puts each message under its field; a 409 keeps the draft and offers
 * a reload of the latest version (then shows what the other person saved under each field).
 */
export function EditableSection({
  title,
  testId,
  fields,
  source,
  version,
  canEdit,
  save,
  accountId,
  contacts = new Map(),
  columns = 2,
  versionOf,
  sourceOf,
}: {
  title: string;
  testId: string;
  fields: FieldSpec[];
  source: unknown;
  version: number;
  canEdit: boolean;
  save: (payload: Record<string, unknown>) => Promise<unknown>;
  accountId: string;
  contacts?: Map<string, string>;
  columns?: number;
  /** The section's version in a freshly loaded account (after a conflict). */
  versionOf: (account: Account) => number;
  /** The section's record in a freshly loaded account. */
  sourceOf: (account: Account) => unknown;
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [original, setOriginal] = useState<Draft>({});
  const [baseVersion, setBaseVersion] = useState(version);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const mutation = useAccountMutation(accountId, save, { success: `${title} saved.` });
  const errors = fieldErrors(mutation.error);
  const editing = draft !== null;

  const start = () => {
    const values = Object.fromEntries(
      fields.map((field) => [field.key, toDraftValue(field, read(source, field.key))]),
    );
    setDraft(values);
    setOriginal(values);
    setBaseVersion(version);
    setReloaded(false);
    mutation.reset();
  };
  const submit = () => {
    if (!draft) return;
    const changed: Record<string, unknown> = {};
    // Only what the user edited: after a reload, fields someone else changed stay theirs.
    for (const field of fields) {
      if (!same(draft[field.key], original[field.key]))
        changed[field.key] = fromDraftValue(field, draft[field.key]!);
    }
    if (Object.keys(changed).length === 0) {
      setDraft(null);
      return;
    }
    mutation.mutate({ ...nest(changed), version: baseVersion } as never, { onSuccess: () => setDraft(null) });
  };
  const reload = async () => {
    setReloading(true);
    const fresh = await queryClient.fetchQuery({ ...queries.account(accountId), staleTime: 0 });
    await queryClient.invalidateQueries({ queryKey: ['assessment', accountId], exact: true });
    setBaseVersion(versionOf(fresh));
    // Fields the user did not touch take the latest values; edited ones keep the user's text.
    const latest = Object.fromEntries(
      fields.map((field) => [field.key, toDraftValue(field, read(sourceOf(fresh), field.key))]),
    );
    if (draft) {
      const merged: Draft = { ...draft };
      const base: Draft = { ...original };
      for (const field of fields) {
        if (same(draft[field.key], original[field.key])) {
          merged[field.key] = latest[field.key]!;
          base[field.key] = latest[field.key]!;
        }
      }
      setDraft(merged);
      setOriginal(base);
    }
    setReloaded(true);
    setReloading(false);
    mutation.reset();
  };

  return (
    <Card data-testid={testId}>
      <CardTitle
        right={
          canEdit &&
          !editing && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              onClick={start}
              aria-label={`Edit ${title.toLowerCase()}`}
            >
              Edit
            </Button>
          )
        }
      >
        {title}
      </CardTitle>
      {!editing ? (
        <SimpleGrid cols={columns} spacing="md" verticalSpacing="sm">
          {fields.map((field) => (
            <Box key={field.key} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
              <Text size="xs" c="dimmed" mb={2}>
                {field.label}
              </Text>
              {display(field, read(source, field.key), contacts)}
            </Box>
          ))}
        </SimpleGrid>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={`Edit ${title.toLowerCase()}`}
        >
          <Stack gap="sm">
            {isConflict(mutation.error) && <ConflictNotice onReload={reload} reloading={reloading} />}
            {reloaded && (
              <Text size="xs" c="orange.8">
                Reloaded the latest version. Where it differs from your text it is shown under the field;
                saving applies only the fields you edited.
              </Text>
            )}
            <SimpleGrid cols={columns} spacing="md" verticalSpacing="sm">
              {fields.map((field) => {
                const serverValue = toDraftValue(field, read(source, field.key));
                const differs = reloaded && !same(serverValue, draft[field.key]);
                return (
                  <Box key={field.key} style={field.wide ? { gridColumn: '1 / -1' } : undefined}>
                    <FieldInput
                      field={field}
                      value={draft[field.key]!}
                      error={
                        errors[
                          Object.keys(errors).find(
                            (path) => path === field.key || path.startsWith(`${field.key}.`),
                          ) ?? ''
                        ]
                      }
                      onChange={(value) => setDraft({ ...draft, [field.key]: value })}
                    />
                    {differs && (
                      <Text size="xs" c="orange.8" mt={2}>
                        Latest saved:{' '}
                        {Array.isArray(serverValue)
                          ? serverValue.join(', ')
                          : String(serverValue) || '(empty)'}
                      </Text>
                    )}
                  </Box>
                );
              })}
            </SimpleGrid>
            {mutation.error && !isConflict(mutation.error) && Object.keys(errors).length === 0 && (
              <ErrorNote error={mutation.error} />
            )}
            {Object.keys(errors).length > 0 && (
              <Text size="xs" c="red.7" role="alert">
                Some fields need attention: {Object.keys(errors).join(', ')}.
              </Text>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setDraft(null)}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={mutation.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

function FieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: FieldSpec;
  value: string | boolean | string[];
  error: string | undefined;
  onChange: (value: string | boolean | string[]) => void;
}) {
  const common = { label: field.label, error, description: field.help, size: 'xs' as const };
  switch (field.kind) {
    case 'switch':
      return (
        <Switch
          {...common}
          mt={18}
          checked={Boolean(value)}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'longtext':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          maxRows={8}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'list':
      return (
        <Textarea
          {...common}
          description={field.help ?? 'One per line'}
          autosize
          minRows={2}
          maxRows={8}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={field.options ?? []}
          value={String(value) || null}
          onChange={(next) => onChange(next ?? '')}
          clearable
          allowDeselect
        />
      );
    case 'multi':
      return (
        <MultiSelect
          {...common}
          data={field.options ?? []}
          value={value as string[]}
          onChange={onChange}
          searchable
        />
      );
    case 'date':
    case 'instant':
      return (
        <TextInput
          {...common}
          type="date"
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    case 'number':
    case 'money':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          leftSection={field.kind === 'money' ? '$' : undefined}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          value={String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

export function ProfileTab({ account, canEdit }: AccountContext) {
  const playbook = useQuery(queries.playbook());
  const stages = ((playbook.data?.playbook.stages as string[] | undefined) ?? []).map((stage) => ({
    value: stage,
    label: stage.charAt(0).toUpperCase() + stage.slice(1),
  }));
  const plans = (
    (playbook.data?.playbook.plans as string[] | undefined) ?? ['free', 'premium', 'ultimate']
  ).map((plan) => ({ value: plan, label: plan.charAt(0).toUpperCase() + plan.slice(1) }));
  const contacts = new Map(account.contacts.map((contact) => [contact.id, contact.name]));
  const contactOptions = account.contacts.map((contact) => ({ value: contact.id, label: contact.name }));

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
    <Stack gap="lg">
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
      <SimpleGrid cols={2} spacing="lg">
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
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Business profile last changed {dateTime(account.businessProfile.updatedAt)} · technical profile{' '}
        {dateTime(account.technicalProfile.updatedAt)} · {label(stageLabels, account.relationshipStage)}
      </Text>
    </Stack>
  );
}
