import { Badge, Button, Card, CloseButton, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconArrowsSort, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { HealthBadge, PriorityBadge, TierBadge } from '../components/Badges.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { PageError } from '../components/PageState.tsx';
import {
  date,
  healthLabels,
  label,
  money,
  notScoredReason,
  options,
  priorityLabels,
  regionLabels,
  segmentLabels,
  stageLabels,
} from '../format.ts';
import { usePlaybook } from '../hooks.ts';
import { tierIds, tierName } from '../playbook-text.ts';
import { queries } from '../queries.ts';
import type { AccountSearch } from '../search.ts';

const sortOptions = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-arr', label: 'ARR, highest first' },
  { value: 'arr', label: 'ARR, lowest first' },
  { value: 'renewalDate', label: 'Renewal, soonest first' },
  { value: '-renewalDate', label: 'Renewal, latest first' },
  { value: '-updatedAt', label: 'Recently updated' },
];

export function AccountsPage() {
  const search = useSearch({ from: '/app/accounts' });
  const navigate = useNavigate({ from: '/accounts' });
  const users = useQuery(queries.users());
  const playbook = usePlaybook();
  const accounts = useInfiniteQuery({ ...queries.accounts(search), placeholderData: keepPreviousData });
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);

  const update = (patch: Partial<AccountSearch>) =>
    navigate({ search: (previous) => ({ ...previous, ...patch }), replace: true });
  const updateQuery = useDebouncedCallback((value: string) => update({ q: value.trim() || undefined }), 250);

  const people = (users.data ?? [])
    .filter((user) => user.isActive && !user.roles.every((role) => role === 'viewer' || role === 'admin'))
    .map((user) => ({ value: user.id, label: user.name }));
  const tams = [
    { value: 'none', label: 'No TAM' },
    ...(users.data ?? [])
      .filter((user) => user.isActive && user.roles.includes('tam'))
      .map((user) => ({ value: user.id, label: user.name })),
  ];
  const filtered = Object.keys(search).some((key) => key !== 'sort');
  const rows = accounts.data?.pages.flatMap((page) => page.items) ?? [];
  const hasMore = accounts.hasNextPage;

  const filter = (
    key: keyof AccountSearch,
    placeholder: string,
    data: { value: string; label: string }[],
    w = 150,
  ) => (
    <Select
      aria-label={placeholder}
      placeholder={placeholder}
      data={data}
      value={(search[key] as string | undefined) ?? null}
      onChange={(value) => update({ [key]: value ?? undefined })}
      clearable
      allowDeselect
      searchable={data.length > 8}
      w={w}
      size="xs"
      comboboxProps={{ width: 'target', withinPortal: true }}
      styles={{
        input: search[key]
          ? { borderColor: 'var(--mantine-color-brand-4)', background: '#f5f7ff' }
          : undefined,
      }}
    />
  );

  return (
    <>
      <PageHeader
        title="Accounts"
        subtitle="The whole book: search, filter and sort — the URL keeps the view, so you can share it"
        actions={
          <Select
            aria-label="Sort"
            data={sortOptions}
            value={search.sort ?? 'name'}
            onChange={(value) =>
              update({ sort: value && value !== 'name' ? (value as AccountSearch['sort']) : undefined })
            }
            w={200}
            leftSection={<IconArrowsSort size={15} />}
          />
        }
      />
      <Card p="sm" mb="md">
        <Group gap="xs" wrap="wrap">
          <TextInput
            aria-label="Filter accounts by name"
            placeholder="Search by name…"
            leftSection={<IconSearch size={15} />}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              updateQuery(event.currentTarget.value);
            }}
            rightSection={
              text ? (
                <CloseButton
                  size="sm"
                  aria-label="Clear search"
                  onClick={() => {
                    setText('');
                    update({ q: undefined });
                  }}
                />
              ) : null
            }
            w={190}
            size="xs"
          />
          {filter('segment', 'Segment', options(segmentLabels), 118)}
          {filter('region', 'Region', options(regionLabels), 98)}
          {filter('relationshipStage', 'Stage', options(stageLabels), 128)}
          {filter('tam', 'TAM', tams, 130)}
          {filter('teamMember', 'Team member', people, 150)}
          {filter(
            'tier',
            'Tier',
            tierIds(playbook).map((tier) => ({ value: tier, label: tierName(playbook, tier) })),
            88,
          )}
          {filter('priority', 'Priority', options(priorityLabels), 88)}
          {filter('health', 'Health', options(healthLabels), 88)}

          {filtered && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconFilterOff size={14} />}
              onClick={() => navigate({ search: search.sort ? { sort: search.sort } : {} })}
            >
              Clear
            </Button>
          )}
        </Group>
      </Card>
      {accounts.error ? (
        <PageError error={accounts.error} />
      ) : (
        <Card p={0}>
          <Table highlightOnHover aria-label="Accounts" data-testid="accounts-table" stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th pl="md">Account</Table.Th>
                <Table.Th>Segment</Table.Th>
                <Table.Th>Region</Table.Th>
                <Table.Th>Stage</Table.Th>
                <Table.Th>TAM</Table.Th>
                <Table.Th ta="right">ARR</Table.Th>
                {/* Badges shrink to "Ti…" in a crowded table: these columns keep room for them. */}
                <Table.Th miw={76}>Tier</Table.Th>
                <Table.Th miw={72}>Priority</Table.Th>
                <Table.Th miw={104}>Health</Table.Th>
                <Table.Th miw={168}>Next due</Table.Th>
                <Table.Th pr="md">Renewal</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: accounts.isPlaceholderData ? 0.55 : 1 }}>
              {rows.map((account) => (
                <Table.Tr key={account.id}>
                  <Table.Td pl="md">
                    <AnchorLink
                      to="/accounts/$accountId"
                      params={{ accountId: account.id }}
                      size="sm"
                      fw={500}
                      c="dark"
                    >
                      {account.name}
                    </AnchorLink>
                    {account.industry && (
                      <Text size="xs" c="dimmed">
                        {account.industry}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{label(segmentLabels, account.segment)}</Table.Td>
                  <Table.Td>{label(regionLabels, account.region)}</Table.Td>
                  <Table.Td>{label(stageLabels, account.relationshipStage)}</Table.Td>
                  <Table.Td>
                    {account.tam ? (
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {account.tam.name}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    {money(account.arr)}
                  </Table.Td>
                  <Table.Td>
                    {account.assessment && <TierBadge tier={account.assessment.tier} size="xs" />}
                  </Table.Td>
                  <Table.Td>
                    {account.assessment && <PriorityBadge priority={account.assessment.priority} size="xs" />}
                  </Table.Td>
                  <Table.Td>
                    {account.assessment ? (
                      <HealthBadge
                        colour={account.assessment.healthColour}
                        score={account.assessment.healthScore}
                        size="xs"
                        why={notScoredReason({ hasTam: account.tam !== null })}
                      />
                    ) : (
                      <Text size="xs" c="dimmed">
                        not assessed yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {account.assessment?.nextDueDate ? (
                      <Group gap={6} wrap="nowrap">
                        <Text size="xs" className="num">
                          {date(account.assessment.nextDueDate)}
                        </Text>
                        {account.assessment.overdueCount > 0 && (
                          <Badge size="xs" color="red" variant="light">
                            {account.assessment.overdueCount} overdue
                          </Badge>
                        )}
                      </Group>
                    ) : (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td pr="md" className="num">
                    <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                      {date(account.renewalDate)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {rows.length === 0 && !accounts.isPending && (
            <Text size="sm" c="dimmed" p="md">
              No account matches these filters.
            </Text>
          )}
          <Group justify="space-between" p="sm" style={{ borderTop: '1px solid var(--app-border)' }}>
            <Text size="xs" c="dimmed">
              {accounts.isPending ? 'Loading…' : `Showing ${rows.length}${hasMore ? '+' : ''} accounts`}
            </Text>
            {hasMore && (
              <Button
                variant="default"
                size="xs"
                onClick={() => accounts.fetchNextPage()}
                loading={accounts.isFetchingNextPage}
              >
                Load 50 more
              </Button>
            )}
          </Group>
        </Card>
      )}
    </>
  );
}
