import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api.ts';
import { Empty } from '../../components/PageState.tsx';
import { date } from '../../format.ts';
import { useUserNames } from '../../hooks.ts';
import { useAccountMutation } from '../../mutations.ts';

/**
 * EMEA Enterprise priorities are proposed, not computed: the TAM proposes with a reason, a TAM
 * manager approves, and the approved one is what the account's priority shows.
 */
export function ProposalBlock({
  accountId,
  proposal,
  canEdit,
  canApprove,
}: {
  accountId: string;
  proposal: Awaited<ReturnType<typeof api.priorityProposals.get>>;
  canEdit: boolean;
  canApprove: boolean;
}) {
  const userName = useUserNames();
  const [priority, setPriority] = useState<'pr1' | 'pr2'>('pr1');
  const [reason, setReason] = useState('');
  const propose = useAccountMutation(
    accountId,
    () => api.priorityProposals.propose(accountId, { priority, reason: reason.trim() || null }),
    { success: 'Priority proposed: a TAM manager approves it.', notifyErrors: true },
  );
  const approve = useAccountMutation(
    accountId,
    (version: number) => api.priorityProposals.approve(accountId, version),
    {
      success: 'Proposal approved.',
      notifyErrors: true,
    },
  );
  return (
    <Stack gap={6} mt="xs">
      {proposal ? (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">
            Proposed <b>{proposal.priority.toUpperCase().replace('PR', 'P')}</b> by{' '}
            {userName(proposal.proposedBy)} on {date(proposal.proposedAt)}
            {proposal.reason ? ` — ${proposal.reason}` : ''}
          </Text>
          {proposal.approvedAt ? (
            <Badge color="teal" variant="light">
              Approved by {userName(proposal.approvedBy)}
            </Badge>
          ) : canApprove ? (
            <Button
              size="xs"
              color="teal"
              onClick={() => approve.mutate(proposal.version)}
              loading={approve.isPending}
            >
              Approve
            </Button>
          ) : (
            <Badge color="orange" variant="light">
              Awaiting approval
            </Badge>
          )}
        </Group>
      ) : (
        <Empty>No priority proposal yet.</Empty>
      )}
      {canEdit && (
        <Group gap="xs" wrap="nowrap">
          <Select
            aria-label="Proposed priority"
            size="xs"
            w={80}
            data={[
              { value: 'pr1', label: 'P1' },
              { value: 'pr2', label: 'P2' },
            ]}
            value={priority}
            onChange={(value) => setPriority(value ?? 'pr1')}
          />
          <TextInput
            aria-label="Reason for the proposal"
            placeholder="Reason"
            size="xs"
            style={{ flex: 1 }}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Button
            size="xs"
            variant="light"
            onClick={() => propose.mutate(undefined)}
            loading={propose.isPending}
          >
            Propose
          </Button>
        </Group>
      )}
    </Stack>
  );
}
