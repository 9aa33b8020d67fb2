import { type CreatedWebhookEndpoint, eventTypeLabels, type WebhookEndpoint } from '@liaison/contracts';
import { Badge, Button, Card, Code, Group, Menu, Modal, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconDots,
  IconKey,
  IconPencil,
  IconPlus,
  IconSend,
  IconTrash,
  IconWebhook,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, errorMessage } from '../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageError, PageLoader } from '../../components/PageState.tsx';
import { dateTime } from '../../format.ts';
import { DeliveryLog, DeliveryStatus } from './DeliveryLog.tsx';
import { ConfirmEndpointAction, EndpointForm, SecretReveal } from './WebhookDialogs.tsx';
import { formatLabels, webhookQueries } from './webhook-queries.ts';

type Dialog =
  | { kind: 'edit'; endpoint: WebhookEndpoint | null }
  | { kind: 'rotate' | 'delete'; endpoint: WebhookEndpoint }
  | { kind: 'secret'; endpoint: CreatedWebhookEndpoint };

const titles = {
  edit: (endpoint: WebhookEndpoint | null) => (endpoint ? `Edit ${endpoint.name}` : 'New webhook endpoint'),
  rotate: () => 'Rotate signing secret?',
  delete: () => 'Delete webhook endpoint?',
  secret: () => 'Copy the signing secret',
};

/**
 * Outbound webhooks (docs/webhooks.md): admins register endpoints, see each one's delivery log
 * and replay a delivery. The server refuses everyone else; the navigation hides the page from them.
 */
export function WebhooksPage() {
  const queryClient = useQueryClient();
  const endpoints = useQuery(webhookQueries.endpoints());
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const sendTest = useMutation({
    mutationFn: (endpoint: WebhookEndpoint) => api.webhooks.sendTest(endpoint.id),
    onSuccess: async (delivery, endpoint) => {
      setSelected(endpoint.id);
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
      notifications.show({
        color: 'teal',
        message: `Test event queued for ${endpoint.name} (${delivery.id.slice(0, 8)}).`,
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  if (endpoints.isPending) return <PageLoader />;
  if (endpoints.error) return <PageError error={endpoints.error} />;
  const shown = endpoints.data.find((endpoint) => endpoint.id === selected) ?? null;
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title="Webhooks"
        subtitle="Events sent to other systems as they happen: signed, retried, logged"
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDialog({ kind: 'edit', endpoint: null })}
          >
            New endpoint
          </Button>
        }
      />
      <Card p={0}>
        <Table highlightOnHover aria-label="Webhook endpoints">
          <Table.Thead>
            <Table.Tr>
              <Table.Th pl="md">Name</Table.Th>
              <Table.Th>URL</Table.Th>
              <Table.Th>Format</Table.Th>
              <Table.Th>Event types</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Last delivery</Table.Th>
              <Table.Th pr="md" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoints.data.map((endpoint) => (
              <Table.Tr
                key={endpoint.id}
                style={{ opacity: endpoint.isActive ? 1 : 0.6 }}
                bg={endpoint.id === selected ? 'var(--mantine-color-brand-0)' : undefined}
              >
                <Table.Td pl="md">
                  <Group gap={8} wrap="nowrap">
                    <IconWebhook size={15} color="var(--mantine-color-gray-6)" />
                    <Text size="sm" fw={500}>
                      {endpoint.name}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td maw={280}>
                  <Text size="sm" truncate title={endpoint.url}>
                    {endpoint.url}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{endpoint.format === 'slack' ? 'Slack' : 'Liaison JSON'}</Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip
                    label={endpoint.eventTypes.map((type) => eventTypeLabels[type]).join(' · ')}
                    multiline
                    w={320}
                  >
                    <Group gap={4}>
                      {endpoint.eventTypes.slice(0, 2).map((type) => (
                        <Code key={type}>{type}</Code>
                      ))}
                      {endpoint.eventTypes.length > 2 && (
                        <Text size="xs" c="dimmed">
                          +{endpoint.eventTypes.length - 2}
                        </Text>
                      )}
                    </Group>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="dot" color={endpoint.isActive ? 'teal' : 'gray'}>
                    {endpoint.isActive ? 'Active' : 'Disabled'}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {endpoint.lastDelivery ? (
                    <Group gap={6} wrap="nowrap">
                      <DeliveryStatus status={endpoint.lastDelivery.status} />
                      <Text size="xs" c="dimmed">
                        {dateTime(endpoint.lastDelivery.createdAt)}
                      </Text>
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Never
                    </Text>
                  )}
                </Table.Td>
                <Table.Td pr="md" ta="right">
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="compact-xs" variant="subtle" onClick={() => setSelected(endpoint.id)}>
                      Deliveries
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconSend size={12} />}
                      disabled={!endpoint.isActive}
                      loading={sendTest.isPending && sendTest.variables?.id === endpoint.id}
                      onClick={() => sendTest.mutate(endpoint)}
                    >
                      Send test
                    </Button>
                    <EndpointMenu endpoint={endpoint} open={(kind) => setDialog({ kind, endpoint })} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {endpoints.data.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            No endpoints yet. Register one to send events to a system of yours or to a Slack channel.
          </Text>
        )}
      </Card>
      {shown && <DeliveryLog endpoint={shown} />}

      <Modal
        opened={dialog !== null}
        onClose={close}
        title={dialog ? titles[dialog.kind](dialog.endpoint) : ''}
        centered
        size={dialog?.kind === 'edit' || dialog?.kind === 'secret' ? 'lg' : 'md'}
        // A stray click outside must not throw away the only chance to copy the secret.
        closeOnClickOutside={dialog?.kind !== 'secret'}
      >
        {dialog?.kind === 'edit' && (
          <EndpointForm
            endpoint={dialog.endpoint}
            onDone={close}
            onCreated={(created) => {
              setSelected(created.id);
              setDialog({ kind: 'secret', endpoint: created });
            }}
          />
        )}
        {(dialog?.kind === 'rotate' || dialog?.kind === 'delete') && (
          <ConfirmEndpointAction
            endpoint={dialog.endpoint}
            action={dialog.kind}
            onDone={close}
            onRotated={(rotated) => setDialog({ kind: 'secret', endpoint: rotated })}
          />
        )}
        {dialog?.kind === 'secret' && <SecretReveal endpoint={dialog.endpoint} onDone={close} />}
      </Modal>
    </>
  );
}

function EndpointMenu({
  endpoint,
  open,
}: {
  endpoint: WebhookEndpoint;
  open: (kind: 'edit' | 'rotate' | 'delete') => void;
}) {
  return (
    <Menu position="bottom-end" width={190}>
      <Menu.Target>
        <Button size="compact-xs" variant="subtle" color="gray" aria-label={`More for ${endpoint.name}`}>
          <IconDots size={14} />
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{formatLabels[endpoint.format]}</Menu.Label>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => open('edit')}>
          Edit
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={14} />} onClick={() => open('rotate')}>
          Rotate secret
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => open('delete')}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
