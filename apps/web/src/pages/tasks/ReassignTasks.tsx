import { Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api.ts';
import { ErrorNote } from '../../components/PageState.tsx';
import { queries } from '../../queries.ts';

/**
 * "Reassign tasks" for a manager when someone leaves or changes job: every open task of theirs
 * (action items included) goes to the person picked, in one write (docs/tasks.md).
 */
export function ReassignTasks({ from }: { from: { userId: string; name: string } }) {
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState<string | null>(null);
  const users = useQuery({ ...queries.users(), enabled: open });
  const queryClient = useQueryClient();
  const reassign = useMutation({
    mutationFn: () => api.tasks.reassign({ fromUserId: from.userId, toUserId: to! }),
    onSuccess: async ({ reassigned }) => {
      notifications.show({
        message: `${reassigned} open task${reassigned === 1 ? '' : 's'} of ${from.name} reassigned.`,
        color: 'teal',
      });
      setOpen(false);
      await queryClient.invalidateQueries();
    },
  });
  const choices = (users.data ?? [])
    .filter(
      (user) => user.isActive && user.id !== from.userId && !user.roles.every((role) => role === 'viewer'),
    )
    .map((user) => ({ value: user.id, label: user.name }));
  return (
    <>
      <Anchor component="button" size="xs" c="dimmed" display="block" onClick={() => setOpen(true)}>
        reassign tasks
      </Anchor>
      <Modal opened={open} onClose={() => setOpen(false)} title={`Reassign ${from.name}’s open tasks`}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Every open task {from.name} owns — made by hand or an action item — goes to the person you pick.
            Their accounts' team seats do not change: hand those over on each account's team.
          </Text>
          <Select
            label="Give them to"
            placeholder="Pick a person"
            searchable
            data={choices}
            value={to}
            onChange={setTo}
          />
          {reassign.error && <ErrorNote error={reassign.error} />}
          <Group justify="flex-end">
            <Button disabled={!to} loading={reassign.isPending} onClick={() => reassign.mutate()}>
              Reassign
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
