import type { Home } from '@liaison/contracts';
import { Badge, Box, Grid, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { Empty } from '../../components/PageState.tsx';
import { date, label, money, opportunityStageLabels, opportunityTypeLabels, plural } from '../../format.ts';
import { AccountLink, Section } from './HomeParts.tsx';

type Pipeline = NonNullable<Home['pipeline']>;

/** Rows of a breakdown: name, count and amount, with a bar against the largest amount. */
function Breakdown({ rows }: { rows: { key: string; name: string; count: number; amount: number }[] }) {
  if (rows.length === 0) return <Empty>Nothing open.</Empty>;
  const top = Math.max(...rows.map((row) => row.amount), 1);
  return (
    <Stack gap={8}>
      {rows.map((row) => (
        <Box key={row.key} data-key={row.key}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={500}>
              {row.name}
            </Text>
            <Text size="sm" className="num">
              {money(row.amount)}{' '}
              <Text span size="xs" c="dimmed">
                · {plural(row.count, 'opp')}
              </Text>
            </Text>
          </Group>
          <Progress value={(row.amount / top) * 100} size="sm" mt={4} color="brand" />
        </Box>
      ))}
    </Stack>
  );
}

/** The open pipeline on the person's accounts: by stage, by type, and the ones closing soonest. */
export function PipelineSection({ pipeline }: { pipeline: Pipeline }) {
  const total = pipeline.byStage.reduce((sum, row) => sum + row.amount, 0);
  const count = pipeline.byStage.reduce((sum, row) => sum + row.opportunities, 0);
  return (
    <Section
      title="Open pipeline"
      testId="home-pipeline"
      right={`${plural(count, 'opportunity', 'opportunities')} · ${money(total)}`}
    >
      <Grid gap="xl" mb="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text className="section-title" mb={6}>
            By stage
          </Text>
          <Breakdown
            rows={pipeline.byStage.map((row) => ({
              key: row.stage,
              name: label(opportunityStageLabels, row.stage),
              count: row.opportunities,
              amount: row.amount,
            }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text className="section-title" mb={6}>
            By type
          </Text>
          <Breakdown
            rows={pipeline.byType.map((row) => ({
              key: row.type,
              name: label(opportunityTypeLabels, row.type),
              count: row.opportunities,
              amount: row.amount,
            }))}
          />
        </Grid.Col>
      </Grid>
      {pipeline.open.length > 0 && (
        <Table aria-label="Open opportunities" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Opportunity</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
              <Table.Th>Close</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pipeline.open.slice(0, 15).map((opportunity) => (
              <Table.Tr key={opportunity.id}>
                <Table.Td>
                  <Text size="sm">{opportunity.name}</Text>
                </Table.Td>
                <Table.Td>
                  <AccountLink accountId={opportunity.accountId} name={opportunity.accountName} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge size="sm" variant="light" color="gray" style={{ overflow: 'visible' }}>
                    {label(opportunityTypeLabels, opportunity.type)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{label(opportunityStageLabels, opportunity.stage)}</Text>
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {money(opportunity.amount)}
                </Table.Td>
                <Table.Td className="num" style={{ whiteSpace: 'nowrap' }}>
                  {date(opportunity.closeDate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pipeline.open.length > 15 && (
        <Text size="xs" c="dimmed" mt="xs">
          {pipeline.open.length - 15} more closing later
        </Text>
      )}
    </Section>
  );
}
