import type { Task, UpdateTaskRequest } from '@liaison/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, isConflict } from '../../api.ts';
import { invalidateAccount } from '../../queries.ts';

/**
 * Refetch what a task write may have changed: on an account, everything about it (an action
 * item's task also changes its activity on the Timeline) and the book-wide views, which include
 * every task list and home; without one, the task lists and homes.
 */
export async function refreshAfterTaskWrite(
  queryClient: ReturnType<typeof useQueryClient>,
  accountId: string | null,
) {
  if (accountId) return invalidateAccount(queryClient, accountId);
  await queryClient.invalidateQueries({ queryKey: ['tasks'] });
  await queryClient.invalidateQueries({ queryKey: ['home'] });
}

/**
 * A change to a stored task, sent with the version the user saw. A stale version (409) means
 * someone changed it meanwhile: the lists are refetched and the user told, nothing is retried.
 */
export function useUpdateTask(success?: (task: Task, body: UpdateTaskRequest) => string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, body }: { task: Task; body: UpdateTaskRequest }) =>
      api.tasks.update(task.id, { ...body, version: task.version }),
    onSuccess: async (saved, { body }) => {
      await refreshAfterTaskWrite(queryClient, saved.accountId);
      const message = success?.(saved, body);
      if (message) notifications.show({ message, color: 'teal', autoClose: 3000 });
    },
    onError: async (error, { task }) => {
      if (isConflict(error)) {
        await refreshAfterTaskWrite(queryClient, task.accountId);
        notifications.show({
          title: 'Someone else changed this task',
          message: 'The list shows their version now; try again if it still needs doing.',
          color: 'orange',
        });
        return;
      }
      notifications.show({ title: 'Not saved', message: errorMessage(error), color: 'red' });
    },
  });
}
