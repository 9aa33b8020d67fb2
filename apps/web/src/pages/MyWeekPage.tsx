import type { Portfolio, PortfolioItem, WorkItem } from '@liaison/contracts';
import { Box, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { GemstoneBadge, HealthBadge, PriorityBadge, StatusBadge, TierBadge } from '../components/Badges.tsx';
import { HealthColumns, LoadBar } from '../components/Charts.tsx';
import { Explain } from '../components/Explain.tsx';
import { CardTitle, PageHeader } from '../components/PageHeader.tsx';
import { Empty, PageLoader } from '../components/PageState.tsx';
import { compareBy, SortableTh, type SortState } from '../components/SortableTh.tsx';
import {
  date,
  dueText,
  label,
  modelLabels,
  money,
  notScoredReason,
  obligationLabels,
  percent,
  plural,
  regionLabels,
  relativeDay,
  segmentLabels,
} from '../format.ts';
import { holdsBook, useCan, useMe, usePlaybook } from '../hooks.ts';
import { tierIds, tierName } from '../playbook-text.ts';
import { queries } from '../queries.ts';
import { JourneyStepsCard } from './JourneyStepsCard.tsx';
import { MyTasksCard } from './tasks/MyTasksCard.tsx';
import { CalendarFeedCard } from './week/CalendarFeedCard.tsx';
import { CustomersWaitingCard } from './week/CustomersWaitingCard.tsx';
import { LogCallButton } from './week/LogCallButton.tsx';

function greeting(now: Date): string {
  const hour = now.getHours();
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export function MyWeekPage() {
  const me = useMe();
  const search = useSearch({ from: '/app/week' });
  const navigate = useNavigate({ from: '/week' });
  const owner = search.owner && search.owner !== me.id ? search.owner : undefined;
  const users = useQuery(queries.users());
  const portfolio = useQuery(queries.portfolio(owner));
  const worklist = useQuery(queries.worklist(owner));
  const manager = useCan().manageTeam;
  const tam = holdsBook(me);
  const tams = (users.data ?? []).filter((user) => user.roles.includes('tam') && user.isActive);
  const ownerName = portfolio.data?.owner.name ?? me.name;
  const viewingSelf = !owner;
  const now = new Date();

  const picker =
    manager || !tam ? (
      <Select
        aria-label="Whose week"
        placeholder="Pick a TAM"
        searchable
        w={240}
        data={tams.map((tam) => ({ value: tam.id, label: tam.name }))}
        value={owner ?? (tam ? me.id : null)}
        onChange={(value) => navigate({ search: value && value !== me.id ? { owner: value } : {} })}
      />
    ) : undefined;

  return (
    <>
      <PageHeader
        title={viewingSelf ? `${greeting(now)}, ${me.name.split(' ')[0]}` : `${ownerName}’s week`}
        subtitle={`${now.toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' })} · ${viewingSelf ? 'your' : 'their'} worklist and book of business`}
        actions={picker}
      />
      {portfolio.isPending || worklist.isPending ? (
        <PageLoader />
      ) : portfolio.data && worklist.data ? (
        portfolio.data.items.length === 0 && viewingSelf && !tam ? (
          <Stack gap="lg">
            <CustomersWaitingCard />
            <MyTasksCard />
            <JourneyStepsCard />
            <Card p="xl">
              <Text fw={600}>You have no accounts as TAM.</Text>
              <Text size="sm" c="dimmed" mb="md">
                Open a TAM’s week{manager ? ', or the Team overview for everyone at once' : ''}.
              </Text>
              <Group gap="xs">
                {tams.map((tam) => (
                  <Button
                    key={tam.id}
                    variant="default"
                    size="xs"
                    onClick={() => navigate({ search: { owner: tam.id } })}
                  >
                    {tam.name}
                  </Button>
                ))}
              </Group>
            </Card>
            <CalendarFeedCard />
          </Stack>
        ) : (
          <Stack gap="lg">
            <Summary portfolio={portfolio.data} worklist={worklist.data.items} />
            <Card>
              <CardTitle
                right={
                  <Text size="xs" c="dimmed">
                    overdue first, then by priority · through {date(worklist.data.horizon, false)}
                  </Text>
                }
              >
                Worklist
              </CardTitle>
              <Worklist items={worklist.data.items} canLog={viewingSelf} />
            </Card>
            {viewingSelf && <CustomersWaitingCard />}
            {viewingSelf && <MyTasksCard />}
            {viewingSelf && <JourneyStepsCard />}
            <Card>
              <CardTitle
                right={
                  <Text size="xs" c="dimmed">
                    {plural(portfolio.data.items.length, 'account')} where{' '}
                    {viewingSelf ? 'you are' : `${ownerName.split(' ')[0]} is`} the TAM
                  </Text>
                }
              >
                Portfolio
              </CardTitle>
              <PortfolioTable items={portfolio.data.items} />
            </Card>
            {viewingSelf && <CalendarFeedCard />}
          </Stack>
        )
      ) : (
        <Text c="red">{String(portfolio.error ?? worklist.error)}</Text>
      )}
    </>
  );
}

function Summary({ portfolio, worklist }: { portfolio: Portfolio; worklist: WorkItem[] }) {
  const counts = { green: 0, yellow: 0, red: 0, none: 0 };
  for (const item of portfolio.items) counts[item.healthColour ?? 'none'] += 1;
  const overdue = worklist.filter((item) => item.status === 'overdue').length;
  const dueSoon = worklist.length - overdue;
  const playbook = usePlaybook();
  // In the playbook's order: highest tier first, digital last.
  const order = tierIds(playbook);
  const rank = (tier: string) => (order.includes(tier) ? order.indexOf(tier) : order.length);
  const tiers = Object.entries(portfolio.capacity.byTier)
    .filter(([, tier]) => tier.accounts > 0)
    .sort(([left], [right]) => rank(left) - rank(right) || left.localeCompare(right));
  const guidance = portfolio.p1Guidance.filter((model) => model.accounts > 0);
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md">
      <Card>
        <Text className="section-title">Capacity load</Text>
        <Group gap={6} align="baseline" mt={4} mb={8}>
          <Text fz={28} fw={650} className="num" lh={1.1}>
            {portfolio.capacity.load.toFixed(2)}
          </Text>
          <Text size="sm" c="dimmed">
            of 1.0
          </Text>
        </Group>
        <LoadBar load={portfolio.capacity.load} />
        <Text size="xs" c="dimmed" mt={8}>
          {tiers.length === 0
            ? 'No accounts'
            : tiers.map(([tier, value]) => `${value.accounts} × ${tierName(playbook, tier)}`).join(' · ')}
        </Text>
      </Card>
      <Card>
        <Text className="section-title">P1 share vs guidance</Text>
        <Stack gap={8} mt={8}>
          {guidance.length === 0 && (
            <Text size="sm" c="dimmed">
              No managed accounts
            </Text>
          )}
          {guidance.map((model) => (
            <Box key={model.model}>
              <Group justify="space-between" wrap="nowrap" gap={4}>
                <Text size="sm" fw={500}>
                  {label(modelLabels, model.model)}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" className="num" fw={600}>
                    {model.p1}/{model.accounts} · {percent(model.share)}
                  </Text>
                  {model.withinGuidance === true && (
                    <Tooltip label="Within guidance">
                      <IconCircleCheck
                        size={16}
                        color="var(--mantine-color-teal-6)"
                        aria-label="within guidance"
                      />
                    </Tooltip>
                  )}
                  {model.withinGuidance === false && (
                    <Tooltip label="Outside guidance">
                      <IconCircleX
                        size={16}
                        color="var(--mantine-color-red-6)"
                        aria-label="outside guidance"
                      />
                    </Tooltip>
                  )}
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {model.guidance.replace(
                  /(\d+\.\d+)%/g,
                  (_, value: string) => `${Math.round(Number(value))}%`,
                )}
              </Text>
            </Box>
          ))}
        </Stack>
      </Card>
      <Card>
        <Text className="section-title">This week</Text>
        <Group gap="lg" mt={4} align="flex-end">
          <div>
            <Text fz={28} fw={650} className="num" c={overdue > 0 ? 'red.7' : undefined} lh={1.1}>
              {overdue}
            </Text>
            <Text size="sm" c="dimmed">
              overdue
            </Text>
          </div>
          <div>
            <Text fz={28} fw={650} className="num" lh={1.1}>
              {dueSoon}
            </Text>
            <Text size="sm" c="dimmed">
              due within 7 days
            </Text>
          </div>
        </Group>
        <Text size="xs" c="dimmed" mt={8}>
          {plural(new Set(worklist.map((item) => item.accountId)).size, 'account')} need attention
        </Text>
      </Card>
      <Card>
        <Text className="section-title" mb={6}>
          Health distribution
        </Text>
        <HealthColumns counts={counts} />
      </Card>
    </SimpleGrid>
  );
}

function Worklist({ items, canLog }: { items: WorkItem[]; canLog: boolean }) {
  const [showAll, setShowAll] = useState(false);
  if (items.length === 0) return <Empty>Nothing overdue or due this week. Nice.</Empty>;
  const visible = showAll ? items : items.slice(0, 12);
  return (
    <>
      <Table highlightOnHover aria-label="Worklist" data-testid="worklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>Status</Table.Th>
            <Table.Th>Work</Table.Th>
            <Table.Th>Account</Table.Th>
            <Table.Th w={70}>Priority</Table.Th>
            <Table.Th w={130}>Due</Table.Th>
            {canLog && <Table.Th w={70} aria-label="Log" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((item) => (
            <Table.Tr
              key={`${item.accountId}:${item.kind}`}
              data-kind={item.kind}
              data-account={item.accountId}
            >
              <Table.Td>
                <Group gap={8} wrap="nowrap">
                  <StatusBadge status={item.status} />
                  <Text size="xs" c={item.status === 'overdue' ? 'red.7' : 'dimmed'}>
                    {dueText(item.dueDate)
                      .replace(/^overdue by /, '')
                      .replace(/^due /, '')}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Explain
                  explanation={item.explanation}
                  title={label(obligationLabels, item.kind)}
                  label={`Explain ${label(obligationLabels, item.kind)} for ${item.accountName}`}
                >
                  <Text span size="sm" fw={500}>
                    {label(obligationLabels, item.kind)}
                  </Text>
                </Explain>
              </Table.Td>
              <Table.Td>
                <AnchorLink
                  to="/accounts/$accountId"
                  params={{ accountId: item.accountId }}
                  size="sm"
                  c="dark"
                >
                  {item.accountName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <PriorityBadge priority={item.priority} />
              </Table.Td>
              <Table.Td className="num">
                <Text size="sm">{date(item.dueDate)}</Text>
              </Table.Td>
              {canLog && (
                <Table.Td>
                  <LogCallButton item={item} />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {items.length > 12 && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer' : `Show all ${items.length}`}
        </Button>
      )}
    </>
  );
}

type PortfolioSort = 'name' | 'tier' | 'priority' | 'health' | 'arr' | 'nextDue' | 'renewal';

function PortfolioTable({ items }: { items: PortfolioItem[] }) {
  const [sort, setSort] = useState<SortState<PortfolioSort>>({ key: 'priority', desc: false });
  const sorted = useMemo(() => {
    const value: Record<PortfolioSort, (item: PortfolioItem) => string | number | null> = {
      name: (item) => item.name.toLowerCase(),
      tier: (item) => item.tier,
      priority: (item) => `${item.priority}:${String(1e12 - item.arr).padStart(14, '0')}`,
      health: (item) => item.healthScore,
      arr: (item) => item.arr,
      nextDue: (item) => item.nextDue?.dueDate ?? null,
      renewal: (item) => item.renewalDate,
    };
    return [...items].sort(compareBy(value[sort.key], sort.desc));
  }, [items, sort]);
  if (items.length === 0) return <Empty>No accounts yet.</Empty>;
  const th = { sort, onSort: setSort };
  return (
    <Table highlightOnHover aria-label="Portfolio" data-testid="portfolio">
      <Table.Thead>
        <Table.Tr>
          <SortableTh column="name" {...th}>
            Account
          </SortableTh>
          <SortableTh column="tier" {...th}>
            Tier
          </SortableTh>
          <Table.Th>Gemstone</Table.Th>
          <SortableTh column="priority" {...th}>
            Priority
          </SortableTh>
          <SortableTh column="health" {...th}>
            Health
          </SortableTh>
          <SortableTh column="arr" align="right" {...th}>
            ARR
          </SortableTh>
          <SortableTh column="nextDue" {...th}>
            Next due
          </SortableTh>
          <SortableTh column="renewal" {...th}>
            Renewal
          </SortableTh>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sorted.map((item) => (
          <Table.Tr key={item.accountId}>
            <Table.Td>
              <AnchorLink
                to="/accounts/$accountId"
                params={{ accountId: item.accountId }}
                size="sm"
                c="dark"
                fw={500}
              >
                {item.name}
              </AnchorLink>
              <Text size="xs" c="dimmed">
                {label(segmentLabels, item.segment)} · {label(regionLabels, item.region)}
                {item.priorityModel ? ` · ${label(modelLabels, item.priorityModel)}` : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <TierBadge tier={item.tier} />
            </Table.Td>
            <Table.Td>
              <GemstoneBadge gemstone={item.gemstone} />
            </Table.Td>
            <Table.Td>
              <PriorityBadge priority={item.priority} />
            </Table.Td>
            <Table.Td>
              <HealthBadge
                colour={item.healthColour}
                score={item.healthScore}
                why={notScoredReason({ hasTam: true })}
              />
            </Table.Td>
            <Table.Td ta="right" className="num">
              {money(item.arr)}
            </Table.Td>
            <Table.Td>
              {item.nextDue ? (
                <>
                  <Text size="sm" c={item.nextDue.status === 'overdue' ? 'red.7' : undefined} className="num">
                    {date(item.nextDue.dueDate)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {label(obligationLabels, item.nextDue.kind)}
                    {item.overdueCount > 1 ? ` · ${item.overdueCount} overdue` : ''}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  —
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm" className="num">
                {date(item.renewalDate)}
              </Text>
              {item.renewalDate && (
                <Text size="xs" c="dimmed">
                  {relativeDay(item.renewalDate)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
