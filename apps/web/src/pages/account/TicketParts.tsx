import type { Assessment, SupportTicket } from '@liaison/contracts';
import { ActionIcon, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconDots, IconPencil, IconRotate, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { api, isConflict } from '../../api.ts';
import { Dot, healthColors } from '../../components/Badges.tsx';
import { Explain } from '../../components/Explain.tsx';
import { healthLabels, label, plural } from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { recentTicketCount } from '../../playbook-text.ts';
import { queries } from '../../queries.ts';

/** Close now / reopen in one click; anything else through the form. */
export function TicketActions({
  ticket,
  onEdit,
  onDelete,
}: {
  ticket: SupportTicket;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const queryClient = useQueryClient();
  const closing = ticket.closedAt === null;
  const toggle = useAccountMutation(
    ticket.accountId,
    () =>
      api.supportTickets.update(ticket.id, {
        closedAt: closing ? new Date().toISOString() : null,
        version: ticket.version,
      }),
    { success: closing ? 'Ticket closed.' : 'Ticket reopened.', notifyErrors: true },
  );
  return (
    <Menu position="bottom-end" width={170} withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          aria-label="Ticket actions"
          loading={toggle.isPending}
        >
          <IconDots size={14} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={closing ? <IconCircleCheck size={14} /> : <IconRotate size={14} />}
          onClick={() =>
            toggle.mutate(undefined, {
              onError: (error) => {
                if (!isConflict(error)) return;
                // Someone else changed it: show their version rather than overwrite it.
                void queryClient.invalidateQueries({
                  queryKey: queries.supportTickets(ticket.accountId).queryKey,
                });
                notifications.show({
                  title: 'Not saved',
                  message: 'Someone else changed this ticket; it has been reloaded. Check it and try again.',
                  color: 'orange',
                });
              },
            })
          }
        >
          {closing ? 'Close ticket' : 'Reopen ticket'}
        </Menu.Item>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
          Edit
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
          Delete
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** What the playbook makes of the tickets: the count it reads and the measure's colour, explained. */
export function TicketHealth({
  tracked,
  tickets,
  assessment,
  now,
}: {
  tracked: boolean;
  tickets: SupportTicket[];
  assessment: Assessment;
  now: number;
}) {
  const playbook = usePlaybook();
  if (!tracked)
    return (
      <Text size="xs" c="dimmed" mb="sm">
        No ticket data for this account yet: the support-ticket health measure is left out until the first
        ticket is recorded.
      </Text>
    );
  const recent = recentTicketCount(
    tickets.map((ticket) => ticket.openedAt),
    now,
    playbook,
  );
  const measure = assessment.health.measures.find((item) => item.measure === 'support_tickets');
  return (
    <Group gap="xs" mb="sm" data-testid="ticket-health">
      <Text size="xs" c="dimmed">
        {plural(recent, 'ticket')} opened in the last {playbook.health.supportTicketWindowDays} days
      </Text>
      {measure && (
        <Explain
          explanation={measure.explanation}
          title="Support tickets in health"
          label="Explain ticket health"
        >
          <Group gap={4} wrap="nowrap">
            <Dot color={healthColors[measure.colour ?? 'none']!} />
            <Text size="xs">
              {measure.included && measure.colour
                ? `${label(healthLabels, measure.colour)} health measure`
                : 'not counted in health now'}
            </Text>
          </Group>
        </Explain>
      )}
    </Group>
  );
}
