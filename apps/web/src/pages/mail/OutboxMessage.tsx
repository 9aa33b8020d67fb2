import type { MailMessage, MailStatus } from '@liaison/contracts';
import { Alert, Badge, Button, Code, Drawer, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../api.ts';
import { ErrorNote, PageLoader } from '../../components/PageState.tsx';
import { dateTime, humanize } from '../../format.ts';
import { mailQueries } from '../../queries.ts';

const statusColours: Record<MailStatus, string> = {
  queued: 'blue',
  sent: 'teal',
  held: 'yellow',
  failed: 'red',
};

export function MailStatusBadge({ status }: { status: MailStatus }) {
  return (
    <Badge size="sm" variant="light" color={statusColours[status]}>
      {humanize(status)}
    </Badge>
  );
}

/** One message of the outbox: its text, its HTML (sandboxed), its attempts, re-sending. */
export function OutboxMessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title="E-mail">
      {id && <MessageDetails id={id} />}
    </Drawer>
  );
}

function MessageDetails({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const message = useQuery({
    ...mailQueries.message(id),
    // A queued message is being delivered: follow it until it is sent, held or failed.
    refetchInterval: (query) => (query.state.data?.status === 'queued' ? 1_500 : false),
  });
  const status = message.data?.status;
  useEffect(() => {
    // Its fate changed: the list and the counts follow.
    if (status && status !== 'queued') void queryClient.invalidateQueries({ queryKey: ['mail', 'outbox'] });
    if (status) void queryClient.invalidateQueries({ queryKey: mailQueries.status().queryKey });
  }, [status, queryClient]);
  if (message.isPending) return <PageLoader />;
  if (message.error) return <ErrorNote error={message.error} />;
  const mail = message.data;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={600} size="lg">
          {mail.subject}
        </Text>
        <Group gap="xs">
          <MailStatusBadge status={mail.status} />
          <Badge size="sm" variant="default">
            {humanize(mail.kind)}
          </Badge>
        </Group>
      </Stack>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
        <Fact label="To" value={mail.to} />
        <Fact label="Attempts" value={String(mail.attempts)} />
        <Fact label="Created" value={dateTime(mail.createdAt)} />
        <Fact label="Sent" value={mail.sentAt ? dateTime(mail.sentAt) : '—'} />
        {mail.sendAfter && <Fact label="Not before" value={dateTime(mail.sendAfter)} />}
        {mail.lastAttemptAt && <Fact label="Last attempt" value={dateTime(mail.lastAttemptAt)} />}
        {mail.smtpMessageId && <Fact label="Message-ID" value={mail.smtpMessageId} />}
        {mail.smtpResponse && <Fact label="SMTP answer" value={mail.smtpResponse} />}
      </SimpleGrid>
      {mail.lastError && (
        <Alert variant="light" color={mail.status === 'failed' ? 'red' : 'yellow'} py={8}>
          <Text size="sm">{mail.lastError}</Text>
        </Alert>
      )}
      <ResendButton message={mail} />
      {/* The frame exists only while its tab is shown: nothing renders the markup unasked. */}
      <Tabs defaultValue="text" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="text">Text</Tabs.Tab>
          {mail.html !== null && <Tabs.Tab value="html">HTML</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="text" pt="sm">
          <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} aria-label="Message text">
            {mail.text}
          </Code>
        </Tabs.Panel>
        {mail.html !== null && (
          <Tabs.Panel value="html" pt="sm">
            {/* Untrusted markup: an empty sandbox runs no script, submits no form, reaches no page. */}
            <iframe
              title="HTML version"
              sandbox=""
              srcDoc={mail.html}
              style={{ width: '100%', height: 420, border: '1px solid var(--app-border)', borderRadius: 6 }}
            />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ wordBreak: 'break-word' }}>
        {value}
      </Text>
    </Stack>
  );
}

function ResendButton({ message }: { message: MailMessage }) {
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => api.mail.resend(message.id),
    onSuccess: (queued) => {
      queryClient.setQueryData(mailQueries.message(message.id).queryKey, queued);
      notifications.show({ color: 'teal', message: 'Queued again.' });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['mail'] }),
  });
  // Only a held or failed message may be sent again (the server refuses the others).
  if (message.status !== 'held' && message.status !== 'failed') return null;
  return (
    <Stack gap="xs">
      <ErrorNote error={resend.error} />
      <Group>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          loading={resend.isPending}
          onClick={() => resend.mutate()}
        >
          Re-send
        </Button>
      </Group>
    </Stack>
  );
}
