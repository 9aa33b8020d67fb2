import type { Workflow } from '@liaison/contracts';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, isConflict } from '../../../api.ts';
import { ConflictNotice } from '../../../components/ConflictNotice.tsx';
import { ErrorNote } from '../../../components/PageState.tsx';
import { useAccountMutation } from '../../../mutations.ts';
import { queries } from '../../../queries.ts';

/**
 * Cancels a running workflow with a reason, for whoever may edit the account (the server checks
 * again). The steps keep their state; a cancelled workflow moves to the finished list.
 */
export function CancelWorkflow({ workflow }: { workflow: Workflow }) {
  const account = useQuery(queries.account(workflow.accountId));
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useAccountMutation(
    workflow.accountId,
    () => api.journey.cancel(workflow.id, { reason: reason.trim(), version: workflow.version }),
    { success: `${workflow.name} cancelled.` },
  );
  if (!account.data?.can.edit) return null;
  return (
    <>
      <Button
        size="xs"
        variant="subtle"
        color="gray"
        leftSection={<IconX size={14} />}
        onClick={() => setOpen(true)}
      >
        Cancel workflow
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Cancel ${workflow.name}?`} centered>
        <form
          aria-label={`Cancel ${workflow.name}`}
          onSubmit={(event) => {
            event.preventDefault();
            cancel.mutate(undefined, { onSuccess: () => setOpen(false) });
          }}
        >
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Its steps stop where they are; the workflow stays in the account’s history.
            </Text>
            <Textarea
              label="Why?"
              required
              autosize
              minRows={2}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            {isConflict(cancel.error) ? (
              <ConflictNotice
                message="The workflow changed after you opened it. Reload it, then decide again."
                onReload={async () => {
                  await queryClient.invalidateQueries({
                    queryKey: queries.journey(workflow.accountId).queryKey,
                  });
                  cancel.reset();
                }}
              />
            ) : (
              cancel.error && <ErrorNote error={cancel.error} />
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setOpen(false)}>
                Keep it running
              </Button>
              <Button
                type="submit"
                size="xs"
                color="red"
                disabled={reason.trim() === ''}
                loading={cancel.isPending}
              >
                Cancel workflow
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
