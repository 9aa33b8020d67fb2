import type { Home } from '@liaison/contracts';
import { Group, Progress, Table, Text } from '@mantine/core';
import { Empty } from '../../components/PageState.tsx';
import { label, money, plural, stageLabels } from '../../format.ts';
import { workflowKindLabels } from '../../journey-format.ts';
import { AccountLink, Section } from './HomeParts.tsx';

/** Progress of a workflow: steps settled of all, and the open step. */
function ProgressCell({
  progress,
}: {
  progress: { settled: number; total: number; current: string | null } | null;
}) {
  if (!progress)
    return (
      <Text size="sm" c="dimmed">
        No journey yet
      </Text>
    );
  const share = progress.total ? (progress.settled / progress.total) * 100 : 0;
  return (
    <div>
      <Group gap={8} wrap="nowrap">
        <Progress
          value={share}
          size="md"
          w={140}
          color="brand"
          aria-label={`${progress.settled} of ${progress.total} steps`}
        />
        <Text size="xs" className="num" c="dimmed">
          {progress.settled}/{progress.total}
        </Text>
      </Group>
      {progress.current && (
        <Text size="xs" c="dimmed" lineClamp={1} mt={2}>
          Now: {progress.current}
        </Text>
      )}
    </div>
  );
}

/** SA: the leads and opportunities with their journey's progress. */
export function PresalesSection({ presales }: { presales: NonNullable<Home['presales']> }) {
  return (
    <Section
      title="Pre-sales accounts"
      testId="home-presales"
      right={`${plural(presales.length, 'account')} · journey progress`}
    >
      {presales.length === 0 ? (
        <Empty>No leads or opportunities where you are the SA.</Empty>
      ) : (
        <Table aria-label="Pre-sales accounts" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">ARR</Table.Th>
              <Table.Th>Journey</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {presales.map((account) => (
              <Table.Tr key={account.accountId}>
                <Table.Td>
                  <AccountLink accountId={account.accountId} name={account.name} tab="journey" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{label(stageLabels, account.relationshipStage)}</Text>
                </Table.Td>
                <Table.Td ta="right" className="num">
                  {money(account.arr)}
                </Table.Td>
                <Table.Td>
                  <ProgressCell progress={account.journey} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** SA: handoffs to the TAM and SA overlaps running on the person's accounts. */
export function HandoffsSection({ handoffs }: { handoffs: NonNullable<Home['handoffs']> }) {
  return (
    <Section
      title="Handoffs and overlaps"
      testId="home-handoffs"
      right={plural(handoffs.length, 'running', 'running')}
    >
      {handoffs.length === 0 ? (
        <Empty>No handoff or overlap running on your accounts.</Empty>
      ) : (
        <Table aria-label="Handoffs and overlaps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th>Workflow</Table.Th>
              <Table.Th>Progress</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {handoffs.map((handoff) => (
              <Table.Tr key={handoff.progress.workflowId}>
                <Table.Td>
                  <AccountLink accountId={handoff.accountId} name={handoff.accountName} tab="journey" />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{label(workflowKindLabels, handoff.progress.kind)}</Text>
                </Table.Td>
                <Table.Td>
                  <ProgressCell progress={handoff.progress} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
