import type { SupportTicket, TicketSeverity } from '@liaison/contracts';
import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isConflict } from '../../api.ts';
import { ConflictNotice } from '../../components/ConflictNotice.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { options } from '../../format.ts';
import { usePlaybook } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';
import { queries } from '../../queries.ts';
import { errorsOf, instantOf, localInput, same, useDraft } from './draft.ts';

export const severityLabels: Record<string, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

interface TicketDraft {
  subject: string;
  severity: string;
  openedAt: string;
  closedAt: string;
}
const FIELDS = ['subject', 'severity', 'openedAt', 'closedAt'] as const;

const draftOf = (ticket: SupportTicket | null): TicketDraft =>
  ticket
    ? {
        subject: ticket.subject,
        severity: ticket.severity,
        openedAt: localInput(ticket.openedAt),
        closedAt: ticket.closedAt ? localInput(ticket.closedAt) : '',
      }
    : { subject: '', severity: 'normal', openedAt: localInput(), closedAt: '' };

function ticketBody(draft: TicketDraft, fields: readonly (keyof TicketDraft)[]) {
  return {
    ...(fields.includes('subject') && { subject: draft.subject }),
    ...(fields.includes('severity') && { severity: draft.severity as TicketSeverity }),
    ...(fields.includes('openedAt') && { openedAt: instantOf(draft.openedAt) }),
    // An empty "Closed" is an open ticket.
    ...(fields.includes('closedAt') && { closedAt: draft.closedAt ? instantOf(draft.closedAt) : null }),
  };
}

/**
 * Records a ticket (`ticket` null) or corrects one. An edit saves only the changed fields with
 * the version it read; after a 409 the latest ticket is reloaded and the user's text kept.
 */
export function TicketForm({
  accountId,
  ticket,
  onDone,
}: {
  accountId: string;
  ticket: SupportTicket | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const { supportTicketWindowDays } = usePlaybook().health;
  const form = useDraft(draftOf(ticket), ticket?.version ?? 0);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  const save = useAccountMutation(
    accountId,
    ({ values, fields, version }: { values: TicketDraft; fields: (keyof TicketDraft)[]; version: number }) =>
      ticket
        ? api.supportTickets.update(ticket.id, { ...ticketBody(values, fields), version })
        : api.supportTickets.create(accountId, {
            ...ticketBody(values, FIELDS),
            subject: values.subject,
            openedAt: instantOf(values.openedAt),
          }),
    { success: ticket ? 'Ticket saved.' : 'Ticket recorded.' },
  );
  const errors = errorsOf(save.error, FIELDS);

  const submit = () => {
    const fields = FIELDS.filter((field) => !same(form.draft[field], form.original[field]));
    if (ticket && fields.length === 0) return onDone();
    save.mutate({ values: form.draft, fields, version: form.version }, { onSuccess: onDone });
  };
  const reload = async () => {
    if (!ticket) return;
    setReloading(true);
    setReloadError(null);
    try {
      // There is no single-ticket read: the account's list is the source.
      const latest = (
        await queryClient.fetchQuery({ ...queries.supportTickets(accountId), staleTime: 0 })
      ).find((candidate) => candidate.id === ticket.id);
      if (!latest) throw new Error('This ticket has been deleted by someone else.');
      form.rebase(draftOf(latest), latest.version);
      save.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form
      aria-label={ticket ? 'Edit ticket' : 'New ticket'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {isConflict(save.error) && <ConflictNotice onReload={reload} reloading={reloading} />}
        {reloadError ? <ErrorNote error={reloadError} /> : null}
        <TextInput
          label="Subject"
          placeholder="e.g. Runners time out after the 17.2 upgrade"
          required
          data-autofocus
          value={form.draft.subject}
          onChange={(event) => form.update({ subject: event.currentTarget.value })}
          error={errors.at('subject')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="ticket-severity">
            Severity
          </Text>
          <SegmentedControl
            aria-labelledby="ticket-severity"
            data={options(severityLabels)}
            value={form.draft.severity}
            onChange={(severity) => form.update({ severity })}
            fullWidth
          />
          {errors.at('severity') && (
            <Text size="xs" c="red.7">
              {errors.at('severity')}
            </Text>
          )}
        </Stack>
        <Group grow gap="xs" align="flex-start">
          <TextInput
            label="Opened"
            type="datetime-local"
            description="When the customer raised it"
            required
            value={form.draft.openedAt}
            onChange={(event) => form.update({ openedAt: event.currentTarget.value })}
            error={errors.at('openedAt')}
          />
          <TextInput
            label="Closed"
            type="datetime-local"
            description="Empty while it is open"
            value={form.draft.closedAt}
            onChange={(event) => form.update({ closedAt: event.currentTarget.value })}
            error={errors.at('closedAt')}
          />
        </Group>
        {errors.general && <ErrorNote error={save.error} />}
        <Text size="xs" c="dimmed">
          Tickets opened in the last {supportTicketWindowDays} days count towards the account's health.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {ticket ? 'Save ticket' : 'Record ticket'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
