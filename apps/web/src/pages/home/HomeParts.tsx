import type { HomeAccount } from '@liaison/contracts';
import { Badge, Card, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/AnchorLink.tsx';
import { HealthBadge, PriorityBadge, RequiresTriageBadge, TierBadge } from '../../components/Badges.tsx';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty } from '../../components/PageState.tsx';
import { date, label, money, notScoredReason, segmentLabels, stageLabels } from '../../format.ts';

/** A stat card: a number large, what it counts under it. */
export function Stat({
  title,
  value,
  note,
  color,
  testId,
}: {
  title: string;
  value: ReactNode;
  note?: ReactNode;
  color?: string | undefined;
  testId?: string;
}) {
  return (
    <Card data-testid={testId} h="100%">
      <Text className="section-title">{title}</Text>
      <Text fz={28} fw={650} className="num" lh={1.1} mt={4} c={color}>
        {value}
      </Text>
      {note && (
        <Text size="sm" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Card>
  );
}

/** A home section: a card with its title and a short count on the right. */
export function Section({
  title,
  right,
  testId,
  children,
}: {
  title: string;
  right?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card data-testid={testId}>
      <CardTitle
        right={
          typeof right === 'string' ? (
            <Text size="xs" c="dimmed">
              {right}
            </Text>
          ) : (
            right
          )
        }
      >
        {title}
      </CardTitle>
      {children}
    </Card>
  );
}

export function AccountLink({ accountId, name, tab }: { accountId: string; name: string; tab?: 'journey' }) {
  return (
    <AnchorLink
      to="/accounts/$accountId"
      params={{ accountId }}
      search={tab ? { tab } : {}}
      size="sm"
      c="dark"
      fw={500}
    >
      {name}
    </AnchorLink>
  );
}

/** Health as the account shows it, with the at-risk flag and triage beside it. */
export function HealthCell({ account }: { account: HomeAccount }) {
  return (
    <Group gap={6} wrap="nowrap">
      <HealthBadge colour={account.health} why={notScoredReason({ hasTam: account.tamName !== null })} />
      {account.atRisk && (
        <Badge size="xs" color="red" variant="light">
          At risk
        </Badge>
      )}
      {account.requiresTriage && account.health === 'yellow' && <RequiresTriageBadge size="xs" />}
    </Group>
  );
}

/** Accounts of a home section: who they are, how they are doing, what they are worth. */
export function HomeAccountTable({
  accounts,
  label: ariaLabel,
  empty,
  limit = 25,
}: {
  accounts: HomeAccount[];
  label: string;
  empty: string;
  limit?: number;
}) {
  if (accounts.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <Table aria-label={ariaLabel} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Account</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Health</Table.Th>
            <Table.Th ta="right">ARR</Table.Th>
            <Table.Th>Renewal</Table.Th>
            <Table.Th>TAM</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.slice(0, limit).map((account) => (
            <Table.Tr key={account.accountId} data-account={account.accountId}>
              <Table.Td>
                <AccountLink accountId={account.accountId} name={account.name} />
                <Text size="xs" c="dimmed">
                  {label(segmentLabels, account.segment)} · {label(stageLabels, account.relationshipStage)}
                </Text>
              </Table.Td>
              <Table.Td>{account.tier ? <TierBadge tier={account.tier} /> : <Dash />}</Table.Td>
              <Table.Td>
                {account.priority ? <PriorityBadge priority={account.priority} /> : <Dash />}
              </Table.Td>
              <Table.Td>
                <HealthCell account={account} />
              </Table.Td>
              <Table.Td ta="right" className="num">
                {money(account.arr)}
              </Table.Td>
              <Table.Td className="num">
                <Text size="sm">{date(account.renewalDate)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={account.tamName ? undefined : 'dimmed'}>
                  {account.tamName ?? 'No TAM'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {accounts.length > limit && (
        <Text size="xs" c="dimmed" mt="xs">
          {accounts.length - limit} more not shown
        </Text>
      )}
    </>
  );
}

export function Dash() {
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}
