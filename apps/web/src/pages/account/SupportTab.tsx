import type { SupportTicket } from '@liaison/contracts';
import { Badge, Button, Card, Group, Modal, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { CardTitle } from '../../components/PageHeader.tsx';
import { Empty, ErrorNote } from '../../components/PageState.tsx';
import { date, dateTime, humanize, label, plural } from '../../format.ts';
import { queries } from '../../queries.ts';
import type { AccountContext } from './AccountPage.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { severityLabels, TicketForm } from './TicketForm.tsx';
import { TicketActions, TicketHealth } from './TicketParts.tsx';

const severityColors: Record<string, string> = { urgent: 'red', high: 'orange', normal: 'gray', low: 'gray' };
const DAY_MS = 86_400_000;
/** Rows shown before "Show all": a busy account has a ticket a day. */
const FIRST_ROWS = 25;

/** How long a ticket was (or has been) open: `5 hours`, `3 days`. */
function openFor(ticket: SupportTicket, now: number): string {
  const ms = (ticket.closedAt ? Date.parse(ticket.closedAt) : now) - Date.parse(ticket.openedAt);
  if (ms < DAY_MS) return plural(Math.max(1, Math.round(ms / 3_600_000)), 'hour');
  return plural(Math.floor(ms / DAY_MS), 'day');
}

export function SupportTab({ account, assessment, canEdit }: AccountContext) {
  const tickets = useQuery(queries.supportTickets(account.id));
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [showAll, setShowAll] = useState(false);
  // `null` is the new-ticket form; by id so a refetch hands the latest version to the form.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  const all = tickets.data ?? [];
  const open = all.filter((ticket) => ticket.closedAt === null);
  const shown = filter === 'open' ? open : all;
  const rows = showAll ? shown : shown.slice(0, FIRST_ROWS);
  const edited = all.find((ticket) => ticket.id === editing) ?? null;
  const deleting = all.find((ticket) => ticket.id === deletingId) ?? null;
  const now = Date.now();

  return (
    <Card data-testid="support-tickets">
      <CardTitle
        right={
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              aria-label="Which tickets"
              value={filter}
              onChange={(value) => setFilter(value as 'open' | 'all')}
              data={[
                { value: 'open', label: `Open (${open.length})` },
                { value: 'all', label: `All (${all.length})` },
              ]}
            />
            {canEdit && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing(null)}>
                New ticket
              </Button>
            )}
          </Group>
        }
      >
        Support tickets
      </CardTitle>
      <TicketHealth tracked={account.supportTicketsTracked} tickets={all} assessment={assessment} now={now} />
      {tickets.error ? (
        <ErrorNote error={tickets.error} />
      ) : tickets.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : shown.length === 0 ? (
        <Empty>{filter === 'open' && all.length > 0 ? 'No open tickets.' : 'No tickets recorded.'}</Empty>
      ) : (
        <Table aria-label="Support tickets" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Subject</Table.Th>
              <Table.Th w={100}>Severity</Table.Th>
              <Table.Th w={90}>Status</Table.Th>
              <Table.Th w={120}>Opened</Table.Th>
              <Table.Th w={120}>Closed</Table.Th>
              <Table.Th w={110}>Open for</Table.Th>
              {canEdit && <Table.Th w={44} aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((ticket) => (
              <Table.Tr
                key={ticket.id}
                data-testid="ticket"
                data-status={ticket.closedAt ? 'closed' : 'open'}
              >
                <Table.Td>
                  <Text size="sm" fw={500} lineClamp={1}>
                    {ticket.subject}
                  </Text>
                  {Object.keys(ticket.externalIds).length > 0 && (
                    <Text size="xs" c="dimmed">
                      {Object.entries(ticket.externalIds)
                        .map(([system, id]) => `${humanize(system)} #${id}`)
                        .join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="sm"
                    color={severityColors[ticket.severity] ?? 'gray'}
                    variant={
                      ticket.severity === 'urgent'
                        ? 'filled'
                        : ticket.severity === 'low'
                          ? 'outline'
                          : 'light'
                    }
                  >
                    {label(severityLabels, ticket.severity)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {ticket.closedAt ? (
                    <Badge size="sm" color="gray" variant="light">
                      Closed
                    </Badge>
                  ) : (
                    <Badge size="sm" color="orange" variant="light">
                      Open
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td className="num" title={dateTime(ticket.openedAt)}>
                  {date(ticket.openedAt)}
                </Table.Td>
                <Table.Td className="num" title={ticket.closedAt ? dateTime(ticket.closedAt) : undefined}>
                  {date(ticket.closedAt)}
                </Table.Td>
                <Table.Td className="num" c={ticket.closedAt ? 'dimmed' : undefined}>
                  {openFor(ticket, now)}
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <TicketActions
                      ticket={ticket}
                      onEdit={() => setEditing(ticket.id)}
                      onDelete={() => setDeletingId(ticket.id)}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {shown.length > rows.length && (
        <Button variant="default" size="xs" mt="sm" onClick={() => setShowAll(true)}>
          Show all {shown.length}
        </Button>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing === null ? 'New support ticket' : 'Edit support ticket'}
        centered
      >
        {editing !== undefined && (editing === null || edited) && (
          <TicketForm accountId={account.id} ticket={edited} onDone={() => setEditing(undefined)} />
        )}
      </Modal>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeletingId(null)}
        title="Delete this ticket?"
        centered
      >
        {deleting && (
          <ConfirmDelete
            accountId={account.id}
            action={() => api.supportTickets.delete(deleting.id, deleting.version)}
            listKey={queries.supportTickets(account.id).queryKey}
            success="Ticket deleted."
            confirmLabel="Delete ticket"
            onDone={() => setDeletingId(null)}
          >
            <Text size="sm">
              <b>{deleting.subject}</b>, opened {date(deleting.openedAt)}.
            </Text>
            <Text size="xs" c="dimmed">
              Delete only a ticket recorded by mistake; a resolved ticket is closed instead, so the health
              measure keeps counting it.
            </Text>
          </ConfirmDelete>
        )}
      </Modal>
    </Card>
  );
}
