import type { JourneyOverview, JourneyOverviewParams } from '@liaison/contracts';
import { Badge, Card, Group, Progress, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { CardTitle, PageHeader } from '../components/PageHeader.tsx';
import { Empty, ErrorNote, PageLoader } from '../components/PageState.tsx';
import { date, dueText, label, options, plural, regionLabels, segmentLabels } from '../format.ts';
import { workflowKindLabels } from '../journey-format.ts';
import { queries } from '../queries.ts';

/**
 * For TAM managers (the server refuses others): how many accounts sit at each step of each
 * workflow, the steps open longer than the template allows, by region and segment, and the
 * oldest overdue steps with their accounts.
 */
export function JourneyOverviewPage() {
  const filters = useSearch({ from: '/app/journey' });
  const navigate = useNavigate({ from: '/journey' });
  const overview = useQuery(queries.journeyOverview(filters));
  // The selects offer only the enum's values; the route parses them again from the URL.
  const setFilter = (key: 'region' | 'segment', value: string | null) =>
    navigate({ search: { ...filters, [key]: value ?? undefined } as JourneyOverviewParams, replace: true });

  return (
    <>
      <PageHeader
        title="Journey overview"
        subtitle="Accounts per step of each workflow; overdue means open longer than the template allows"
        actions={
          <>
            <Select
              aria-label="Region"
              placeholder="All regions"
              clearable
              w={160}
              data={options(regionLabels)}
              value={filters.region ?? null}
              onChange={(value) => setFilter('region', value)}
            />
            <Select
              aria-label="Segment"
              placeholder="All segments"
              clearable
              w={170}
              data={options(segmentLabels)}
              value={filters.segment ?? null}
              onChange={(value) => setFilter('segment', value)}
            />
          </>
        }
      />
      {overview.error && <ErrorNote error={overview.error} />}
      {overview.isPending ? <PageLoader /> : overview.data && <Overview data={overview.data} />}
    </>
  );
}

function Overview({ data }: { data: JourneyOverview }) {
  const running = data.workflows.filter((workflow) => workflow.running > 0);
  return (
    <Stack gap="lg">
      <SimpleGrid cols={2} spacing="lg">
        <Breakdown
          title="By region"
          rows={data.byRegion.map((row) => ({ key: label(regionLabels, row.region), ...row }))}
        />
        <Breakdown
          title="By segment"
          rows={data.bySegment.map((row) => ({ key: label(segmentLabels, row.segment), ...row }))}
        />
      </SimpleGrid>
      {running.length === 0 && (
        <Card>
          <Empty>No workflow is running on these accounts.</Empty>
        </Card>
      )}
      <SimpleGrid cols={2} spacing="lg">
        {running.map((workflow) => {
          const most = Math.max(1, ...workflow.steps.map((step) => step.open));
          return (
            <Card key={workflow.kind} data-testid={`overview-${workflow.kind}`}>
              <CardTitle
                right={
                  <Text size="xs" c="dimmed">
                    {plural(workflow.running, 'account')} running
                  </Text>
                }
              >
                {label(workflowKindLabels, workflow.kind)}
              </CardTitle>
              <Table aria-label={`${workflow.name} steps`} verticalSpacing={4}>
                <Table.Tbody>
                  {workflow.steps.map((step) => (
                    <Table.Tr key={step.stepId} data-step={step.stepId}>
                      <Table.Td>
                        <Text
                          size="xs"
                          lineClamp={1}
                          title={step.activity}
                          c={step.open ? undefined : 'dimmed'}
                        >
                          {workflow.kind === 'journey' ? `${step.stepId}. ` : ''}
                          {step.activity}
                        </Text>
                      </Table.Td>
                      <Table.Td w={90}>
                        <Progress value={(step.open / most) * 100} size="sm" aria-hidden />
                      </Table.Td>
                      <Table.Td w={36} ta="right" className="num">
                        <Text size="xs" fw={600} c={step.open ? undefined : 'dimmed'}>
                          {step.open}
                        </Text>
                      </Table.Td>
                      <Table.Td w={86} ta="right">
                        {step.overdue > 0 && (
                          <Badge size="xs" color="red" variant="light">
                            {step.overdue} overdue
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
          );
        })}
      </SimpleGrid>
      <Card>
        <CardTitle
          right={
            <Text size="xs" c="dimmed">
              oldest first, at most 50
            </Text>
          }
        >
          Oldest overdue steps
        </CardTitle>
        {data.overdueSteps.length === 0 ? (
          <Empty>No step is overdue.</Empty>
        ) : (
          <Table aria-label="Oldest overdue steps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Step</Table.Th>
                <Table.Th>Workflow</Table.Th>
                <Table.Th>Responsible</Table.Th>
                <Table.Th>Due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.overdueSteps.map((step) => (
                <Table.Tr key={step.id}>
                  <Table.Td>
                    <AnchorLink
                      to="/accounts/$accountId"
                      params={{ accountId: step.accountId }}
                      search={{ tab: 'journey' }}
                      size="sm"
                      fw={500}
                    >
                      {step.accountName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1} title={step.activity}>
                      {step.workflowKind === 'journey' ? `${step.stepId}. ` : ''}
                      {step.activity}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {label(workflowKindLabels, step.workflowKind)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{step.responsible?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" c="red.7" title={date(step.dueOn)}>
                      {step.dueOn ? dueText(step.dueOn) : '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function Breakdown({
  title,
  rows,
}: {
  title: string;
  rows: { key: string; running: number; overdue: number }[];
}) {
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      {rows.length === 0 ? (
        <Empty>Nothing running.</Empty>
      ) : (
        <Table aria-label={`Workflows ${title.toLowerCase()}`} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">Running</Table.Th>
              <Table.Th ta="right">Overdue steps</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.key}</Table.Td>
                <Table.Td ta="right" className="num">
                  {row.running}
                </Table.Td>
                <Table.Td ta="right" className="num">
                  <Group justify="flex-end">
                    <Text size="sm" c={row.overdue ? 'red.7' : 'dimmed'} fw={row.overdue ? 600 : 400}>
                      {row.overdue}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
