import { Card, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { plural } from '../../format.ts';
import { slaText } from '../../project-format.ts';
import { queries } from '../../queries.ts';

/** My week's view of the customers waiting for my answer (docs/projects.md); hidden when none. */
export function CustomersWaitingCard() {
  const waiting = useQuery(queries.waitingIssues());
  const items = waiting.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card data-testid="customers-waiting">
      <CardTitle
        right={
          <AnchorLink to="/customer-issues" size="xs">
            {plural(items.length, 'customer issue')} waiting
          </AnchorLink>
        }
      >
        Customers waiting on me
      </CardTitle>
      <Stack gap={4}>
        {items.slice(0, 5).map((item) => (
          <Text key={item.issueId} size="sm">
            <AnchorLink
              to="/accounts/$accountId"
              params={{ accountId: item.accountId }}
              search={{ tab: 'project', issue: item.number }}
            >
              Respond to {item.accountName}: {item.title}
            </AnchorLink>{' '}
            <Text span size="xs" c={item.overdue ? 'red.7' : 'dimmed'}>
              {slaText(item.dueAt)}
            </Text>
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
