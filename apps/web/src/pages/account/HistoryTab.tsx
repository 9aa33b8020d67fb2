import type { Account, Assessment, EntityDiff, HistoryEntry } from '@liaison/contracts';
import {
  Badge,
  Box,
  Button,
  Card,
  Grid,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Timeline,
} from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CardTitle } from '../../components/PageHeader.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import {
  date,
  dateTime,
  dayOf,
  endOfDay,
  gemstoneLabels,
  healthLabels,
  humanize,
  label,
  money,
  priorityLabels,
  stageLabels,
} from '../../format.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';

interface Row {
  label: string;
  value: (account: Account, assessment: Assessment | undefined) => string;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const list = (values: string[]) => (values.length ? values.join('; ') : '—');
const teamOf = (account: Account, role: string) =>
  account.team
    .filter((member) => member.role === role)
    .map((member) => member.userName)
    .join(', ') || '—';

const rows: Row[] = [
  {
    label: 'Priority',
    value: (_, assessment) =>
      assessment
        ? `${label(priorityLabels, assessment.priority.priority)}${assessment.priority.provisional ? ' (provisional)' : ''}`
        : '…',
  },
  {
    label: 'Health',
    value: (_, assessment) =>
      assessment
        ? `${assessment.health.colour ? label(healthLabels, assessment.health.colour) : 'Not scored'}${assessment.health.score !== null ? ` (${assessment.health.score.toFixed(1)})` : ''}`
        : '…',
  },
  // The tier's name as the playbook assessing the account names it.
  { label: 'Tier', value: (_, assessment) => (assessment ? assessment.engagementTier.name : '…') },
  {
    label: 'Gemstone',
    value: (_, assessment) => (assessment ? label(gemstoneLabels, assessment.gemstone.gemstone) : '…'),
  },
  {
    label: 'TAM sentiment',
    value: (account) => (account.sentiment ? label(healthLabels, account.sentiment) : '—'),
  },
  { label: 'Sentiment reason', value: (account) => account.sentimentReason ?? '—' },
  { label: 'At risk', value: (account) => yesNo(account.atRisk) },
  { label: 'ARR', value: (account) => money(account.arr) },
  { label: 'Plan', value: (account) => humanize(account.plan) },
  { label: 'Relationship stage', value: (account) => label(stageLabels, account.relationshipStage) },
  { label: 'Licensed users', value: (account) => account.licensedUsers.toLocaleString('en-US') },
  { label: 'Active users', value: (account) => account.activeUsers.toLocaleString('en-US') },
  { label: 'Renewal date', value: (account) => date(account.renewalDate) },
  { label: 'Onboarding', value: (account) => onboarding(account) },
  { label: 'TAM', value: (account) => teamOf(account, 'tam') },
  {
    label: 'SAL / AE',
    value: (account) =>
      [teamOf(account, 'sal'), teamOf(account, 'ae')].filter((name) => name !== '—').join(', ') || '—',
  },
  { label: 'Contacts', value: (account) => String(account.contacts.length) },
  { label: 'Objectives (business)', value: (account) => list(account.businessProfile.objectives) },
  { label: 'Deployment', value: (account) => humanize(account.technicalProfile.deployment ?? '—') },
  { label: 'Product version', value: (account) => account.technicalProfile.productVersion ?? '—' },
];

function onboarding(account: Account): string {
  if (!account.onboardingStartedAt) return 'Not started';
  if (!account.onboardingCompletedAt) return `Since ${date(account.onboardingStartedAt)}`;
  return `${date(account.onboardingStartedAt)} – ${date(account.onboardingCompletedAt)}`;
}

function daysAgo(days: number): string {
  return dayOf(new Date(Date.now() - days * 86_400_000));
}

export function HistoryTab({ account, assessment }: AccountContext) {
  const [asOfDay, setAsOfDay] = useState(daysAgo(30));
  const [from, setFrom] = useState(daysAgo(90));
  const [to, setTo] = useState(dayOf(new Date()));
  const [compare, setCompare] = useState<{ from: string; to: string } | null>(null);
  const validDay = /^\d{4}-\d{2}-\d{2}$/.test(asOfDay);
  const asOf = useQuery({ ...queries.accountAsOf(account.id, endOfDay(asOfDay)), enabled: validDay });
  const assessmentThen = useQuery({
    ...queries.assessmentAt(account.id, endOfDay(asOfDay)),
    enabled: validDay,
  });
  const diff = useQuery({
    ...queries.diff(
      account.id,
      compare ? `${compare.from}T00:00:00.000Z` : '',
      compare ? endOfDay(compare.to) : '',
    ),
    enabled: compare !== null,
  });

  return (
    <Grid gap="lg">
      <Grid.Col span={7}>
        <Stack gap="lg">
          <Card data-testid="as-of">
            <CardTitle
              right={
                <TextInput
                  aria-label="Show the record as of"
                  type="date"
                  size="xs"
                  value={asOfDay}
                  max={dayOf(new Date())}
                  onChange={(event) => setAsOfDay(event.currentTarget.value)}
                />
              }
            >
              The record as it was
            </CardTitle>
            <Text size="xs" c="dimmed" mb="sm">
              Exactly as it stood at the end of {date(asOfDay)} (UTC), with the playbook’s verdict at that
              moment. Changed values are highlighted.
            </Text>
            {asOf.error ? (
              <ErrorNote error={asOf.error} />
            ) : !asOf.data ? (
              <Skeleton h={300} />
            ) : (
              <Table aria-label="Record as of" verticalSpacing={5}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="28%">Field</Table.Th>
                    <Table.Th>{date(asOfDay)}</Table.Th>
                    <Table.Th>Now</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => {
                    const then = row.value(asOf.data, assessmentThen.data);
                    const now = row.value(account, assessment);
                    const changed = then !== now && then !== '…';
                    return (
                      <Table.Tr key={row.label} data-field={row.label}>
                        <Table.Td c="dimmed">{row.label}</Table.Td>
                        <Table.Td className={changed ? 'changed-cell' : undefined} data-testid="then-value">
                          <Text size="sm" fw={changed ? 600 : 400} lineClamp={2}>
                            {then}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2}>
                            {now}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Card>
            <CardTitle>Compare two dates</CardTitle>
            <form
              onSubmit={(event) => {
                event.preventDefault();
                setCompare({ from, to });
              }}
            >
              <Group align="flex-end" gap="xs">
                <TextInput
                  label="From"
                  type="date"
                  size="xs"
                  value={from}
                  onChange={(event) => setFrom(event.currentTarget.value)}
                />
                <TextInput
                  label="To"
                  type="date"
                  size="xs"
                  value={to}
                  onChange={(event) => setTo(event.currentTarget.value)}
                />
                <Button type="submit" size="xs" variant="light">
                  Compare
                </Button>
              </Group>
            </form>
            {compare && (
              <Box mt="md" data-testid="diff">
                {diff.error ? (
                  <ErrorNote error={diff.error} />
                ) : !diff.data ? (
                  <Skeleton h={80} />
                ) : diff.data.entities.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Nothing changed between {date(compare.from)} and {date(compare.to)}.
                  </Text>
                ) : (
                  <Stack gap="sm">
                    <Text size="xs" c="dimmed">
                      {diff.data.entities.length} records changed between {date(compare.from)} and{' '}
                      {date(compare.to)}
                    </Text>
                    {diff.data.entities.map((entity) => (
                      <DiffEntity key={`${entity.entityType}:${entity.entityId}`} entity={entity} />
                    ))}
                  </Stack>
                )}
              </Box>
            )}
          </Card>
        </Stack>
      </Grid.Col>
      <Grid.Col span={5}>
        <ChangeLog accountId={account.id} />
      </Grid.Col>
    </Grid>
  );
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(value) ? dateTime(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ') || '—';
  if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'text' in item)
  )
    return value.map((item) => String((item as { text: unknown }).text)).join('; ') || '—';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function DiffEntity({ entity }: { entity: EntityDiff }) {
  const color = entity.change === 'added' ? 'teal' : entity.change === 'removed' ? 'red' : 'brand';
  return (
    <Box p="xs" style={{ border: '1px solid var(--app-border)', borderRadius: 8 }}>
      <Group gap={8} mb={4}>
        <Badge size="xs" color={color} variant="light">
          {entity.change}
        </Badge>
        <Text size="xs" c="dimmed">
          {humanize(entity.entityType)}
        </Text>
        <Text size="sm" fw={500}>
          {entity.label}
        </Text>
      </Group>
      {entity.change === 'changed' && (
        <Stack gap={2}>
          {entity.changes.slice(0, 12).map((change) => (
            <Group key={change.field} gap={6} wrap="nowrap" align="flex-start">
              <Text size="xs" c="dimmed" w={150} style={{ flex: 'none' }}>
                {humanize(change.field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())}
              </Text>
              <Text size="xs" td="line-through" c="dimmed" style={{ wordBreak: 'break-word' }}>
                {valueText(change.before)}
              </Text>
              <IconArrowRight size={12} style={{ flex: 'none', marginTop: 2 }} />
              <Text size="xs" fw={500} style={{ wordBreak: 'break-word' }}>
                {valueText(change.after)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Box>
  );
}

function ChangeLog({ accountId }: { accountId: string }) {
  const history = useInfiniteQuery(queries.history(accountId));
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card>
      <CardTitle
        right={
          <Text size="xs" c="dimmed">
            every change, who and when
          </Text>
        }
      >
        Change log
      </CardTitle>
      {history.isPending ? (
        <Skeleton h={200} />
      ) : (
        <Timeline bulletSize={10} lineWidth={1} active={-1}>
          {entries.map((entry) => (
            <Timeline.Item key={entry.id} title={<EntryTitle entry={entry} />}>
              <Text size="xs" c="dimmed">
                {dateTime(entry.at)} · {entry.actor.name}
              </Text>
              {entry.operation === 'update' && (
                <Text size="xs" c="dark.4" lineClamp={2}>
                  {entry.changes
                    .map(
                      (change) =>
                        `${humanize(change.field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())}: ${valueText(change.after)}`,
                    )
                    .join(' · ')}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {history.hasNextPage && (
        <Button
          variant="default"
          size="xs"
          mt="sm"
          onClick={() => history.fetchNextPage()}
          loading={history.isFetchingNextPage}
        >
          Older changes
        </Button>
      )}
    </Card>
  );
}

function EntryTitle({ entry }: { entry: HistoryEntry }) {
  const verb = entry.operation === 'create' ? 'added' : entry.operation === 'delete' ? 'removed' : 'changed';
  const summary =
    entry.entityType === 'activity'
      ? String(entry.changes.find((change) => change.field === 'summary')?.after ?? '')
      : '';
  return (
    <Text size="sm" fw={500} lineClamp={1}>
      {humanize(entry.entityType.replace(/_/g, ' '))} {verb}
      {summary ? `: ${summary}` : ''}
    </Text>
  );
}
