import { Card, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../components/AnchorLink.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../components/PageState.tsx';
import { dateTime, plural } from '../format.ts';
import { hoursText, slaText } from '../project-format.ts';
import { queries } from '../queries.ts';

/**
 * Customer issues waiting on me (docs/projects.md): every customer's issue or comment no public
 * answer followed yet, across accounts, soonest due first; the same items are on My week's list.
 */
export function CustomerIssuesPage() {
  const waiting = useQuery(queries.waitingIssues());
  const items = waiting.data?.items ?? [];
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <>
      <PageHeader
        title="Customer issues waiting on me"
        subtitle={`${plural(items.length, 'issue')} waiting${overdue ? ` · ${overdue} past the SLA` : ''} · an internal note is not an answer`}
      />
      <Card data-testid="customer-issues">
        <ErrorNote error={waiting.error} />
        {waiting.isPending ? (
          <Empty>Loading…</Empty>
        ) : items.length === 0 ? (
          <Empty>No customer is waiting for you.</Empty>
        ) : (
          <Table verticalSpacing={8} aria-label="Customer issues waiting on me">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Issue</Table.Th>
                <Table.Th>Customer</Table.Th>
                <Table.Th>Waiting</Table.Th>
                <Table.Th>SLA</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.issueId}>
                  <Table.Td>{item.accountName}</Table.Td>
                  <Table.Td>
                    <AnchorLink
                      to="/accounts/$accountId"
                      params={{ accountId: item.accountId }}
                      search={{ tab: 'project', issue: item.number }}
                      size="sm"
                    >
                      #{item.number} {item.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{item.customer}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{hoursText(item.waitingHours)}</Text>
                    <Text size="xs" c="dimmed">
                      since {dateTime(item.waitingSince)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={item.overdue ? 'red.7' : undefined}>
                      {slaText(item.dueAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
