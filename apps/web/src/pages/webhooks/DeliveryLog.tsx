import type { WebhookDelivery, WebhookEndpoint } from '@liaison/contracts';
import { Badge, Button, Card, Code, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRepeat } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote, PageLoader } from '../../components/PageState.tsx';
import { dateTime } from '../../format.ts';
import { deliveryStatusColors, deliveryStatusLabels, webhookQueries } from './webhook-queries.ts';

export function DeliveryStatus({ status }: { status: WebhookDelivery['status'] }) {
  return (
    <Badge size="sm" variant="light" color={deliveryStatusColors[status]}>
      {deliveryStatusLabels[status]}
    </Badge>
  );
}

/** One endpoint's deliveries, newest first; a row opens its attempts. */
export function DeliveryLog({ endpoint }: { endpoint: WebhookEndpoint }) {
  const log = useQuery(webhookQueries.deliveries(endpoint.id));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card mt="lg" aria-label={`Deliveries to ${endpoint.name}`} component="section">
      <CardTitle>Deliveries to {endpoint.name}</CardTitle>
      {log.isPending ? (
        <PageLoader />
      ) : log.error ? (
        <ErrorNote error={log.error} />
      ) : log.data.items.length === 0 ? (
        <Empty>Nothing sent yet. Send a test event, or wait for an event of its types.</Empty>
      ) : (
        <Table highlightOnHover aria-label="Delivery log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last HTTP status</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.items.map((delivery) => (
              <Table.Tr key={delivery.id}>
                <Table.Td>
                  <Code>{delivery.eventType}</Code>
                  {delivery.replayOf && (
                    <Badge ml={6} size="xs" variant="outline" color="gray">
                      Replay
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <DeliveryStatus status={delivery.status} />
                </Table.Td>
                <Table.Td className="num">{delivery.attemptCount}</Table.Td>
                <Table.Td className="num">{delivery.lastHttpStatus ?? '—'}</Table.Td>
                <Table.Td className="num">{dateTime(delivery.createdAt)}</Table.Td>
                <Table.Td ta="right">
                  <Button size="compact-xs" variant="subtle" onClick={() => setOpen(delivery.id)}>
                    Attempts
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="lg"
        title="Delivery attempts"
      >
        {open && <DeliveryAttempts deliveryId={open} onReplayed={() => setOpen(null)} />}
      </Drawer>
    </Card>
  );
}

function DeliveryAttempts({ deliveryId, onReplayed }: { deliveryId: string; onReplayed: () => void }) {
  const queryClient = useQueryClient();
  const detail = useQuery(webhookQueries.delivery(deliveryId));
  const replay = useMutation({
    mutationFn: () => api.webhooks.replay(deliveryId),
    onSuccess: async (delivery) => {
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      notifications.show({
        color: 'teal',
        message: `Replayed as a new delivery (${delivery.id.slice(0, 8)}).`,
      });
      onReplayed();
    },
  });
  if (detail.isPending) return <PageLoader />;
  if (detail.error) return <ErrorNote error={detail.error} />;
  const delivery = detail.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Group gap="xs">
          <Code>{delivery.eventType}</Code>
          <DeliveryStatus status={delivery.status} />
        </Group>
        <Button
          size="xs"
          leftSection={<IconRepeat size={14} />}
          loading={replay.isPending}
          onClick={() => replay.mutate()}
        >
          Replay
        </Button>
      </Group>
      <ErrorNote error={replay.error} />
      <Text size="sm" c="dimmed">
        {delivery.payload.title}
        {delivery.nextAttemptAt && ` · next attempt not before ${dateTime(delivery.nextAttemptAt)}`}
      </Text>
      {delivery.attempts.length === 0 && <Empty>No attempt yet.</Empty>}
      {delivery.attempts.map((attempt) => (
        <Card key={attempt.attemptNo} withBorder p="sm" aria-label={`Attempt ${attempt.attemptNo}`}>
          <Group justify="space-between" mb={6}>
            <Text size="sm" fw={600}>
              Attempt {attempt.attemptNo}
            </Text>
            <Group gap="xs">
              <Badge
                size="sm"
                variant="light"
                color={attempt.httpStatus !== null && attempt.httpStatus < 300 ? 'teal' : 'red'}
              >
                {attempt.httpStatus ?? 'No answer'}
              </Badge>
              <Text size="xs" c="dimmed">
                {attempt.durationMs} ms · {dateTime(attempt.startedAt)}
              </Text>
            </Group>
          </Group>
          {attempt.error && (
            <Text size="sm" c="red.8">
              {attempt.error}
            </Text>
          )}
          {attempt.responseExcerpt !== null && (
            <Code
              block
              style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 240, overflow: 'auto' }}
            >
              {attempt.responseExcerpt || '(empty body)'}
            </Code>
          )}
        </Card>
      ))}
    </Stack>
  );
}
