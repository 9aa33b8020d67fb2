import type { MailMessageSummary, MailStatus, MailStatusReport } from '@liaison/contracts';
import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconMailCheck, IconSend } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote, PageError, PageLoader } from '../../components/PageState.tsx';
import { dateTime, humanize } from '../../format.ts';
import { mailQueries } from '../../queries.ts';
import { MailStatusBadge, OutboxMessageDrawer } from './OutboxMessage.tsx';

const filters: { value: 'all' | MailStatus; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'queued', label: 'Queued' },
  { value: 'sent', label: 'Sent' },
  { value: 'held', label: 'Held' },
  { value: 'failed', label: 'Failed' },
];

/**
 * Admins: every message Liaison sent, holds or failed to send (docs/mail.md). Without an SMTP
 * server nothing is dropped: messages are held here, to read and to re-send once one is set.
 */
export function OutboxPage() {
  const [filter, setFilter] = useState<'all' | MailStatus>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const status = useQuery(mailQueries.status());
  const outbox = useInfiniteQuery(mailQueries.outbox(filter === 'all' ? undefined : filter));
  if (status.isPending) return <PageLoader />;
  if (status.error) return <PageError error={status.error} />;
  const messages = outbox.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title="Outbox"
        subtitle={`Every e-mail Liaison sent or holds, from ${status.data.from}`}
        actions={<SendTestButton onSent={setOpenId} />}
      />
      <SmtpBanner status={status.data} />
      <Group justify="space-between" mb="sm">
        <SegmentedControl
          aria-label="Status"
          size="xs"
          value={filter}
          onChange={(value) => setFilter(value as typeof filter)}
          data={filters.map((item) => ({
            value: item.value,
            label: item.value === 'all' ? item.label : `${item.label} (${status.data.counts[item.value]})`,
          }))}
        />
      </Group>
      <Card p={0}>
        <Table highlightOnHover aria-label="Outbox">
          <Table.Thead>
            <Table.Tr>
              <Table.Th pl="md">To</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Attempts</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th pr="md">Sent</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {messages.map((message) => (
              <OutboxRow key={message.id} message={message} onOpen={() => setOpenId(message.id)} />
            ))}
          </Table.Tbody>
        </Table>
        {outbox.isPending && <PageLoader />}
        <ErrorNote error={outbox.error} />
        {!outbox.isPending && messages.length === 0 && (
          <Text component="div" px="md">
            <Empty>{filter === 'all' ? 'No e-mail yet.' : `No ${filter} e-mail.`}</Empty>
          </Text>
        )}
      </Card>
      {outbox.hasNextPage && (
        <Group justify="center" mt="md">
          <Button
            variant="default"
            loading={outbox.isFetchingNextPage}
            onClick={() => outbox.fetchNextPage()}
          >
            Show more
          </Button>
        </Group>
      )}
      <OutboxMessageDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

function OutboxRow({ message, onOpen }: { message: MailMessageSummary; onOpen: () => void }) {
  return (
    <Table.Tr>
      <Table.Td pl="md">
        <Text size="sm">{message.to}</Text>
      </Table.Td>
      <Table.Td>
        <UnstyledButton onClick={onOpen} aria-label={`Open “${message.subject}”`}>
          <Text size="sm" fw={500} c="brand.7">
            {message.subject}
          </Text>
        </UnstyledButton>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{humanize(message.kind)}</Text>
      </Table.Td>
      <Table.Td>
        <MailStatusBadge status={message.status} />
      </Table.Td>
      <Table.Td className="num" ta="right">
        <Text size="sm">{message.attempts}</Text>
      </Table.Td>
      <Table.Td className="num">
        <Text size="sm">{dateTime(message.createdAt)}</Text>
      </Table.Td>
      <Table.Td className="num" pr="md">
        <Text size="sm" c={message.sentAt ? undefined : 'dimmed'}>
          {message.sentAt ? dateTime(message.sentAt) : '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function SmtpBanner({ status }: { status: MailStatusReport }) {
  if (status.smtpConfigured)
    return (
      <Alert
        variant="light"
        color="teal"
        icon={<IconMailCheck size={18} />}
        mb="md"
        title="SMTP is configured"
      >
        <Text size="sm">
          E-mail goes out through <Code>{status.smtpServer}</Code>. A refused message is tried again with
          growing waits; after the last attempt it is listed as failed, for you to re-send.
        </Text>
      </Alert>
    );
  return (
    <Alert
      variant="light"
      color="yellow"
      icon={<IconAlertTriangle size={18} />}
      mb="md"
      title="No SMTP server is configured"
    >
      <Text size="sm">
        Messages are kept here as <b>held</b> instead of being sent. Set <Code>SMTP_URL</Code> (e.g.{' '}
        <Code>smtps://user:password@smtp.example.com:465</Code>) and restart Liaison, then re-send what is
        held.
      </Text>
    </Alert>
  );
}

function SendTestButton({ onSent }: { onSent: (id: string) => void }) {
  const queryClient = useQueryClient();
  const send = useMutation({
    mutationFn: () => api.mail.sendTest(),
    onSuccess: (message) => {
      notifications.show({ color: 'teal', message: `Test e-mail queued for ${message.to}.` });
      onSent(message.id);
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['mail'] }),
  });
  return (
    <Button leftSection={<IconSend size={16} />} loading={send.isPending} onClick={() => send.mutate()}>
      Send test e-mail
    </Button>
  );
}
