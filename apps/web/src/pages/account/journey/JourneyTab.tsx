import type { AccountJourney } from '@liaison/contracts';
import { Accordion, Alert, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Empty, ErrorNote, PageLoader } from '../../../components/PageState.tsx';
import { date, dayOf, endOfDay, label } from '../../../format.ts';
import { workflowKindLabels, workflowStatusLabels } from '../../../journey-format.ts';
import { queries } from '../../../queries.ts';
import type { AccountContext } from '../AccountPage.tsx';
import { StartWorkflowMenu } from './StartWorkflowMenu.tsx';
import { WorkflowCard } from './WorkflowCard.tsx';

/**
 * The account's workflows (docs/journey.md): each running one as a timeline of its steps with
 * who is responsible, outputs and sign-offs; finished ones folded below; the whole journey as
 * it stood on an earlier day (read-only).
 */
export function JourneyTab({ account }: AccountContext) {
  const [asOfDay, setAsOfDay] = useState('');
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(asOfDay) ? endOfDay(asOfDay) : null;
  const now = useQuery({ ...queries.journey(account.id), enabled: asOf === null });
  const then = useQuery({ ...queries.journeyAsOf(account.id, asOf ?? ''), enabled: asOf !== null });
  const journey = asOf ? then : now;

  return (
    <Stack gap="lg" data-testid="journey">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm" align="flex-end">
          <TextInput
            label="As of"
            aria-label="Show the journey as of"
            description={asOf ? `As it stood at the end of ${date(asOfDay)} (UTC)` : 'Today'}
            type="date"
            size="xs"
            value={asOfDay}
            max={dayOf(new Date())}
            onChange={(event) => setAsOfDay(event.currentTarget.value)}
          />
          {asOf && (
            <Button size="xs" variant="subtle" onClick={() => setAsOfDay('')}>
              Back to today
            </Button>
          )}
        </Group>
        {!asOf && journey.data && <StartWorkflowMenu account={account} canStart={journey.data.canStart} />}
      </Group>
      {journey.error && <ErrorNote error={journey.error} />}
      {journey.isPending ? (
        <PageLoader />
      ) : (
        journey.data && <Workflows journey={journey.data} past={!!asOf} />
      )}
    </Stack>
  );
}

function Workflows({ journey, past }: { journey: AccountJourney; past: boolean }) {
  const running = journey.workflows.filter((workflow) => workflow.status === 'active');
  const finished = journey.workflows.filter((workflow) => workflow.status !== 'active');
  return (
    <>
      {past && (
        <Alert color="gray" variant="light" icon={<IconHistory size={18} />} py={8}>
          <Text size="sm">The journey exactly as it was then; nothing here can be changed.</Text>
        </Alert>
      )}
      {journey.disengagementCandidate && !past && (
        <Alert color="orange" variant="light" py={8} data-testid="disengagement-candidate">
          <Text size="sm">
            This account is a disengagement candidate: it is below the TAM alignment threshold. Start a
            disengagement from “Start workflow” when the TAM engagement should end.
          </Text>
        </Alert>
      )}
      {running.length === 0 && (
        <Card>
          <Empty>
            No workflow is running on this account
            {journey.canStart.length > 0 && !past ? ': start one from “Start workflow”.' : '.'}
          </Empty>
        </Card>
      )}
      {running.map((workflow) => (
        <WorkflowCard key={workflow.id} workflow={workflow} readOnly={past} />
      ))}
      {finished.length > 0 && (
        <Card p={0}>
          <Accordion variant="default" chevronPosition="left">
            {finished.map((workflow) => (
              <Accordion.Item key={workflow.id} value={workflow.id}>
                <Accordion.Control aria-label={`${workflow.name}, ${workflow.status}`}>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {workflow.name}
                    </Text>
                    <Badge
                      size="sm"
                      variant="light"
                      color={workflow.status === 'completed' ? 'teal' : 'gray'}
                    >
                      {label(workflowStatusLabels, workflow.status)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {[
                        label(workflowKindLabels, workflow.kind) !== workflow.name &&
                          label(workflowKindLabels, workflow.kind),
                        `started ${date(workflow.startedAt)}`,
                        workflow.completedAt && `completed ${date(workflow.completedAt)}`,
                        workflow.cancelledAt && `cancelled ${date(workflow.cancelledAt)}`,
                        workflow.cancelReason,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <WorkflowCard workflow={workflow} readOnly flat />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Card>
      )}
    </>
  );
}
