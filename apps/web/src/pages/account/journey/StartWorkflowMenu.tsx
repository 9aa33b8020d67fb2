import type { Account, StartWorkflowRequest, WorkflowKind } from '@liaison/contracts';
import { Button, Group, Menu, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconChevronDown, IconPlayerPlay } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, fieldErrors } from '../../../api.ts';
import { ErrorNote } from '../../../components/PageState.tsx';
import { label, options } from '../../../format.ts';
import {
  disengagementReasonLabels,
  overlapTriggerLabels,
  workflowKindLabels,
} from '../../../journey-format.ts';
import { useAccountMutation } from '../../../mutations.ts';
import { queries } from '../../../queries.ts';

const HINTS: Record<string, string> = {
  journey: 'The 21 steps of the responsibility matrix, from lead to closed-won.',
  sa_tam_handoff:
    'General account review, technical handoff, TAM introduction; the TAM’s acceptance makes the assignment effective.',
  welcome_call: 'The SAL/AE schedules it; the TAM leads it; it is logged as a meeting.',
  tam_handover: 'Review with the incoming TAM, the introduction, then the manager hands the account over.',
  disengagement:
    'Talk it over with the TAM manager, hold the conversation, review the options, send the generated summary; the TAM’s assignment ends at completion.',
  sa_overlap: 'Gives the SA a step on this account, visible to the TAM.',
};

/** Starts the workflows the server says the caller may start now (`canStart`). */
export function StartWorkflowMenu({ account, canStart }: { account: Account; canStart: WorkflowKind[] }) {
  const [kind, setKind] = useState<WorkflowKind | null>(null);
  if (canStart.length === 0) return null;
  return (
    <>
      <Menu position="bottom-end" width={260}>
        <Menu.Target>
          <Button
            size="xs"
            leftSection={<IconPlayerPlay size={14} />}
            rightSection={<IconChevronDown size={14} />}
          >
            Start workflow
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {canStart.map((option) => (
            <Menu.Item key={option} onClick={() => setKind(option)}>
              {label(workflowKindLabels, option)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={kind !== null}
        onClose={() => setKind(null)}
        title={kind ? `Start: ${label(workflowKindLabels, kind)}` : ''}
        centered
      >
        {kind && <StartForm key={kind} account={account} kind={kind} onDone={() => setKind(null)} />}
      </Modal>
    </>
  );
}

function StartForm({ account, kind, onDone }: { account: Account; kind: WorkflowKind; onDone: () => void }) {
  const users = useQuery(queries.users());
  const [tamUserId, setTamUserId] = useState<string | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const start = useAccountMutation(
    account.id,
    () =>
      api.journey.start(account.id, {
        kind,
        ...(tamUserId ? { tamUserId } : {}),
        ...(reason ? { reason: reason as StartWorkflowRequest['reason'] } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    { success: (workflow) => `${workflow.name} started.` },
  );
  const errors = fieldErrors(start.error);
  const currentTam = account.team.find((member) => member.role === 'tam')?.userId;
  const tams = (users.data ?? [])
    .filter((user) => user.isActive && user.roles.includes('tam') && user.id !== currentTam)
    .map((user) => ({ value: user.id, label: user.name }));
  const asksTam = kind === 'sa_tam_handoff' || kind === 'tam_handover';

  return (
    <form
      aria-label={`Start ${label(workflowKindLabels, kind)}`}
      onSubmit={(event) => {
        event.preventDefault();
        start.mutate(undefined, { onSuccess: onDone });
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {HINTS[kind]}
        </Text>
        {asksTam && (
          <Select
            label={kind === 'tam_handover' ? 'Incoming TAM' : 'The TAM who will accept'}
            placeholder="Pick a TAM"
            searchable
            data={tams}
            value={tamUserId}
            onChange={setTamUserId}
            error={errors.tamUserId}
            required={kind === 'tam_handover'}
          />
        )}
        {kind === 'disengagement' && (
          <Select
            label="Reason"
            placeholder="From the account’s situation"
            description="Left empty, the server takes it from why the account is a disengagement candidate."
            data={options(disengagementReasonLabels)}
            value={reason}
            onChange={setReason}
            error={errors.reason}
          />
        )}
        {kind === 'sa_overlap' && (
          <Select
            label="What brings the SA back in"
            placeholder="Pick the trigger"
            data={options(overlapTriggerLabels)}
            value={reason}
            onChange={setReason}
            error={errors.reason}
            required
          />
        )}
        {kind !== 'journey' && kind !== 'welcome_call' && (
          <Textarea
            label="Note"
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note}
          />
        )}
        {start.error && Object.keys(errors).length === 0 && <ErrorNote error={start.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" size="xs" loading={start.isPending}>
            Start
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
