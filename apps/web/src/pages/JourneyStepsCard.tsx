import { Badge, Card, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { CardTitle } from '../components/PageHeader.tsx';
import { ErrorNote } from '../components/PageState.tsx';
import { date, dueText, label, plural } from '../format.ts';
import { byUrgency, stepStateLabels, workflowKindLabels } from '../journey-format.ts';
import { queries } from '../queries.ts';

/**
 * The journey steps the signed-in user is responsible for and that are open now, overdue first;
 * each opens the account's Journey tab. Hidden when there are none.
 */
export function JourneyStepsCard() {
  const steps = useQuery(queries.mySteps());
  if (steps.error) return <ErrorNote error={steps.error} />;
  const items = byUrgency(steps.data?.items ?? []);
  if (items.length === 0) return null;
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <Card data-testid="my-journey-steps">
      <CardTitle
        right={
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
            {plural(items.length, 'open step')}
            {overdue ? ` · ${overdue} overdue` : ''} · overdue first
          </Text>
        }
      >
        Journey steps
      </CardTitle>
      <Table aria-label="Journey steps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Step</Table.Th>
            <Table.Th>Workflow</Table.Th>
            <Table.Th miw={110}>State</Table.Th>
            <Table.Th>Due</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} data-overdue={item.overdue}>
              <Table.Td>
                <AnchorLink
                  to="/accounts/$accountId"
                  params={{ accountId: item.accountId }}
                  search={{ tab: 'journey' }}
                  size="sm"
                  fw={500}
                >
                  {item.accountName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {item.workflowKind === 'journey' ? `${item.stepId}. ` : ''}
                  {item.activity}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {label(workflowKindLabels, item.workflowKind)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge
                  size="sm"
                  variant="light"
                  color={item.state === 'in_progress' ? 'blue' : 'brand'}
                  style={{ overflow: 'visible' }}
                >
                  {label(stepStateLabels, item.state)}
                </Badge>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {item.dueOn ? (
                  <Text size="sm" c={item.overdue ? 'red.7' : undefined} fw={item.overdue ? 600 : 400}>
                    {item.overdue ? dueText(item.dueOn) : date(item.dueOn, false)}
                  </Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
