import type { TeamOverview } from '@liaison/contracts';
import {
  Badge,
  Card,
  Group,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../components/AnchorLink.tsx';
import {
  NotScoredBadge,
  OverdueCount,
  ProvisionalBadge,
  StatusBadge,
  TierBadge,
} from '../components/Badges.tsx';
import { LoadWithFigure } from '../components/Charts.tsx';
import { CardTitle, PageHeader } from '../components/PageHeader.tsx';
import { Empty, PageError, PageLoader } from '../components/PageState.tsx';
import { compareBy, SortableTh, type SortState } from '../components/SortableTh.tsx';
import { date, label, money, NO_TAM_HEALTH, percent, plural, regionLabels } from '../format.ts';
import { usePlaybook, useUserNames } from '../hooks.ts';
import { tamEligibility } from '../playbook-text.ts';
import { queries } from '../queries.ts';
import { ReassignTasks } from './tasks/ReassignTasks.tsx';

type TamRow = TeamOverview['tams'][number];
type TamSort = 'name' | 'region' | 'accounts' | 'load' | 'p1' | 'overdue';

export function TeamPage() {
  const overview = useQuery(queries.teamOverview());
  const [region, setRegion] = useState('all');
  const [sort, setSort] = useState<SortState<TamSort>>({ key: 'load', desc: true });
  const userName = useUserNames();
  const playbook = usePlaybook();
  const tams = useMemo(() => {
    const rows = (overview.data?.tams ?? []).filter((tam) => region === 'all' || tam.region === region);
    const value: Record<TamSort, (row: TamRow) => string | number | null> = {
      name: (row) => row.name,
      region: (row) => row.region,
      accounts: (row) => row.accounts,
      load: (row) => row.load,
      p1: (row) => row.p1Share,
      overdue: (row) => row.overdue,
    };
    return rows.sort(compareBy(value[sort.key], sort.desc));
  }, [overview.data, region, sort]);

  if (overview.isPending) return <PageLoader />;
  if (overview.error) return <PageError error={overview.error} />;
  const data = overview.data;
  const over = tams.filter((tam) => tam.load > 1.0001).length;
  const overdue = tams.reduce((sum, tam) => sum + tam.overdue, 0);
  const averageLoad = tams.length ? tams.reduce((sum, tam) => sum + tam.load, 0) / tams.length : 0;
  const maxLoad = Math.max(1.25, ...tams.map((tam) => tam.load));
  const th = { sort, onSort: setSort };

  return (
    <>
      <PageHeader
        title="Team"
        subtitle={`${plural(data.tams.length, 'TAM')} · capacity, P1 balance and work across the team`}
        actions={
          <SegmentedControl
            aria-label="Region"
            size="xs"
            value={region}
            onChange={setRegion}
            data={[
              { value: 'all', label: 'All regions' },
              ...Object.entries(regionLabels).map(([value, text]) => ({ value, label: text })),
            ]}
          />
        }
      />
      <Stack gap="lg">
        <SimpleGrid cols={4} spacing="md">
          <Stat label="Average load" value={averageLoad.toFixed(2)} note="capacity 1.0 per TAM" />
          <Stat
            label="Over capacity"
            value={String(over)}
            note={`of ${plural(tams.length, 'TAM')}`}
            alert={over > 0}
          />
          <Stat
            label="Overdue obligations"
            value={String(overdue)}
            note="across the team"
            alert={overdue > 0}
          />
          <Stat
            label="Eligible, no TAM"
            value={String(data.needsTam.length)}
            note={tamEligibility(playbook)}
            alert={data.needsTam.length > 0}
          />
        </SimpleGrid>
        <Card>
          <CardTitle
            right={
              <Text size="xs" c="dimmed">
                load = Σ 1 / accounts-per-TAM of each account’s tier · the line marks capacity 1.0
              </Text>
            }
          >
            Load per TAM
          </CardTitle>
          <Table highlightOnHover aria-label="Load per TAM" data-testid="team-load">
            <Table.Thead>
              <Table.Tr>
                <SortableTh column="name" {...th}>
                  TAM
                </SortableTh>
                <SortableTh column="region" {...th} w={90}>
                  Region
                </SortableTh>
                <SortableTh column="accounts" align="right" {...th} w={90}>
                  Accounts
                </SortableTh>
                <SortableTh column="load" {...th} w={340}>
                  Load vs capacity
                </SortableTh>
                <SortableTh column="p1" {...th} w={200}>
                  P1 balance
                </SortableTh>
                <SortableTh column="overdue" align="right" {...th} w={100}>
                  Overdue
                </SortableTh>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tams.map((tam) => (
                <Table.Tr key={tam.userId}>
                  <Table.Td>
                    <AnchorLink to="/week" search={{ owner: tam.userId }} size="sm" c="dark" fw={500}>
                      {tam.name}
                    </AnchorLink>
                    {/* Their home as they see it, read-only (the server serves it to managers). */}
                    <AnchorLink
                      to="/home"
                      search={{ userId: tam.userId }}
                      size="xs"
                      c="dimmed"
                      display="block"
                      aria-label={`${tam.name}’s home`}
                    >
                      home
                    </AnchorLink>
                    <ReassignTasks from={tam} />
                  </Table.Td>
                  <Table.Td>{label(regionLabels, tam.region)}</Table.Td>
                  <Table.Td ta="right" className="num">
                    {tam.accounts}
                  </Table.Td>
                  <Table.Td>
                    <LoadWithFigure load={tam.load} scaleMax={maxLoad} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <P1Pips p1={tam.p1} total={tam.accounts} />
                      <Text size="xs" c="dimmed" className="num" style={{ whiteSpace: 'nowrap' }}>
                        {tam.p1} · {percent(tam.p1Share)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">
                    <OverdueCount count={tam.overdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <SimpleGrid cols={3} spacing="md">
          <Card>
            <CardTitle right={<Badge variant="light">{data.needsTam.length}</Badge>}>
              Eligible accounts with no TAM
            </CardTitle>
            <AccountList
              empty="Every eligible account has a TAM."
              rows={data.needsTam.map((row) => ({
                id: row.accountId,
                name: row.name,
                detail: (
                  <Group gap={6} wrap="nowrap">
                    <TierBadge tier={row.tier} size="xs" />
                    {/* Without a TAM the playbook scores no health and owes nothing (docs/playbook.md). */}
                    {playbook.health.requireTam && <NotScoredBadge size="xs" why={NO_TAM_HEALTH} />}
                    {playbook.obligations.requireTam && <ProvisionalBadge size="xs" />}
                  </Group>
                ),
                right: money(row.arr),
              }))}
            />
          </Card>
          <Card>
            <CardTitle right={<Badge variant="light">{data.disengagementCandidates.length}</Badge>}>
              Disengagement candidates
            </CardTitle>
            <AccountList
              empty="No TAM is on an account below the threshold."
              rows={data.disengagementCandidates.map((row) => ({
                id: row.accountId,
                name: row.name,
                detail: (
                  <Text size="xs" c="dimmed">
                    TAM: {userName(row.tamUserId)}
                  </Text>
                ),
                right: money(row.arr),
              }))}
            />
          </Card>
          <Card>
            <CardTitle right={<Badge variant="light">{data.reviewsDue.length}</Badge>}>
              Priority reviews due
            </CardTitle>
            <AccountList
              empty="No quarterly priority review is due."
              rows={data.reviewsDue.map((row) => ({
                id: row.accountId,
                name: row.name,
                detail: (
                  <Group gap={6}>
                    <StatusBadge status={row.status} />
                    <Text size="xs" c="dimmed">
                      {userName(row.tamUserId)}
                    </Text>
                  </Group>
                ),
                right: date(row.dueDate),
              }))}
            />
          </Card>
        </SimpleGrid>
      </Stack>
    </>
  );
}

function Stat({
  label: title,
  value,
  note,
  alert,
}: {
  label: string;
  value: string;
  note: string;
  alert?: boolean;
}) {
  return (
    <Card>
      <Text className="section-title">{title}</Text>
      <Text fz={26} fw={650} className="num" c={alert ? 'red.7' : undefined} lh={1.2} mt={4}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Card>
  );
}

/** One pip per account, filled for P1: the balance at a glance. */
function P1Pips({ p1, total }: { p1: number; total: number }) {
  const shown = Math.min(total, 16);
  const filled = Math.round((p1 / Math.max(total, 1)) * shown);
  return (
    <Group gap={2} wrap="nowrap" aria-hidden>
      {Array.from({ length: shown }, (_, index) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: pips are positional
          key={index}
          style={{
            width: 6,
            height: 12,
            borderRadius: 2,
            background: index < filled ? 'var(--mantine-color-brand-6)' : 'var(--mantine-color-gray-3)',
          }}
        />
      ))}
    </Group>
  );
}

function AccountList({
  rows,
  empty,
}: {
  rows: { id: string; name: string; detail: React.ReactNode; right: string }[];
  empty: string;
}) {
  if (rows.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ScrollArea.Autosize mah={320}>
      <Stack gap={0}>
        {rows.map((row) => (
          <Group
            key={row.id}
            justify="space-between"
            wrap="nowrap"
            py={7}
            style={{ borderTop: '1px solid var(--app-border)' }}
          >
            <div style={{ minWidth: 0 }}>
              <AnchorLink
                to="/accounts/$accountId"
                params={{ accountId: row.id }}
                size="sm"
                c="dark"
                fw={500}
              >
                {row.name}
              </AnchorLink>
              <div>{row.detail}</div>
            </div>
            <Text size="sm" className="num" style={{ whiteSpace: 'nowrap' }}>
              {row.right}
            </Text>
          </Group>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
