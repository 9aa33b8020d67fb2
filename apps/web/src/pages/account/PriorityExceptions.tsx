import type { ExceptionKind, PriorityException } from '@liaison/contracts';
import { Badge, Button, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api, fieldErrors } from '../../api.ts';
import { OpenFormButton } from '../../components/OpenFormButton.tsx';
import { ErrorNote } from '../../components/PageState.tsx';
import { date, humanize } from '../../format.ts';
import { useAccountMutation } from '../../mutations.ts';

// A P1/P2/P3 exception to the model's priority: requested by the account team with a reason,
// decided by a TAM manager (see PriorityCard).

export function ExceptionRow({
  accountId,
  exception,
  canDecide,
  userName,
}: {
  accountId: string;
  exception: PriorityException;
  canDecide: boolean;
  userName: (id: string | null) => string;
}) {
  const decide = useAccountMutation(
    accountId,
    (decision: 'approve' | 'reject') =>
      api.priorityExceptions.decide(exception.id, { decision, version: exception.version }),
    { success: (result) => `Exception ${result.status}.`, notifyErrors: true },
  );
  const color =
    exception.status === 'approved' ? 'teal' : exception.status === 'rejected' ? 'gray' : 'orange';
  return (
    <Table.Tr>
      <Table.Td w={60}>
        <Badge size="sm" variant="outline">
          {exception.kind.toUpperCase()}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{exception.reason}</Text>
        <Text size="xs" c="dimmed">
          requested by {userName(exception.requestedBy)} on {date(exception.requestedAt)}
          {exception.approvedBy ? ` · decided by ${userName(exception.approvedBy)}` : ''}
          {exception.expiresAt ? ` · expires ${date(exception.expiresAt)}` : ''}
        </Text>
      </Table.Td>
      <Table.Td w={190} ta="right">
        {exception.status === 'requested' && canDecide ? (
          <Group gap={6} justify="flex-end" wrap="nowrap">
            <Button
              size="xs"
              color="teal"
              onClick={() => decide.mutate('approve')}
              loading={decide.isPending}
            >
              Approve
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => decide.mutate('reject')}
              disabled={decide.isPending}
            >
              Reject
            </Button>
          </Group>
        ) : (
          <Badge color={color} variant="light">
            {humanize(exception.status)}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ExceptionForm({ accountId }: { accountId: string }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ExceptionKind>('p1');
  const [reason, setReason] = useState('');
  const request = useAccountMutation(
    accountId,
    (input: { kind: ExceptionKind; reason: string }) => api.priorityExceptions.request(accountId, input),
    { success: 'Exception requested: it counts once approved.' },
  );
  const errors = fieldErrors(request.error);
  if (!open) return <OpenFormButton onClick={() => setOpen(true)}>Request an exception</OpenFormButton>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate(
          { kind, reason },
          {
            onSuccess: () => {
              setReason('');
              setOpen(false);
            },
          },
        );
      }}
    >
      <Group align="flex-start" gap="xs" mt="xs" wrap="nowrap">
        <Select
          label="Kind"
          size="xs"
          w={140}
          data={[
            { value: 'p1', label: 'P1 exception' },
            { value: 'p2', label: 'P2 exception' },
          ]}
          value={kind}
          onChange={(value) => setKind((value as ExceptionKind | null) ?? 'p1')}
        />
        <TextInput
          label="Reason"
          size="xs"
          style={{ flex: 1 }}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={errors.reason}
          placeholder="Why this account needs a different priority"
        />
        <Group gap={6} mt={22} wrap="nowrap">
          <Button type="submit" size="xs" loading={request.isPending}>
            Request
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </Group>
      </Group>
      {request.error && !errors.reason && <ErrorNote error={request.error} />}
    </form>
  );
}
