import type { Home } from '@liaison/contracts';
import { Badge, Button, Group, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { StatusBadge } from '../../components/Badges.tsx';
import { Empty } from '../../components/PageState.tsx';
import { date, money, plural } from '../../format.ts';
import { AccountLink, HealthCell, Section, Stat } from './HomeParts.tsx';

type Renewals = NonNullable<Home['renewals']>;

/** The soonest ones first; a manager's or the book's list can run to a hundred. */
const SHOWN = 20;

const obligationNames: Record<string, string> = {
  renewal_review: 'Internal review',
  renewal_conversation: 'Customer conversation',
};

/** Renewals: each window's count and ARR (each counts every renewal up to it), then the accounts. */
export function RenewalsSection({ renewals }: { renewals: Renewals }) {
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? renewals.accounts : renewals.accounts.slice(0, SHOWN);
  return (
    <Stack gap="md" data-testid="home-renewals">
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md">
        {renewals.windows.map((window) => (
          <Stat
            key={window.days}
            testId={`renewal-window-${window.days}`}
            title={`Renewing in ${window.days} days`}
            value={money(window.arr)}
            note={plural(window.accounts, 'account')}
          />
        ))}
      </SimpleGrid>
      <Section
        title="Renewals"
        testId="renewals-list"
        right={`${plural(renewals.accounts.length, 'account')} within 180 days · soonest first`}
      >
        {renewals.accounts.length === 0 ? (
          <Empty>No renewals within 180 days.</Empty>
        ) : (
          <Table aria-label="Renewals" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Renewal</Table.Th>
                <Table.Th ta="right">Days left</Table.Th>
                <Table.Th ta="right">ARR</Table.Th>
                <Table.Th>Health</Table.Th>
                <Table.Th>Renewal obligations</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((account) => (
                <Table.Tr key={account.accountId} data-account={account.accountId}>
                  <Table.Td>
                    <AccountLink accountId={account.accountId} name={account.name} />
                    <Text size="xs" c="dimmed">
                      {account.tamName ? `TAM ${account.tamName}` : 'No TAM'}
                    </Text>
                  </Table.Td>
                  <Table.Td className="num">{date(account.renewalDate)}</Table.Td>
                  <Table.Td ta="right" className="num">
                    <Text
                      size="sm"
                      fw={account.daysLeft <= 30 ? 600 : 400}
                      c={account.daysLeft <= 30 ? 'orange.8' : undefined}
                    >
                      {account.daysLeft}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="num">
                    {money(account.arr)}
                  </Table.Td>
                  <Table.Td>
                    <HealthCell account={account} />
                  </Table.Td>
                  <Table.Td>
                    {account.renewalObligations.length === 0 ? (
                      <Tooltip
                        label={
                          account.tamName
                            ? 'Nothing owed for this renewal'
                            : 'No TAM: nothing is owed until one is assigned'
                        }
                      >
                        <Badge size="sm" variant="default">
                          None owed
                        </Badge>
                      </Tooltip>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        {account.renewalObligations.map((obligation) => (
                          <Tooltip
                            key={obligation.kind}
                            label={`${obligationNames[obligation.kind]}: due ${date(obligation.dueDate)}`}
                          >
                            <Group gap={4} wrap="nowrap" data-kind={obligation.kind}>
                              <Text size="xs" c="dimmed">
                                {obligation.kind === 'renewal_review' ? 'Review' : 'Conversation'}
                              </Text>
                              <StatusBadge status={obligation.status} fulfilled={obligation.fulfilled} />
                            </Group>
                          </Tooltip>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {renewals.accounts.length > SHOWN && (
          <Button variant="subtle" size="xs" mt="xs" onClick={() => setShowAll(!showAll)}>
            {showAll ? 'Show fewer' : `Show all ${renewals.accounts.length}`}
          </Button>
        )}
      </Section>
    </Stack>
  );
}
