import type { TaskListItem } from '@liaison/contracts';
import { Badge, Table, Text } from '@mantine/core';
import { Empty } from '../../components/PageState.tsx';
import { date, dueText, label, plural } from '../../format.ts';
import { taskSourceLabels } from '../../task-format.ts';
import { AccountLink, Dash, Section } from './HomeParts.tsx';

/** The person's open work (tasks and journey steps), soonest first; ticked off on My week. */
export function WorkSection({ work, readOnly }: { work: TaskListItem[]; readOnly: boolean }) {
  const overdue = work.filter((item) => item.overdue).length;
  return (
    <Section
      title={readOnly ? 'Their work' : 'My work'}
      testId="home-work"
      right={
        <Text size="xs" c={overdue ? 'red.7' : 'dimmed'}>
          {plural(work.length, 'open item')}
          {overdue ? ` · ${overdue} overdue` : ''} · soonest first
        </Text>
      }
    >
      {work.length === 0 ? (
        <Empty>Nothing open. Tasks and journey steps owed show up here.</Empty>
      ) : (
        <Table aria-label="Work">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Work</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {work.map((item) => (
              <Table.Tr key={item.key} data-overdue={item.overdue}>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {item.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.accountId && item.accountName ? (
                    <AccountLink accountId={item.accountId} name={item.accountName} />
                  ) : (
                    <Dash />
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={item.source === 'workflow_step' ? 'brand' : 'gray'}>
                    {label(taskSourceLabels, item.source)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {item.dueOn ? (
                    <Text size="sm" c={item.overdue ? 'red.7' : undefined} fw={item.overdue ? 600 : 400}>
                      {item.overdue ? dueText(item.dueOn) : date(item.dueOn, false)}
                    </Text>
                  ) : (
                    <Dash />
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
